import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  boxesFor,
  massBalance,
  masksPerKg,
  metricPasses,
  releaseReadiness,
  toFixedPoint,
  workshopFailures,
  yieldWithinCeiling,
} from "./backoffice";
import { DAY } from "./time";

describe("the back office's rules, as the contracts apply them", () => {
  it("sums a batch's meltblown against what its lots have left and names the overdrawn lots", () => {
    const balance = massBalance([
      { lotId: 3, requestedGrams: 40_000, remainingGrams: 50_000 },
      { lotId: 4, requestedGrams: 30_000, remainingGrams: 20_000 },
    ]);
    assert.deepEqual(balance, { requestedGrams: 70_000, availableGrams: 70_000, overdrawn: [4] });
  });

  it("rounds the yield up and compares it with the ceiling exactly", () => {
    assert.equal(masksPerKg(200_000, 100_000), 2000);
    assert.equal(masksPerKg(1_001, 1_000), 1001);
    assert.equal(masksPerKg(1_000_001, 1_000_000), 1001); // 1000.001 rounds up, never hides an excess
    assert.equal(masksPerKg(5, 0), null);
    assert.equal(yieldWithinCeiling(130_000, 100_000, 1300), true);
    assert.equal(yieldWithinCeiling(130_001, 100_000, 1300), false);
  });

  it("counts boxes with a partly filled last box", () => {
    assert.equal(boxesFor(1_000, 50), 20);
    assert.equal(boxesFor(1_001, 50), 21);
  });

  it("judges a lab value against inclusive bounds, typed as a person writes it", () => {
    assert.equal(toFixedPoint("98.6", 100), 9860);
    assert.equal(toFixedPoint("95", 100), 9500);
    assert.equal(toFixedPoint("9x", 100), null);
    assert.equal(metricPasses(9500, { min: 9500, max: null }), true);
    assert.equal(metricPasses(9120, { min: 9500, max: null }), false);
    assert.equal(metricPasses(491, { min: null, max: 490 }), false);
  });

  it("names the cleanroom readings outside the class-100,000 limits", () => {
    const good = {
      particles05: 3_500_000,
      particles5: 20_000,
      airborneCfu: 500,
      settlingCfu: 10,
      temperatureC: 18,
      humidityPct: 65,
      pressurePa: 10.1,
    };
    assert.deepEqual(workshopFailures(good), []);
    assert.deepEqual(workshopFailures({ ...good, particles5: 20_001, temperatureC: 28.1, pressurePa: 10 }), [
      "particles5",
      "temperatureC",
      "pressurePa",
    ]);
  });

  it("holds a batch for the category's days after sterilisation, and says what else is missing", () => {
    const sterilisedAt = 1_700_000_000;
    const facts = { sterilisedAt, minHoldDays: 14, testsPassed: true, releasedAt: null, recalledAt: null };
    const early = releaseReadiness({ ...facts, now: sterilisedAt + 13 * DAY + 86_399 });
    assert.deepEqual(early.blockers, ["hold"]);
    assert.equal(early.daysHeld, 13);
    assert.equal(early.earliestRelease, sterilisedAt + 14 * DAY);
    assert.deepEqual(releaseReadiness({ ...facts, now: sterilisedAt + 14 * DAY }).blockers, []);
    const bare = releaseReadiness({ ...facts, sterilisedAt: null, testsPassed: false, now: sterilisedAt });
    assert.deepEqual(bare.blockers, ["not-sterilised", "tests-not-passed"]);
    assert.equal(bare.daysHeld, null);
  });
});
