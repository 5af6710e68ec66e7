// Why a scanned code was refused, in the reader's language. gs1.ts words its errors in English with the
// exact detail (which characters, which date); a Chinese reader gets one plain sentence per error code,
// naming the field when the error is about one, and for a wrong check digit the digit it should be: the
// person may have typed the code, so the sentence asks them to compare it with the box, not to scan again.
import type { Gs1Error, Gs1ErrorCode } from "./gs1";
import type { Locale } from "./locale";

/** The fields a shopper may meet in an error, by GS1 Application Identifier. */
const FIELD_ZH: Record<string, string> = {
  "00": "物流单元代码（SSCC）",
  "01": "产品编号（GTIN）",
  "10": "批号",
  "11": "生产日期",
  "17": "失效日期",
  "21": "序列号",
  "8030": "数字签名",
};

const fieldZh = (ai: string | null) =>
  ai === null ? "码中的一个字段" : (FIELD_ZH[ai] ?? `数据字段（GS1 应用标识符 ${ai}）`);

const ZH: Record<Gs1ErrorCode, (ai: string | null, expected: string | null) => string> = {
  empty: () => "没有扫到内容：码是空的。",
  too_long: () => "扫到的内容太长，不可能是产品码。",
  unrecognised: () =>
    "这不是 MedProof 能识别的产品码。请扫描包装盒上的 GS1 DataMatrix 或二维码，或输入条码下方印的产品编号（GTIN）。",
  bad_check_digit: (ai, expected) =>
    `${fieldZh(ai)}的校验位不对` +
    (expected === null
      ? ""
      : `：按前面的数字，最后${expected.length > 1 ? "两位" : "一位"}应为 ${expected}`) +
    "。请对照包装盒上印的号码逐位核对。",
  bad_length: (ai) => `${fieldZh(ai)}的长度不对。`,
  bad_characters: (ai) => `${fieldZh(ai)}含有不允许的字符。`,
  bad_date: (ai) => `${fieldZh(ai)}不是一个真实的日期或时间。`,
  bad_value: (ai) => `${fieldZh(ai)}的内容不符合 GS1 对该字段的规定。`,
  unknown_ai: (ai) => `码中含有一个不是 GS1 应用标识符的数据字段${ai === null ? "" : `（${ai}）`}。`,
  missing_gtin: () => "码中没有产品编号（GTIN），无法识别产品。",
  duplicate_ai: (ai) => `码中出现了两次${fieldZh(ai)}，且两次的值不同。`,
  bad_order: () => "码中各字段的顺序不符合 GS1 数字链接的规定。",
  key_in_query: (ai) => `${fieldZh(ai)}是 GS1 网址路径中的主标识，不能在“?”之后再次出现。`,
};

/** The error's sentence in `locale`: gs1.ts's own in English, one per error code in Chinese. */
export function gs1ErrorMessage(
  error: Pick<Gs1Error, "code" | "ai" | "message"> & { expected?: string | null },
  locale: Locale = "en",
): string {
  return locale === "en" ? error.message : ZH[error.code](error.ai, error.expected ?? null);
}
