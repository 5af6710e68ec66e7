// The recall check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; recall.ts decides the status.
import type { Outcome } from "../check";
import type { Locale } from "../../locale";
import { formatDate, formattersIn } from "../../format";
import { reasonSuffix, reasonSuffixZh } from "../sentences";

const en = {
  noBatch: (): Outcome => ({
    title: "No lot to check for recalls",
    detail: "Recalls are issued per lot, and this code names no registered lot.",
  }),
  recalled: (at: number, reason: string): Outcome => ({
    title: `Recalled on ${formatDate(at)}`,
    detail:
      `The regulator recalled this lot on ${formatDate(at)}${reasonSuffix(reason)}. ` +
      "Do not use the masks; return them to the seller.",
  }),
  none: (lot: string, asOf: number): Outcome => ({
    title: "Not recalled",
    detail: `No recall of lot ${lot} is on the record as of ${formatDate(asOf)}.`,
  }),
};

/** The shape of this check's catalogue in every language: the compiler checks the Chinese one against it. */
export type RecallMessages = typeof en;

const ZH = "zh-CN";
const { date } = formattersIn(ZH);

const zhCN: RecallMessages = {
  noBatch: () => ({
    title: "没有可核查召回的批次",
    detail: "召回按批次发布，而此码没有标明已登记的批号。",
  }),
  recalled: (at, reason) => ({
    title: `已于 ${date(at)} 召回`,
    detail: `监管部门于 ${date(at)} 召回了该批次${reasonSuffixZh(reason)}。请勿使用，并退回给销售方。`,
  }),
  none: (lot, asOf) => ({
    title: "未被召回",
    detail: `截至 ${date(asOf)}，记录中没有批号 ${lot} 的召回。`,
  }),
};

export const recallMessages: Record<Locale, RecallMessages> = { en, "zh-CN": zhCN };
