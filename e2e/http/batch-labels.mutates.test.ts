// A batch whose labels are made where they are printed, through HTTP against the real local chain: the
// maker's browser (here: the same pure code) makes the label key and possession list, the server only
// prepares the registration for the maker's wallet (a test signer holding 青禾's key sends it, as a
// wallet would), reads it back, and stores a published list only when its root is the batch's on-chain
// root — a wrong list is a named 409, and so is a wrong first serial or box count. No act-as cookie.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { demoActor } from "../../scripts/demo/plugin";
import { readDeployment } from "../../lib/chain/deployment";
import { rpcProvider } from "../../lib/chain/provider";
import { batchCommitment, boxLabels, checkCodeDigests } from "../../lib/domain/label-signing";
import { MAX_LIST_LEAVES } from "../../lib/queries/batch-labels";
import { openDb } from "../../lib/stores/db";
import { PossessionStore } from "../../lib/stores/possession-store";
import { readFirstLabel } from "../backoffice/label-sheet";
import { actAsCookie, baseUrl, databaseUrl, deploymentFile, medproof, postAs, rpcUrl, verify } from "./world";

const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const inTwoYears = new Date(Date.now() + 730 * 86_400_000).toISOString().slice(0, 10);
const GTIN = "09521234500018";
const LOT = `P${RUN}`;
const key = new Uint8Array(randomBytes(32));
const made = batchCommitment(key, { gtin: GTIN, lot: LOT, serialStart: 1, boxes: 10 });

let lotId = 0;
let batchId = "";

/** Without an act-as cookie: the wallet, not the demo, acts. */
const post = (path: string, body: unknown) => postAs(path, body);

before(async () => {
  const qinghe = await demoActor(rpcProvider(rpcUrl()), "qinghe");
  const lot = await postAs(
    "/api/manufacturer/lots",
    { code: `MB-P-${RUN}`, grade: "BFE99 25 g/m²", kg: 5, manufacturer: qinghe.address },
    "supplier",
  );
  assert.equal(lot.status, 200, JSON.stringify(lot.body));
  lotId = Number(lot.body.lotId);
});

describe("a batch registered by the maker's wallet with labels made in the browser", () => {
  it("is prepared for the wallet, sent by it, and read back with its batch id", async () => {
    const provider = rpcProvider(rpcUrl(), readDeployment(deploymentFile()).chainId);
    const wallet = await demoActor(provider, "qinghe");
    const batch = {
      gtin: GTIN,
      lot: LOT,
      produced: today,
      expiry: inTwoYears,
      masks: 500,
      masksPerBox: 50,
      serialStart: 1,
      workshop: "A栋二层十万级洁净车间",
      materials: [{ lotId, kg: 0.5 }],
    };
    const missing = await post("/api/manufacturer/batches", { ...batch, wallet: wallet.address });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error?.code, "labels_required");

    const prepared = await post("/api/manufacturer/batches", {
      ...batch,
      wallet: wallet.address,
      signer: made.signer,
      possessionRoot: made.possessionRoot,
    });
    assert.equal(prepared.status, 200, JSON.stringify(prepared.body));
    const tx = (prepared.body as { prepared: { to: string; data: string; from: string } }).prepared;
    assert.equal(tx.from, wallet.address);
    const sent = await wallet.signer.sendTransaction({ to: tx.to, data: tx.data });
    // The hash goes back to the same route, which reads the receipt (one path for every desk action).
    const mined = await post("/api/manufacturer/batches", {
      ...batch,
      wallet: wallet.address,
      signer: made.signer,
      possessionRoot: made.possessionRoot,
      txHash: sent.hash,
    });
    assert.equal(mined.status, 200, JSON.stringify(mined.body));
    batchId = String(mined.body.batchId);
    assert.match(batchId, /^0x[0-9a-f]{64}$/);
    assert.equal(mined.body.boxes, 10);
  });

  it("shows its maker where its labels are printed, not a server PDF this server cannot make", async () => {
    const page = await fetch(`${baseUrl()}/manufacturer`, {
      headers: { cookie: await actAsCookie("qinghe") },
    });
    const html = await page.text();
    const start = html.indexOf(`data-batch="${LOT}"`);
    assert.ok(start > 0, "the batch's card is on the maker's desk");
    // The card runs to the next batch's card, or to the end of the list.
    const next = html.indexOf("data-batch=", start + 1);
    const card = html.slice(start, next > 0 ? next : html.indexOf("</section>", start));
    assert.doesNotMatch(card, /data-action="labels"/);
    assert.match(
      card,
      new RegExp(`data-labels="elsewhere"[^>]*>[^<]*--label-key label-key-${GTIN}-${LOT}\\.json`),
    );
  });

  it("refuses a list whose root is not the one on chain, or of another first serial or size (409)", async () => {
    const path = `/api/manufacturer/batches/${batchId}/possession`;
    const other = batchCommitment(new Uint8Array(randomBytes(32)), {
      gtin: GTIN,
      lot: LOT,
      serialStart: 1,
      boxes: 10,
    });
    const wrong = await post(path, other.list);
    assert.equal(wrong.status, 409);
    assert.equal(wrong.body.error?.code, "possession_root_mismatch");
    assert.match(wrong.body.error?.message ?? "", /not the possession root the batch registered on chain/);
    const shifted = await post(path, { ...made.list, serialStart: 2 });
    assert.equal(shifted.body.error?.code, "possession_list_mismatch");
    const short = await post(path, { ...made.list, leaves: made.list.leaves.slice(1) });
    assert.equal(short.body.error?.code, "possession_list_mismatch");
    // The longest list there may be, with a check code a leaf, is read (not refused as too large) and judged.
    const longest = Array.from(
      { length: MAX_LIST_LEAVES },
      (_, i) => `0x${i.toString(16).padStart(64, "0")}`,
    );
    const full = await post(path, { serialStart: 1, leaves: longest, checkCodes: longest });
    assert.equal(full.body.error?.code, "possession_list_mismatch", JSON.stringify(full.body).slice(0, 200));
    const malformed = await post(path, { serialStart: 1, leaves: ["0x12"] });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error?.code, "invalid_possession_list");
    const unknown = await post(`/api/manufacturer/batches/0x${"ab".repeat(32)}/possession`, made.list);
    assert.equal(unknown.status, 404);
    const db = openDb({ databaseUrl: databaseUrl(), dataDir: dirname(deploymentFile()) });
    try {
      assert.equal(await new PossessionStore(db).read(batchId), null, "nothing stored for a refused list");
    } finally {
      await db.close();
    }
  });

  it("stores the maker's own list for every app instance, with its labels' check codes", async () => {
    const batch = { gtin: GTIN, lot: LOT, serialStart: 1, boxes: 10 };
    const checkCodes = checkCodeDigests(key, batch, batchId);
    const path = `/api/manufacturer/batches/${batchId}/possession`;
    const uneven = await post(path, { ...made.list, checkCodes: checkCodes.slice(1) });
    assert.equal(uneven.body.error?.code, "invalid_check_codes");
    const published = await post(path, { ...made.list, checkCodes });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.boxes, 10);
    const db = openDb({ databaseUrl: databaseUrl(), dataDir: dirname(deploymentFile()) });
    try {
      assert.deepEqual(await new PossessionStore(db).read(batchId), made.list);
    } finally {
      await db.close();
    }
    // A line typed from the third label, with its check code, is checked as a scan is.
    const [label] = boxLabels(key, { ...batch, expiry: inTwoYears }, baseUrl(), 3, 1);
    const typed = await verify(`${label!.printed} ${label!.checkCode}`);
    const checks = typed.body.checks as { id: string; status: string }[];
    assert.equal(checks.find((c) => c.id === "signature")?.status, "pass", JSON.stringify(typed.body));
    // Once the list is public anyone could send it again: digests are taken with its first publication only.
    const forged = checkCodeDigests(new Uint8Array(randomBytes(32)), batch, batchId);
    const late = await post(path, { ...made.list, checkCodes: forged });
    assert.equal(late.status, 409);
    assert.equal(late.body.error?.code, "check_codes_after_list");
  });
});

