// A lab report read against its rule set: which report counts, and each result as a reader sees it
// ("BFE 98.6 % (must be ≥ 95 %)"). The verdict's tests check and the timeline's test events both
// describe reports, and must describe them the same way.
import type { RuleSetInfo, TestReportInfo } from "./record";
import { formatMetricAgainstLimit, isWithinLimits, metricShortName } from "./format";
import type { Locale } from "./locale";

/** The most recent report; on a tie the one posted last, since reports are appended in order. */
export function latestReport(reports: readonly TestReportInfo[]): TestReportInfo | null {
  let latest: TestReportInfo | null = null;
  for (const report of reports) if (latest === null || report.testedAt >= latest.testedAt) latest = report;
  return latest;
}

/** "BFE 98.6 % (must be ≥ 95 %)" for every rule of the rule set, in the rule set's order. */
export function describeResults(
  ruleSet: RuleSetInfo,
  report: TestReportInfo,
  locale: Locale = "en",
): string[] {
  return ruleSet.rules.map((rule) => {
    const result = report.results.find((r) => r.metric === rule.metric);
    return formatMetricAgainstLimit(rule.metric, result?.value ?? null, rule.min, rule.max, locale);
  });
}

/** The failed metric as "BFE 91.2 % (must be ≥ 95 %)": the lab's own, or the first outside its limits. */
export function describeFirstFailure(
  ruleSet: RuleSetInfo | null,
  report: TestReportInfo,
  locale: Locale = "en",
): string | null {
  const rules = ruleSet?.rules ?? [];
  const failedRule =
    report.firstFailedMetric !== null
      ? rules.find((rule) => rule.metric === report.firstFailedMetric)
      : rules.find((rule) => {
          const result = report.results.find((r) => r.metric === rule.metric);
          return result === undefined || !isWithinLimits(result.value, rule.min, rule.max);
        });
  const metric = failedRule?.metric ?? report.firstFailedMetric;
  if (metric === null || metric === undefined) return null;
  const value = report.results.find((r) => r.metric === metric)?.value ?? null;
  if (failedRule === undefined)
    return value === null
      ? metricShortName(metric, locale)
      : formatMetricAgainstLimit(metric, value, null, null, locale);
  return formatMetricAgainstLimit(metric, value, failedRule.min, failedRule.max, locale);
}
