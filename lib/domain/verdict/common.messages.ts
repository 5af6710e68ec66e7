// The verdict's sentences that belong to no one check: the headline, a check that could not be
// completed, and "the maker" when the record does not name it. Each check keeps its own sentences
// beside it (checks/<id>.messages.ts); both catalogues here have the same type, checked by the compiler.
import type { Locale } from "../locale";
import type { Outcome, Sentence } from "./check";

const en = {
  couldNotCheck: (): Outcome => ({
    title: "This check could not be completed",
    detail: "Part of the record for this check could not be read. The other checks are unaffected.",
  }),
  headline: {
    not_found: (): string => "No registered manufacturer uses this product number",
    genuine: (): string => "Made, tested and released by licensed parties, and traced to the shelf",
    incomplete: (): string => "The record is incomplete: read what it does not say below",
    typedUnconfirmed: (): string =>
      "The typed code matches the record; scan the QR code (or type its check code) to confirm it is the maker's",
  },
  theMaker: (): Sentence => "the maker",
};

/** The shape of the shared catalogue in every language. */
export type CommonMessages = typeof en;

const zhCN: CommonMessages = {
  couldNotCheck: () => ({
    title: "此项核查未能完成",
    detail: "此项核查所需的部分记录无法读取，其他核查不受影响。",
  }),
  headline: {
    not_found: () => "没有登记的生产企业使用此产品编号",
    genuine: () => "由持证企业生产、检验并放行，流向可追溯到货架",
    incomplete: () => "记录不完整：请阅读下方记录没有说明的内容",
    typedUnconfirmed: () => "输入的码与记录相符；请扫描二维码（或输入其校验码）以确认是生产企业印制的",
  },
  theMaker: () => "生产企业",
};

export const commonMessages: Record<Locale, CommonMessages> = { en, "zh-CN": zhCN };