describe("the CLI's labels command", () => {
  const dir = mkdtempSync(join(tmpdir(), "medproof-labels-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const passwordFile = join(dir, "password");
  writeFileSync(passwordFile, "label password\n");
  const lot = `C${RUN}`;
  const signatureOf = async (code: string) =>
    ((await verify(code)).body.checks as { id: string; status: string }[]).find((c) => c.id === "signature");

  it("registers a batch with labels made on the maker's machine, publishes its list and prints them", async () => {
    const out = join(dir, "labels.pdf");
    const made = medproof(
      ...["labels", "--as", "qinghe", "--password-file", passwordFile, "--app", baseUrl(), "--out", out],
      ...["--gtin", GTIN, "--lot", lot, "--produced", today, "--expiry", inTwoYears],
      ...["--masks", "200", "--per-box", "50", "--serial-start", "1"],
      ...["--workshop", "A栋二层十万级洁净车间", "--material", `${lotId}:0.2`],
    );
    assert.equal(made.code, 0, made.err);
    assert.match(made.out, /Possession list published/);
    assert.ok(existsSync(join(dir, `label-key-${GTIN}-${lot}.json`)), "the label key is saved, encrypted");
    const first = await readFirstLabel(new Uint8Array(readFileSync(out)));
    assert.match(first.text, /SN 1\b/);
    assert.equal(
      (await signatureOf(first.code))?.status,
      "pass",
      "its printed QR carries the maker's signature",
    );
  });

  it("prints more labels later from the saved label key alone", async () => {
    const out = join(dir, "more.pdf");
    const more = medproof(
      ...[
        "labels",
        "--label-key",
        join(dir, `label-key-${GTIN}-${lot}.json`),
        "--password-file",
        passwordFile,
      ],
      ...["--gtin", GTIN, "--lot", lot, "--from", "3", "--count", "2", "--out", out, "--app", baseUrl()],
    );
    assert.equal(more.code, 0, more.err);
    const first = await readFirstLabel(new Uint8Array(readFileSync(out)));
    assert.match(first.text, /SN 3\b/);
    assert.equal((await signatureOf(first.code))?.status, "pass");
  });
});
