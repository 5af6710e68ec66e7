import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { attestationInput, batchInput, isIsoDate, testReportInput } from "./backoffice-input";

const batch = {
  gtin: "09521234500018",
  lot: "261201A",
  produced: "2026-11-20",
  expiry: "2028-11-19",
  masks: 1000,
  masksPerBox: 50,
  serialStart: 100001,
  workshop: "A栋二层十万级洁净车间",
  materials: [{ lotId: 3, kg: 1 }],
};

describe("what the back office accepts", () => {
  it("reads real calendar dates only", () => {
    assert.equal(isIsoDate("2026-02-28"), true);
    assert.equal(isIsoDate("2026-02-30"), false);
    assert.equal(isIsoDate("26-02-28"), false);
  });

  it("accepts a batch and refuses a bad GTIN, a lot too long or an expiry before production, naming the field", () => {
    assert.equal(batchInput.safeParse(batch).success, true);
    const gtin = batchInput.safeParse({ ...batch, gtin: "09521234500019" });
    assert.equal(gtin.success, false);
    assert.deepEqual(gtin.error?.issues[0]?.path, ["gtin"]);
    const lot = batchInput.safeParse({ ...batch, lot: "X".repeat(21) });
    assert.deepEqual(lot.error?.issues[0]?.path, ["lot"]);
    const expiry = batchInput.safeParse({ ...batch, expiry: "2026-11-20" });
    assert.match(expiry.error?.issues[0]?.message ?? "", /expiry date must be after the production date/);
    const twice = batchInput.safeParse({ ...batch, materials: [batch.materials[0], batch.materials[0]] });
    assert.match(twice.error?.issues[0]?.message ?? "", /each meltblown lot once/);
  });

  it("takes lab results in fixed-point units of known metrics", () => {
    assert.equal(testReportInput.safeParse({ results: [{ metric: 1, value: 9120 }] }).success, true);
    assert.equal(testReportInput.safeParse({ results: [{ metric: 99, value: 1 }] }).success, false);
    assert.equal(testReportInput.safeParse({ results: [{ metric: 1, value: 91.2 }] }).success, false);
  });

  it("needs an attestation's validity to end after it starts", () => {
    const attestation = {
      manufacturer: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
      workshop: "A栋",
      from: "2026-12-01",
      until: "2026-11-30",
      particles05: 1,
      particles5: 1,
      airborneCfu: 1,
      settlingCfu: 1,
      temperatureC: 22,
      humidityPct: 50,
      pressurePa: 15,
      staffHealthChecked: true,
      staffTrained: true,
    };
    const parsed = attestationInput.safeParse(attestation);
    assert.deepEqual(parsed.error?.issues[0]?.path, ["until"]);
    assert.equal(attestationInput.safeParse({ ...attestation, until: "2027-11-30" }).success, true);
  });
});
