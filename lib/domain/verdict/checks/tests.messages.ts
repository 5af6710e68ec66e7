// The tests check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; tests.ts decides the status.
import type { RuleSetInfo, TestReportInfo } from "../../record";
import type { Outcome, Sentence } from "../check";
import type { Locale } from "../../locale";
import { formatCount, formatDate, formattersIn } from "../../format";

const en = {
  noBatch: (): Outcome => ({
    title: "No lot to check the test results of",
    detail: "Labs test each lot, and this code names no registered lot.",
  }),
  none: (): Outcome => ({
    title: "No test results on the record",
    detail: "No lab has posted results for this lot against the standard in force on its production date.",
  }),
  failed: (report: TestReportInfo, lab: string, standard: string, failure: Sentence | null): Outcome => ({
    title: failure === null ? "Failed its lab test" : `Failed its lab test: ${failure}`,
    detail:
      `The ${report.retest ? "retest" : "test"} by ${lab} on ${formatDate(report.testedAt)} against ` +
      `${standard} failed` +
      (failure === null ? "." : `: ${failure}.`) +
      " Masks that fail their standard may not protect you.",
  }),
  passed: (
    report: TestReportInfo,
    lab: string,
    ruleSet: RuleSetInfo,
    results: Sentence[],
    earlierFailed: boolean,
  ): Outcome => ({
    title: `Passed all ${formatCount(ruleSet.rules.length, "lab test", "lab tests")} of ${ruleSet.standard}`,
    detail:
      `Tested by ${lab} on ${formatDate(report.testedAt)} against ${ruleSet.standard}: ` +
      `${results.join(", ")}.` +
      (report.retest
        ? earlierFailed
          ? " This is a retest: an earlier report failed, and the lab tested the lot again."
          : " This result is from a retest ordered after the first report."
        : ""),
  }),
};

/** The shape of this check's catalogue in every language: the compiler checks the Chinese one against it. */
export type TestsMessages = typeof en;

const ZH = "zh-CN";
const { date, integer } = formattersIn(ZH);

const zhCN: TestsMessages = {
  noBatch: () => ({
    title: "没有可核查检验结果的批次",
    detail: "检验机构按批次检验，而此码没有标明已登记的批号。",
  }),
  none: () => ({
    title: "记录中没有检验结果",
    detail: "没有检验机构按该批次生产日期适用的标准发布检验结果。",
  }),
  failed: (report, lab, standard, failure) => ({
    title: failure === null ? "检验不合格" : `检验不合格：${failure}`,
    detail:
      `${lab}于 ${date(report.testedAt)} 按 ${standard} 进行的${report.retest ? "复检" : "检验"}不合格` +
      (failure === null ? "。" : `：${failure}。`) +
      "不符合标准的口罩可能无法起到防护作用。",
  }),
  passed: (report, lab, ruleSet, results, earlierFailed) => ({
    title: `${ruleSet.standard} 全部 ${integer(ruleSet.rules.length)} 项检验合格`,
    detail:
      `${lab}于 ${date(report.testedAt)} 按 ${ruleSet.standard} 检验：${results.join("，")}。` +
      (report.retest
        ? earlierFailed
          ? "这是复检结果：此前的检验报告不合格，检验机构对该批次重新进行了检验。"
          : "这是首次报告后安排的复检结果。"
        : ""),
  }),
};

export const testsMessages: Record<Locale, TestsMessages> = { en, "zh-CN": zhCN };
