// The field desk through HTTP against the real local chain: acting as a seeded party (a cookie), a
// pharmacy selling a box (its copies then read "sold"), an inspector's price record above the cap, a
// pharmacy accepting a delivery, and the wrong party refused by the contracts in plain words.
// These change the record, so `npm test` runs them after the read-only HTTP and browser tests.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { actAsCookie, baseUrl, postAs, verify } from "./world";
import { boxCode, shipFromDistributor } from "../field/boxes";

async function page(path: string, party: string): Promise<string> {
  const response = await fetch(`${baseUrl()}${path}`, { headers: { cookie: await actAsCookie(party) } });
  assert.equal(response.status, 200);
  return response.text();
}

const BAIXING = "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720";
const PHOTO_HASH = "0x" + "ab".repeat(32);
// complaint-upheld's batch: at 仁心 (300 boxes) and the distributor, not recalled; other tests use box 100150.
const BATCH = "complaint-upheld";

describe("acting as a demo party", () => {
  it("sets an httpOnly, SameSite=Lax cookie sealing the party, and reads its roles from the chain", async () => {
    const chosen = await postAs("/api/session", { party: "inspector" });
    assert.equal(chosen.status, 200, JSON.stringify(chosen.body));
    const cookie = chosen.headers.get("set-cookie") ?? "";
    assert.match(cookie, /^medproof-act-as=inspector\.\d+\.[\w-]{43};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /0x[0-9a-f]{64}/i, "the key never leaves the server");
    const session = chosen.body.session as { roles: string[]; name: string };
    assert.deepEqual(session.roles, ["INSPECTOR"]);
    assert.equal(session.name, "苏州市市场监督管理局价格监督检查处");
  });

  it("refuses an unknown party by name, and an action with nobody acting", async () => {
    const unknown = await postAs("/api/session", { party: "mallory" });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error?.code, "unknown_party");
    assert.equal(unknown.headers.get("set-cookie"), null);
    const nobody = await postAs("/api/field/sales", { code: boxCode(BATCH, 100170) });
    assert.equal(nobody.status, 401);
    assert.equal(nobody.body.error?.code, "not_signed_in");
  });
});

describe("a pharmacy sells a box", () => {
  const code = boxCode(BATCH, 100170);

  it("decommissions it on chain, and the box's code then reads suspect — sold, with where and when", async () => {
    assert.equal((await verify(code)).body.verdict, "caution");
    const sold = await postAs("/api/field/sales", { code }, "renxin");
    assert.equal(sold.status, 200, JSON.stringify(sold.body));
    assert.match(sold.body.txHash as string, /^0x[0-9a-f]{64}$/);
    assert.ok((sold.body.blockNumber as number) > 0);
    const after = (await verify(code)).body as {
      verdict: string;
      checks: { id: string; status: string; title: string }[];
    };
    assert.equal(after.verdict, "suspect");
    const clone = after.checks.find((c) => c.id === "clone");
    assert.equal(clone?.status, "fail");
    assert.match(clone?.title ?? "", /^This code was sold at 仁心大药房 on \d{4}-\d{2}-\d{2}$/);
  });

  it("refuses to sell the same box twice, in words", async () => {
    const again = await postAs("/api/field/sales", { code }, "renxin");
    assert.equal(again.status, 409);
    assert.equal(again.body.error?.code, "AlreadyDecommissioned");
    assert.match(again.body.error!.message, /Serial 100170 was already sold on \d{4}-\d{2}-\d{2}/);
  });
});

describe("an inspector records a price", () => {
  it("above the retail cap: a violation against the seller, shown in the seller's standing", async () => {
    const recorded = await postAs(
      "/api/field/prices",
      { seller: BAIXING, code: boxCode(BATCH, 100171), yuanPerPiece: "2.40", photoHash: PHOTO_HASH },
      "inspector",
    );
    assert.equal(recorded.status, 200, JSON.stringify(recorded.body));
    assert.equal(recorded.body.violation, true);
    assert.equal(recorded.body.fenPerPiece, 240);
    assert.equal(recorded.body.capFenPerPiece, 180);
    const standing = await page(`/inspector?seller=${BAIXING}`, "inspector");
    assert.match(standing, /2\.40 yuan\/piece(<!-- -->)? against a cap of (<!-- -->)?1\.80 yuan\/piece/);
  });

  it("is refused to a pharmacy, which does not hold the inspector's role", async () => {
    const refused = await postAs(
      "/api/field/prices",
      { seller: BAIXING, code: boxCode(BATCH, 100171), yuanPerPiece: "2.40", photoHash: PHOTO_HASH },
      "baixing",
    );
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error?.code, "CallerLacksRole");
    assert.equal(refused.body.error?.message, "This account does not hold the role needed for that action.");
  });
});

describe("a pharmacy receives a delivery", () => {
  let shipmentId = 0;

  it("sees the distributor's shipment waiting on its page", async () => {
    shipmentId = await shipFromDistributor(BATCH, "baixing", 20);
    assert.ok(shipmentId > 0);
    const html = await page("/pharmacy", "baixing");
    assert.match(html, new RegExp(`data-shipment="${shipmentId}"`));
  });

  it("is refused to anyone but the recipient, in words", async () => {
    const refused = await postAs(`/api/field/shipments/${shipmentId}`, { decision: "accept" }, "renxin");
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error?.code, "NotShipmentRecipient");
    assert.equal(
      refused.body.error?.message,
      `Only the recipient of shipment ${shipmentId} can accept or reject it.`,
    );
  });

  it("accepts it in one transaction, once", async () => {
    const accepted = await postAs(`/api/field/shipments/${shipmentId}`, { decision: "accept" }, "baixing");
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.match(accepted.body.txHash as string, /^0x[0-9a-f]{64}$/);
    const again = await postAs(`/api/field/shipments/${shipmentId}`, { decision: "accept" }, "baixing");
    assert.equal(again.status, 409);
    assert.equal(again.body.error?.code, "ShipmentNotPending");
    assert.doesNotMatch(await page("/pharmacy", "baixing"), new RegExp(`data-shipment="${shipmentId}"`));
  });

  it("refuses a rejection without a reason", async () => {
    const reply = await postAs(`/api/field/shipments/${shipmentId}`, { decision: "reject" }, "baixing");
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error?.code, "invalid_request");
  });
});
