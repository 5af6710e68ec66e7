// Label sheets never hold up verification: the production server makes them on a worker thread (which
// must resolve inside Next's compiled output, not only under tsx), a few at a time. While a full sheet
// renders, verifications go on being answered; a sheet over the cap is a named 400; beyond the workers
// and the queue a request gets 503 labels_busy with Retry-After; a client that leaves frees its place.
// Every assertion is about order or counts, never about how long something took.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { batchIdOf } from "../../lib/chain/backoffice";
import { readDeployment } from "../../lib/chain/deployment";
import { rpcProvider } from "../../lib/chain/provider";
import { parseEnv } from "../../lib/env";
import { readFirstLabel } from "../backoffice/label-sheet";
import { actAsCookie, baseUrl, deploymentFile, rpcUrl, scenario, scenarios, verify } from "./world";

// The seeded genuine batch: 4,000 boxes from serial 100001, made by 青禾.
const genuine = scenario("genuine");
const FULL = "count=480";
let path = "";
let cookie = "";

function sheet(query: string, options: { signal?: AbortSignal; language?: string } = {}) {
  return fetch(`${path}?${query}`, {
    headers: {
      cookie,
      ...(options.language ? { "accept-language": options.language } : {}),
    },
    signal: options.signal,
  });
}

before(async () => {
  const deployment = readDeployment(deploymentFile());
  const provider = rpcProvider(rpcUrl(), deployment.chainId);
  cookie = await actAsCookie("qinghe");
  path = `${baseUrl()}/manufacturer/batches/${await batchIdOf(deployment, provider, genuine.gtin, genuine.lot)}/labels.pdf`;
});

describe("label sheets", () => {
  it("keeps answering verifications, one after another, all through the making of a full sheet", async () => {
    // Loaded once first, so the sheet below spends its time making labels, not loading code.
    assert.equal((await sheet("count=16")).status, 200);
    let sheetDone = false;
    const full = sheet(FULL).then(async (response) => {
      const pdf = new Uint8Array(await response.arrayBuffer());
      sheetDone = true;
      return { status: response.status, pdf };
    });
    // Each verification is sent when the one before is answered, until the sheet is.
    const codes = scenarios().map((s) => s.code);
    let answeredMeanwhile = 0;
    while (!sheetDone) {
      const { status } = await verify(codes[answeredMeanwhile % codes.length]!);
      assert.equal(status, 200);
      if (!sheetDone) answeredMeanwhile++;
    }
    // Made on the event loop, the sheet held every verification for its whole drawing: a handful got
    // through before and after it. Made on a worker, verification goes on throughout (hundreds).
    assert.ok(answeredMeanwhile >= 20, `only ${answeredMeanwhile} verifications answered meanwhile`);
    const { status, pdf } = await full;
    assert.equal(status, 200);
    // The worker's sheet is the real thing: its first QR code reads as the batch's first box.
    const first = await readFirstLabel(pdf);
    assert.equal(first.pages, 30);
    assert.match(first.code, new RegExp(`/01/${genuine.gtin}/10/${genuine.lot}/21/100001\\b`));
  });

  it("publishes the check codes it prints: a typed line with one is checked against them", async () => {
    // Serial 103999's label was never made: its check code is not published yet.
    const line = `(01)${genuine.gtin}(10)${genuine.lot}(21)103999`;
    const signatureOf = async (typed: string) => {
      const { status, body } = await verify(typed);
      assert.equal(status, 200);
      return (body.checks as { id: string; status: string }[]).find((c) => c.id === "signature")?.status;
    };
    assert.equal(await signatureOf(`${line} 0000-0000-0000`), "unknown");
    const response = await sheet("from=103999&count=1");
    assert.equal(response.status, 200);
    const label = await readFirstLabel(new Uint8Array(await response.arrayBuffer()));
    const checkCode = /CHECK ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(label.text)?.[1];
    assert.ok(checkCode, `no check code on the label: ${label.text}`);
    assert.ok(label.text.includes("(21)103999"), "the label prints the serial's GS1 group");
    assert.equal(await signatureOf(`${line} ${checkCode}`), "pass");
    assert.equal(
      await signatureOf(`${line} ${checkCode === "0000-0000-0000" ? "0000-0000-0001" : "0000-0000-0000"}`),
      "fail",
    );
    assert.equal(await signatureOf(line), "unknown");
  });

  it("refuses a sheet over the cap with a named 400, in English and Chinese", async () => {
    const english = await sheet("count=481");
    assert.equal(english.status, 400);
    const body = (await english.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "too_many_labels");
    assert.match(body.error.message, /at most 480 labels/);
    const chinese = await sheet("count=481", { language: "zh-CN" });
    const zhBody = (await chinese.json()) as { error: { code: string; message: string } };
    assert.equal(zhBody.error.code, "too_many_labels");
    assert.match(zhBody.error.message, /最多 480 枚/);
  });

  it("answers 503 labels_busy beyond the workers and the queue, and a client that leaves frees its place", async () => {
    // The server and this test read the same configuration: sheets made at once plus sheets waiting.
    const { labelWorkers, labelQueue } = parseEnv(process.env);
    const clients = Array.from({ length: labelWorkers + labelQueue + 1 }, () => new AbortController());
    const requests = clients.map((client, i) =>
      sheet(`from=${100001 + i * 480}&${FULL}`, { signal: client.signal }).then(
        (response) => ({ i, response }),
        () => ({ i, response: null }),
      ),
    );
    // One request too many: the first answer is its refusal, while the others render or wait.
    const { i: refused, response } = await Promise.race(requests);
    assert.ok(response);
    assert.equal(response.status, 503);
    assert.ok(Number(response.headers.get("retry-after")) >= 1);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "labels_busy");
    assert.match(body.error.message, /Try again in \d+ seconds/);
    // Every other client leaves: the running sheet is stopped and the waiting ones dropped.
    clients.forEach((client, i) => i !== refused && client.abort());
    await Promise.all(requests);
    const next = await sheet("count=16");
    assert.equal(next.status, 200);
    assert.equal(
      Buffer.from(await next.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      "%PDF-",
    );
  });
});
