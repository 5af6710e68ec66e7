// The price check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; price.ts decides the status.
import type { PriceCapInfo, PriceRecordInfo } from "../../record";
import type { Outcome, Sentence } from "../check";
import type { Locale } from "../../locale";
import { formatDate, formattersIn, formatYuanPerPiece } from "../../format";
import { regionName } from "../../regions";
import { basisSuffix, basisSuffixZh, joinAfter } from "../sentences";

const en = {
  noProduct: (): Outcome => ({
    title: "No price information",
    detail: "Price caps are set per kind of mask, and this product is not registered.",
  }),
  violations: (records: Sentence[], seller: string): Outcome => ({
    title: `Sold above the price cap at ${seller}`,
    detail:
      `${records.join(" ")} An inspector's record counts against the seller; it says nothing about ` +
      "the masks themselves.",
  }),
  violation: (record: PriceRecordInfo): Sentence =>
    `Recorded at ${formatYuanPerPiece(record.fenPerPiece)} at ${record.seller.name} on ` +
    `${formatDate(record.observedAt)}, above ` +
    (record.cap === null
      ? "the price cap."
      : `the ${record.cap.channel} cap of ${formatYuanPerPiece(record.cap.fenPerPiece)}` +
        `${basisSuffix(record.cap.legalBasis)}.`),
  noCap: (recorded: Sentence[]): Outcome => ({
    title: "No retail price cap here",
    detail: `No retail price cap for this kind of mask is recorded for this region.${joinAfter(recorded)}`,
  }),
  capHere: (cap: PriceCapInfo, recorded: Sentence[]): Outcome => ({
    title: `Retail cap here: ${formatYuanPerPiece(cap.fenPerPiece)}`,
    detail:
      `The retail price cap in force in ${regionName(cap.region) ?? `region ${cap.region}`} since ` +
      `${formatDate(cap.effectiveFrom)} is ` +
      `${formatYuanPerPiece(cap.fenPerPiece)}${basisSuffix(cap.legalBasis)}.${joinAfter(recorded)}`,
  }),
  withinCap: (record: PriceRecordInfo): Sentence =>
    `Recorded at ${formatYuanPerPiece(record.fenPerPiece)} at ${record.seller.name} on ` +
    `${formatDate(record.observedAt)}, within the cap.`,
};

/** The shape of this check's catalogue in every language: the compiler checks the Chinese one against it. */
export type PriceMessages = typeof en;

const ZH = "zh-CN";
const { date, yuanPerPiece } = formattersIn(ZH);

const CHANNEL: Record<PriceCapInfo["channel"], string> = {
  "ex-factory": "出厂",
  wholesale: "批发",
  retail: "零售",
};

const zhCN: PriceMessages = {
  noProduct: () => ({
    title: "没有价格信息",
    detail: "限价按口罩类别设定，而此产品没有登记。",
  }),
  violations: (records, seller) => ({
    title: `${seller}的售价超过限价`,
    detail: `${records.join("")}检查人员的记录针对的是销售方，与口罩本身的质量无关。`,
  }),
  violation: (record: PriceRecordInfo) =>
    `${date(record.observedAt)} 在${record.seller.name}记录到售价 ${yuanPerPiece(record.fenPerPiece)}，超过` +
    (record.cap === null
      ? "限价。"
      : `${CHANNEL[record.cap.channel]}限价 ${yuanPerPiece(record.cap.fenPerPiece)}${basisSuffixZh(record.cap.legalBasis)}。`),
  noCap: (recorded) => ({
    title: "本地没有零售限价",
    detail: `本地区没有此类口罩的零售限价记录。${recorded.join("")}`,
  }),
  capHere: (cap, recorded) => ({
    title: `本地零售限价：${yuanPerPiece(cap.fenPerPiece)}`,
    detail:
      `${regionName(cap.region) ?? `地区 ${cap.region}`}自 ${date(cap.effectiveFrom)} 起执行的零售限价为 ` +
      `${yuanPerPiece(cap.fenPerPiece)}${basisSuffixZh(cap.legalBasis)}。${recorded.join("")}`,
  }),
  withinCap: (record) =>
    `${date(record.observedAt)} 在${record.seller.name}记录到售价 ${yuanPerPiece(record.fenPerPiece)}，未超过限价。`,
};

export const priceMessages: Record<Locale, PriceMessages> = { en, "zh-CN": zhCN };
