import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CREDIT_RULES, creditRuleLabel, creditSummary, type CreditRecord } from "./credit";
import { assertChinese } from "./chinese.test-helper";

const CLEAN: CreditRecord = {
  revokedLicences: 0,
  upheldComplaints: 0,
  priceViolations: 0,
  recalls: 0,
  suspended: false,
  settledOrders: 0,
};

describe("creditSummary", () => {
  it("gives a clean record 100, graded good", () => {
    const summary = creditSummary(CLEAN);
    assert.equal(summary.score, 100);
    assert.equal(summary.grade, "good");
    assert.ok(summary.lines.every((line) => line.points === 0));
  });

  it("takes 10 per price violation", () => {
    assert.equal(creditSummary({ ...CLEAN, priceViolations: 1 }).score, 90);
    assert.equal(creditSummary({ ...CLEAN, priceViolations: 3 }).score, 70);
  });

  it("takes 30 per revoked licence, 20 per upheld complaint, 15 per recall and 40 while suspended", () => {
    assert.equal(creditSummary({ ...CLEAN, revokedLicences: 1 }).score, 70);
    assert.equal(creditSummary({ ...CLEAN, upheldComplaints: 1 }).score, 80);
    assert.equal(creditSummary({ ...CLEAN, recalls: 1 }).score, 85);
    assert.equal(creditSummary({ ...CLEAN, suspended: true }).score, 60);
  });

  it("adds 2 per settled order, at most 10, and never above 100", () => {
    const withViolation = { ...CLEAN, priceViolations: 2 };
    assert.equal(creditSummary({ ...withViolation, settledOrders: 1 }).score, 82);
    assert.equal(creditSummary({ ...withViolation, settledOrders: 50 }).score, 90);
    assert.equal(creditSummary({ ...CLEAN, settledOrders: 50 }).score, 100);
  });

  it("never goes below 0", () => {
    const summary = creditSummary({ ...CLEAN, revokedLicences: 3, upheldComplaints: 4, suspended: true });
    assert.equal(summary.score, 0);
    assert.equal(summary.grade, "bad");
  });

  it("grades by bands: 90 good, 70 fair, 40 poor, below that bad", () => {
    assert.equal(creditSummary({ ...CLEAN, priceViolations: 1 }).grade, "good");
    assert.equal(creditSummary({ ...CLEAN, priceViolations: 2 }).grade, "fair");
    assert.equal(creditSummary({ ...CLEAN, priceViolations: 4 }).grade, "poor");
    assert.equal(creditSummary({ ...CLEAN, priceViolations: 7 }).grade, "bad");
  });

  it("explains every rule with the count and the points it contributed", () => {
    const summary = creditSummary({ ...CLEAN, priceViolations: 2, suspended: true });
    assert.deepEqual(
      summary.lines.map((line) => line.rule.fact),
      CREDIT_RULES.map((rule) => rule.fact),
    );
    const violations = summary.lines.find((line) => line.rule.fact === "priceViolations");
    assert.deepEqual([violations?.count, violations?.points], [2, -20]);
    const suspension = summary.lines.find((line) => line.rule.fact === "suspended");
    assert.deepEqual([suspension?.count, suspension?.points], [1, -40]);
  });
});

describe("the rules' labels in Chinese", () => {
  it("has one for every rule, in Chinese, and keeps English as it was", () => {
    for (const rule of CREDIT_RULES) {
      assertChinese(creditRuleLabel(rule, "zh-CN"), rule.fact);
      assert.equal(creditRuleLabel(rule), rule.label);
    }
    assert.equal(creditRuleLabel(CREDIT_RULES[0]!, "zh-CN"), "每吊销一张许可证");
  });
});
