// The credit rule: its arithmetic, and the order it puts the demo's seeded parties in, which a person
// reading their records would agree with.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CREDIT_RULES,
  creditSummary,
  isGrossPriceViolation,
  type CreditGrade,
  type CreditRecord,
} from "./credit";

const CLEAN: CreditRecord = {
  revokedProductionLicences: 0,
  counterfeitFindings: 0,
  revokedOtherLicences: 0,
  recalls: 0,
  upheldComplaints: 0,
  grossPriceViolations: 0,
  priceViolations: 0,
  suspended: false,
  settledOrders: 0,
};

const scoreOf = (facts: Partial<CreditRecord>) => creditSummary({ ...CLEAN, ...facts }).score;
const gradeOf = (facts: Partial<CreditRecord>) => creditSummary({ ...CLEAN, ...facts }).grade;

/**
 * The seeded parties' records as scripts/demo/seed.ts writes them (the HTTP test of the profiles reads
 * the same scores from the chain): 临江卫材's production licence revoked for falsified cleanroom data;
 * 青禾医疗 with the recalled batch (BFE 91.2 %) and the upheld ear-loop complaint; 便民大药房 recorded at
 * 3.00 yuan/piece against the 1.80 retail cap; 仁心大药房 and the distributor with the settled order; the
 * supplier, the lab, the auditor and 百姓平价药店 with nothing against them.
 */
const SEEDED: Record<string, Partial<CreditRecord>> = {
  临江卫材: { revokedProductionLicences: 1 },
  青禾医疗: { recalls: 1, upheldComplaints: 1 },
  便民大药房: { grossPriceViolations: Number(isGrossPriceViolation(300, 180)) },
  仁心大药房: { settledOrders: 1 },
  百姓平价药店: {},
};

describe("creditSummary over the seeded parties", () => {
  it("orders them as a person would: clean shops, then the overcharging one, the maker with a recall and an upheld complaint, the maker that lost its licence", () => {
    const ranked = Object.entries(SEEDED)
      .map(([name, facts]) => ({ name, score: scoreOf(facts) }))
      .sort((a, b) => b.score - a.score)
      .map(({ name }) => name);
    assert.deepEqual(ranked.slice(2), ["便民大药房", "青禾医疗", "临江卫材"]);
    assert.deepEqual(ranked.slice(0, 2).sort(), ["仁心大药房", "百姓平价药店"]);
  });

  it("grades them: the clean ones good, the 3-yuan pharmacy not in good standing, the revoked maker bad", () => {
    const grades: Record<string, CreditGrade> = Object.fromEntries(
      Object.entries(SEEDED).map(([name, facts]) => [name, gradeOf(facts)]),
    );
    assert.deepEqual(grades, {
      临江卫材: "bad",
      青禾医疗: "poor",
      便民大药房: "fair",
      仁心大药房: "good",
      百姓平价药店: "good",
    });
  });
});

describe("creditSummary", () => {
  it("gives a clean record 100, graded good", () => {
    const summary = creditSummary(CLEAN);
    assert.equal(summary.score, 100);
    assert.equal(summary.grade, "good");
    assert.ok(summary.lines.every((line) => line.points === 0));
  });

  it("weighs by severity: licence to make revoked > counterfeit > suspended > recall > gross price > upheld complaint > price", () => {
    const ladder: Partial<CreditRecord>[] = [
      { revokedProductionLicences: 1 },
      { counterfeitFindings: 1 },
      { suspended: true },
      { recalls: 1 },
      { grossPriceViolations: 1 },
      { upheldComplaints: 1 },
      { priceViolations: 1 },
    ];
    const scores = ladder.map(scoreOf);
    assert.deepEqual(scores, [30, 40, 60, 70, 75, 80, 85]);
    assert.equal(scoreOf({ revokedOtherLicences: 1 }), 70);
  });

  it("keeps any mark out of good standing, even when settled orders lift the score back to 90 or more", () => {
    assert.equal(gradeOf({ priceViolations: 1 }), "fair");
    assert.equal(scoreOf({ priceViolations: 1, settledOrders: 5 }), 95);
    assert.equal(gradeOf({ priceViolations: 1, settledOrders: 5 }), "fair");
  });

  it("adds 2 per settled order, at most 10, and never above 100", () => {
    assert.equal(scoreOf({ upheldComplaints: 1, settledOrders: 1 }), 82);
    assert.equal(scoreOf({ upheldComplaints: 1, settledOrders: 50 }), 90);
    assert.equal(scoreOf({ settledOrders: 50 }), 100);
  });

  it("never goes below 0", () => {
    const summary = creditSummary({ ...CLEAN, revokedProductionLicences: 1, upheldComplaints: 4 });
    assert.equal(summary.score, 0);
    assert.equal(summary.grade, "bad");
  });

  it("grades by bands: 90 good, 70 fair, 40 poor, below that bad", () => {
    assert.equal(gradeOf({ settledOrders: 1 }), "good");
    assert.equal(gradeOf({ recalls: 1 }), "fair");
    assert.equal(gradeOf({ upheldComplaints: 3 }), "poor");
    assert.equal(gradeOf({ recalls: 2 }), "poor");
    assert.equal(gradeOf({ recalls: 3 }), "bad");
  });

  it("explains every rule with the count and the points it contributed", () => {
    const summary = creditSummary({ ...CLEAN, priceViolations: 2, suspended: true });
    assert.deepEqual(
      summary.lines.map((line) => line.rule.fact),
      CREDIT_RULES.map((rule) => rule.fact),
    );
    const violations = summary.lines.find((line) => line.rule.fact === "priceViolations");
    assert.deepEqual([violations?.count, violations?.points], [2, -30]);
    const suspension = summary.lines.find((line) => line.rule.fact === "suspended");
    assert.deepEqual([suspension?.count, suspension?.points], [1, -40]);
  });

  it("lists its rules gravest first, each fact once", () => {
    const points = CREDIT_RULES.map((rule) => rule.points);
    assert.deepEqual(
      points,
      [...points].sort((a, b) => a - b),
    );
    assert.equal(new Set(CREDIT_RULES.map((rule) => rule.fact)).size, Object.keys(CLEAN).length);
  });
});

describe("isGrossPriceViolation", () => {
  it("is a price more than 50 % above its cap", () => {
    assert.equal(isGrossPriceViolation(300, 180), true);
    assert.equal(isGrossPriceViolation(270, 180), false);
    assert.equal(isGrossPriceViolation(271, 180), true);
    assert.equal(isGrossPriceViolation(200, 180), false);
    assert.equal(isGrossPriceViolation(300, null), false);
  });
});
