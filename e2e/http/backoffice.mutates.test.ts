// The back-office CLI against the real local chain, and a recall seen by the very next verification.
// These change the record, so `npm test` runs them after the read-only HTTP and browser tests.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { medproof, scenario, verify } from "./world";

// Produced yesterday (China time), so a sterilisation a few hours ago always falls after production.
const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
const inTwoYears = new Date(Date.now() + 730 * 86_400_000).toISOString().slice(0, 10);
const QINGHE = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

describe("the back-office CLI", () => {
  let lotId = "";

  it("registers a meltblown lot as the supplier and transfers it to the maker", () => {
    const registered = medproof(
      "lot",
      "register",
      "--as",
      "supplier",
      "--code",
      "MB-TEST-01",
      "--grade",
      "BFE99 25 g/m²",
      "--kg",
      "100",
    );
    assert.equal(registered.code, 0, registered.err);
    lotId = /lotId=(\d+)/.exec(registered.out)?.[1] ?? "";
    assert.ok(lotId, registered.out);
    const transferred = medproof("lot", "transfer", "--as", "supplier", "--lot", lotId, "--to", QINGHE);
    assert.equal(transferred.code, 0, transferred.err);
  });

  it("refuses a batch whose yield is above the category's ceiling, in plain words", () => {
    const result = medproof(
      "batch",
      "register",
      "--as",
      "qinghe",
      "--gtin",
      "09521234500018",
      "--lot",
      "TEST-HIGH",
      "--produced",
      yesterday,
      "--expiry",
      inTwoYears,
      "--masks",
      "200000",
      "--per-box",
      "50",
      "--serial-start",
      "1",
      "--workshop",
      "A栋二层十万级洁净车间",
      "--material",
      `${lotId}:100`,
      "--signer",
      QINGHE,
    );
    assert.equal(result.code, 1);
    assert.match(result.err, /2,000 masks per kg of meltblown is above the ceiling of 1,300/);
  });

  it("registers, sterilises and tests a batch, then refuses its release before the hold with the earliest date", () => {
    const common = ["--as", "qinghe", "--gtin", "09521234500018", "--lot", "TEST-01"];
    const registered = medproof(
      "batch",
      "register",
      ...common,
      "--produced",
      yesterday,
      "--expiry",
      inTwoYears,
      "--masks",
      "50000",
      "--per-box",
      "50",
      "--serial-start",
      "1",
      "--workshop",
      "A栋二层十万级洁净车间",
      "--material",
      `${lotId}:50`,
      "--signer",
      QINGHE,
    );
    assert.equal(registered.code, 0, registered.err);
    const start = new Date(Date.now() - 3 * 3600_000).toISOString();
    const end = new Date(Date.now() - 3600_000).toISOString();
    const sterilised = medproof(
      "batch",
      "sterilise",
      ...common,
      "--sterilizer",
      "清衡灭菌技术有限公司",
      "--start",
      start,
      "--end",
      end,
    );
    assert.equal(sterilised.code, 0, sterilised.err);
    const tested = medproof(
      "test",
      "post",
      "--as",
      "lab",
      "--gtin",
      "09521234500018",
      "--lot",
      "TEST-01",
      "--metric",
      "1=9860",
      "--metric",
      "2=4100",
      "--metric",
      "3=380",
      "--metric",
      "4=120",
      "--metric",
      "5=0",
      "--metric",
      "6=20",
      "--metric",
      "7=32",
    );
    assert.equal(tested.code, 0, tested.err);
    const released = medproof("batch", "release", ...common);
    assert.equal(released.code, 1);
    assert.match(
      released.err,
      /Too early: the sterilisation hold is not over\. The earliest release is \d{4}-\d{2}-\d{2}/,
    );
  });

  it("refuses a role the caller does not hold", () => {
    const result = medproof(
      "batch",
      "recall",
      "--as",
      "qinghe",
      "--gtin",
      "09521234500018",
      "--lot",
      "TEST-01",
      "--reason",
      "x",
    );
    assert.equal(result.code, 1);
    assert.match(result.err, /does not hold the role/);
  });
});

describe("verification after a chain event", () => {
  it("shows a recall on the very next request after its block", async () => {
    const genuine = scenario("genuine");
    assert.equal((await verify(genuine.code)).body.verdict, "genuine");
    const recalled = medproof(
      "batch",
      "recall",
      "--as",
      "regulator",
      "--gtin",
      genuine.gtin,
      "--lot",
      genuine.lot,
      "--reason",
      "测试召回",
    );
    assert.equal(recalled.code, 0, recalled.err);
    const after = await verify(genuine.code);
    assert.equal(after.body.verdict, "suspect");
  });
});
