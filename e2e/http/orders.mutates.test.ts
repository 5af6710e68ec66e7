// Purchase orders end to end against the real local chain, through the back-office CLI: the seeded order
// is settled; 仁心 orders boxes of a batch the distributor holds and pays into escrow, the distributor ships
// and ties the shipment to the order, 仁心 accepts the delivery and the order settles to the distributor,
// who collects; a rejected delivery refunds 仁心; a price above the wholesale cap is refused in plain words.
// These change the record, so `npm test` runs them after the read-only HTTP and browser tests.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { deploymentFile, rpcUrl, scenario } from "./world";

function medproof(...args: string[]): { code: number; out: string; err: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/medproof.ts", ...args], {
    env: { ...process.env, RPC_URL: rpcUrl(), DEPLOYMENT_FILE: deploymentFile() },
    encoding: "utf8",
  });
  return { code: result.status ?? 1, out: result.stdout, err: result.stderr };
}

function ok(...args: string[]): string {
  const result = medproof(...args);
  assert.equal(result.code, 0, `${args.join(" ")}: ${result.err}`);
  return result.out;
}

function balance(party: string): { token: number; owed: number } {
  const [, token, owed] =
    /token=(\d+) fen owed=(\d+) fen/.exec(ok("balance", "show", "--party", party)) ?? [];
  return { token: Number(token), owed: Number(owed) };
}

function order(id: string): { status: string; amount: number; shipment: string } {
  const [, status, amount, shipment] =
    /status=(\w+) .* amount=(\d+) fen shipment=(\d+)/.exec(ok("order", "show", "--id", id)) ?? [];
  return { status: status ?? "", amount: Number(amount), shipment: shipment ?? "" };
}

// The distributor holds 4,000 boxes of the high-yield batch (50 masks a box); the genuine batch may have
// been recalled by the back-office tests.
const box = scenario("high-yield");
const batch = ["--gtin", box.gtin, "--lot", box.lot];
// A week from today, China time.
const shipBy = new Date(Date.now() + 8 * 3600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
const place = (boxes: number, yuan: string) =>
  medproof(
    "order",
    "place",
    "--as",
    "renxin",
    "--seller",
    "distributor",
    ...batch,
    "--boxes",
    String(boxes),
    "--yuan",
    yuan,
    "--ship-by",
    shipBy,
  );

describe("purchase orders that settle themselves", () => {
  it("shows the seeded order, paid to the distributor when 仁心 accepted the delivery", () => {
    const seeded = order("1"); // the seed places the chain's first order
    assert.equal(seeded.status, "released");
    assert.equal(seeded.amount, 400 * 50 * 140);
    assert.notEqual(seeded.shipment, "0");
  });

  it("refuses a unit price above the wholesale cap, in plain words, before anything is paid", () => {
    const before = balance("renxin");
    const refused = place(10, "1.60");
    assert.equal(refused.code, 1);
    assert.match(
      refused.err,
      /A unit price of 1\.60 yuan\/piece is above the wholesale cap of 1\.50 yuan\/piece in force: the order is refused\./,
    );
    assert.deepEqual(balance("renxin"), before);
  });

  it("places, fulfils and accepts an order, which settles it: the escrow moves from the buyer to the seller", () => {
    const buyer = balance("renxin");
    const seller = balance("distributor");
    const amount = 20 * 50 * 140; // 1,400 yuan

    const placed = place(20, "1.40");
    assert.equal(placed.code, 0, placed.err);
    const id = /orderId=(\d+)/.exec(placed.out)?.[1] ?? "";
    assert.ok(id, placed.out);
    assert.equal(balance("renxin").token, buyer.token - amount);
    assert.deepEqual(order(id), { status: "placed", amount, shipment: "0" });

    const fulfilled = ok("order", "fulfil", "--as", "distributor", "--id", id);
    const shipment = /shipmentId=(\d+)/.exec(fulfilled)?.[1];
    assert.ok(shipment, fulfilled);
    assert.deepEqual(order(id), { status: "fulfilled", amount, shipment });

    const early = medproof("order", "settle", "--as", "baixing", "--id", id);
    assert.equal(early.code, 1);
    assert.match(
      early.err,
      new RegExp(`The buyer has until .* to accept or reject the delivery of order ${id}`),
    );

    ok("order", "accept", "--as", "renxin", "--id", id); // the receipt settles the order too
    assert.equal(order(id).status, "released");
    assert.equal(balance("distributor").owed, seller.owed + amount);
    const again = medproof("order", "settle", "--as", "baixing", "--id", id);
    assert.equal(again.code, 1);
    assert.match(again.err, /is already settled: paid to the seller/);

    ok("order", "withdraw", "--as", "distributor");
    assert.deepEqual(balance("distributor"), { token: seller.token + seller.owed + amount, owed: 0 });
    assert.equal(balance("renxin").token, buyer.token - amount);
  });

  it("refunds the buyer when it rejects the delivery", () => {
    const buyer = balance("renxin");
    const amount = 5 * 50 * 135;
    const placed = place(5, "1.35");
    assert.equal(placed.code, 0, placed.err);
    const id = /orderId=(\d+)/.exec(placed.out)?.[1] ?? "";
    ok("order", "fulfil", "--as", "distributor", "--id", id);
    ok("order", "reject", "--as", "renxin", "--id", id, "--reason", "外箱破损，数量不符");
    assert.equal(order(id).status, "refunded");
    assert.deepEqual(balance("renxin"), { token: buyer.token - amount, owed: buyer.owed + amount });
    ok("order", "withdraw", "--as", "renxin");
    assert.deepEqual(balance("renxin"), { token: buyer.token + buyer.owed, owed: 0 });
  });

  it("lets the seller decline an order, and the buyer cancel only after the ship-by date", () => {
    const placed = place(1, "1.40");
    assert.equal(placed.code, 0, placed.err);
    const id = /orderId=(\d+)/.exec(placed.out)?.[1] ?? "";
    const early = medproof("order", "cancel", "--as", "renxin", "--id", id);
    assert.equal(early.code, 1);
    assert.match(early.err, /The seller has until \d{4}-\d{2}-\d{2} to ship order/);
    ok("order", "cancel", "--as", "distributor", "--id", id);
    assert.equal(order(id).status, "cancelled");
  });
});
