// Tips about suspected fakes through HTTP against the production server: every bad field refused by name
// (in the request's language, never a 5xx), a tip kept and shown to inspectors only (its photo too), the
// limit per client, and an inspector's confirmation recording a counterfeit finding against the seller on
// chain. The seller is a shop registered for this test, so the fine (which suspends it) touches no seller
// other tests act as. These change the record, so `npm test` runs them after the read-only tests.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { actAsCookie, baseUrl, postAs, scenario } from "./world";
import { registerShop } from "../field/boxes";

/** lib/queries/tips.ts's TIPS_PER_HOUR, as a client sees it. */
const TIPS_PER_HOUR = 10;
/** The test world trusts X-Forwarded-For from this peer (TRUST_PROXY). */
const PROXY = "127.0.0.2";
const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

let shop = "";
const tip = (overrides: Record<string, unknown> = {}) => ({
  code: scenario("unknown-serial").code,
  seller: shop,
  boughtOn: "2026-11-20",
  place: "观前街 12 号",
  pricePaid: "25.00",
  description: "The print is blurred and the box has no leaflet.",
  ...overrides,
});

async function get(path: string, party?: string) {
  const response = await fetch(`${baseUrl()}${path}`, {
    headers: party ? { cookie: await actAsCookie(party) } : {},
  });
  return response;
}

/** POSTs a tip over a connection from the trusted proxy, naming `client` as the one it forwards. */
function tipFrom(
  client: string,
  body: object,
): Promise<{ status: number; code?: string; retryAfter?: string }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const sent = request(
      new URL("/api/tips", baseUrl()),
      {
        method: "POST",
        localAddress: PROXY,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(text),
          "x-forwarded-for": client,
        },
      },
      (response) => {
        let data = "";
        response.on("data", (chunk: Buffer) => (data += chunk.toString()));
        response.on("end", () => {
          const parsed = JSON.parse(data) as { error?: { code: string } };
          resolve({
            status: response.statusCode ?? 0,
            code: parsed.error?.code,
            retryAfter: response.headers["retry-after"],
          });
        });
      },
    );
    sent.on("error", reject);
    sent.end(text);
  });
}

before(async () => {
  shop = await registerShop("路边口罩摊（测试）");
});

describe("a report of a suspected fake refuses every bad field by name", () => {
  const cases: [string, Record<string, unknown>, number, string, string][] = [
    ["no code", { code: undefined }, 400, "invalid_request", "code"],
    ["an unreadable code", { code: "(01)123" }, 400, "invalid_code", "code"],
    ["no seller at all", { seller: undefined }, 400, "seller_required", "seller"],
    [
      "a seller that is not an address",
      { seller: "the shop on the corner" },
      400,
      "invalid_request",
      "seller",
    ],
    [
      "an address that is no seller",
      { seller: `0x${"12".repeat(20)}` },
      400,
      "seller_not_registered",
      "seller",
    ],
    ["no date", { boughtOn: undefined }, 400, "invalid_request", "boughtOn"],
    ["a date that is not one", { boughtOn: "2026-02-30" }, 400, "invalid_request", "boughtOn"],
    ["a date in the future", { boughtOn: "2999-01-01" }, 400, "invalid_request", "boughtOn"],
    ["a price that is not one", { pricePaid: "twenty" }, 400, "invalid_request", "pricePaid"],
    ["a price out of range", { pricePaid: 99_999 }, 400, "invalid_request", "pricePaid"],
    ["no description", { description: "x" }, 400, "invalid_request", "description"],
    [
      "a photo that is not an image",
      { evidence: "data:text/plain;base64,aGk=" },
      400,
      "invalid_evidence",
      "evidence",
    ],
    [
      "a PNG that is not one",
      { evidence: "data:image/png;base64,aGVsbG8=" },
      400,
      "invalid_evidence",
      "evidence",
    ],
  ];
  for (const [name, change, status, code, field] of cases) {
    it(`refuses ${name}`, async () => {
      const reply = await postAs("/api/tips", tip(change));
      assert.equal(reply.status, status, JSON.stringify(reply.body));
      assert.equal(reply.body.error?.code, code);
      assert.equal(reply.body.error?.field, field);
      assert.ok((reply.body.error?.message ?? "").length > 10);
    });
  }

  it("says it in Chinese to a Chinese reader, and takes a shop not on the record by its name", async () => {
    const future = await postAs("/api/tips", tip({ boughtOn: "2999-01-01" }), undefined, "zh-CN");
    assert.equal(future.body.error?.message, "购买日期不能晚于今天。");
    const byName = await postAs("/api/tips", tip({ seller: undefined, sellerName: "x" }), undefined, "zh-CN");
    assert.equal(byName.body.error?.code, "seller_required");
    assert.match(byName.body.error?.message ?? "", /店名/);
  });
});

