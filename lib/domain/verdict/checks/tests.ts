// The tests check: whether the latest lab report passed the standard in force on the production date.
// Its sentences are in tests.messages.ts; registry.ts lists it.
import { describeFirstFailure, describeResults, latestReport } from "../../lab-results";
import { defineCheck, fail, pass, unknown } from "../check";
import { testsMessages } from "./tests.messages";

export const tests = defineCheck({
  id: "tests",
  essential: true,
  authenticity: false,
  priority: 80,
  messages: testsMessages,
  run({ batch, nameOf, locale }, text) {
    if (batch === null) return unknown(text.noBatch());
    const ruleSet = batch.ruleSet;
    const latest = latestReport(batch.tests);
    if (ruleSet === null || latest === null) return unknown(text.none());
    const lab = nameOf(latest.lab);
    if (!latest.passed) {
      return fail(text.failed(latest, lab, ruleSet.standard, describeFirstFailure(ruleSet, latest, locale)));
    }
    const earlierFailed = batch.tests.some((report) => report !== latest && !report.passed);
    return pass(text.passed(latest, lab, ruleSet, describeResults(ruleSet, latest, locale), earlierFailed));
  },
});