describe("a tip is for the inspectors' eyes", () => {
  let id = 0;

  it("is kept with its photo and the code's scan history, and answered with its number", async () => {
    const filed = await postAs("/api/tips", tip({ evidence: `data:image/png;base64,${PNG_BASE64}` }));
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.status, "open");
    id = filed.body.id as number;
    assert.ok(id > 0);
  });

  it("is not shown to the public nor to a pharmacy", async () => {
    assert.equal((await get("/api/tips")).status, 401);
    assert.equal((await get("/api/tips", "renxin")).status, 403);
    assert.equal((await get(`/api/tips/${id}/photo`)).status, 401);
    assert.equal((await get(`/api/tips/${id}/photo`, "renxin")).status, 403);
    const page = await (await get("/inspector")).text();
    assert.doesNotMatch(page, /no leaflet/);
  });

  it("is shown to an inspector, newest first, with its photo", async () => {
    const response = await get("/api/tips", "inspector");
    assert.equal(response.status, 200);
    const { tips } = (await response.json()) as {
      tips: {
        id: number;
        code: string;
        sellerName: string;
        sellerAddress: string;
        priceFen: number;
        hasPhoto: boolean;
        scans: { total: number };
      }[];
    };
    const mine = tips.find((t) => t.id === id);
    assert.ok(mine, "the tip is in the queue");
    assert.equal(tips[0]?.id, Math.max(...tips.map((t) => t.id)), "newest first");
    assert.equal(mine.code, scenario("unknown-serial").code);
    assert.equal(mine.sellerName, "路边口罩摊（测试）");
    assert.equal(mine.sellerAddress.toLowerCase(), shop.toLowerCase());
    assert.equal(mine.priceFen, 2500);
    assert.equal(mine.hasPhoto, true);
    assert.equal(typeof mine.scans.total, "number");
    const photo = await get(`/api/tips/${id}/photo`, "inspector");
    assert.equal(photo.status, 200);
    assert.equal(photo.headers.get("content-type"), "image/png");
    assert.deepEqual(Buffer.from(await photo.arrayBuffer()), Buffer.from(PNG_BASE64, "base64"));
  });

  it("is decided by an inspector only: confirmed, it records a counterfeit finding against the seller", async () => {
    const byPharmacy = await postAs(`/api/field/tips/${id}`, { decision: "confirm" }, "renxin");
    assert.equal(byPharmacy.status, 403);
    assert.equal(byPharmacy.body.error?.code, "not_inspector");
    const unknown = await postAs(`/api/field/tips/999999`, { decision: "confirm" }, "inspector");
    assert.equal(unknown.status, 404);
    const badDecision = await postAs(`/api/field/tips/${id}`, { decision: "maybe" }, "inspector");
    assert.equal(badDecision.status, 400);

    // With a wallet's account the call is only prepared (simulated as that account) for the wallet to send.
    const inspector = (
      (await postAs("/api/session", { party: "inspector" })).body.session as { address: string }
    ).address;
    const prepared = await postAs(
      `/api/field/tips/${id}`,
      { decision: "confirm", wallet: inspector },
      "inspector",
    );
    assert.equal(prepared.status, 200, JSON.stringify(prepared.body));
    const call = (prepared.body.prepared as { from: string; data: string }) ?? { from: "", data: "" };
    assert.equal(call.from.toLowerCase(), inspector.toLowerCase());
    assert.ok(call.data.toLowerCase().includes(shop.slice(2).toLowerCase()), "the call names the seller");

    const confirmed = await postAs(`/api/field/tips/${id}`, { decision: "confirm" }, "inspector");
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.status, "confirmed");
    assert.equal(confirmed.body.tipId, id);
    assert.ok((confirmed.body.findingId as number) > 0);
    assert.match(confirmed.body.txHash as string, /^0x[0-9a-f]{64}$/);

    const again = await postAs(`/api/field/tips/${id}`, { decision: "dismiss" }, "inspector");
    assert.equal(again.status, 409);
    assert.equal(again.body.error?.code, "tip_decided");
    const { tips } = (await (await get("/api/tips", "inspector")).json()) as { tips: { id: number }[] };
    assert.ok(!tips.some((t) => t.id === id), "a decided tip leaves the queue");

    const profile = await (await get(`/participants/${shop}`)).text();
    assert.match(profile, new RegExp(`data-finding="${String(confirmed.body.findingId)}"`));
  });

  it("is dismissed without anything on chain when the shop is not on the record", async () => {
    const filed = await postAs("/api/tips", tip({ seller: undefined, sellerName: "车站旁的小摊" }));
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const confirm = await postAs(
      `/api/field/tips/${String(filed.body.id)}`,
      { decision: "confirm" },
      "inspector",
    );
    assert.equal(confirm.status, 422);
    assert.equal(confirm.body.error?.code, "seller_not_registered");
    const dismissed = await postAs(
      `/api/field/tips/${String(filed.body.id)}`,
      { decision: "dismiss" },
      "inspector",
    );
    assert.equal(dismissed.status, 200);
    assert.equal(dismissed.body.status, "dismissed");
  });
});

describe("tips are limited per client, like complaints", () => {
  it(`takes ${TIPS_PER_HOUR} an hour from one client, then answers 429 with when to come back`, async () => {
    const body = tip({ seller: undefined, sellerName: "流动摊贩" });
    for (let i = 0; i < TIPS_PER_HOUR; i++) assert.equal((await tipFrom("198.51.100.77", body)).status, 201);
    const refused = await tipFrom("198.51.100.77", body);
    assert.equal(refused.status, 429);
    assert.equal(refused.code, "rate_limited");
    assert.ok(Number(refused.retryAfter) > 0);
    assert.equal((await tipFrom("198.51.100.78", body)).status, 201, "another client is not limited");
  });
});
