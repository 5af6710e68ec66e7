// The code check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; code.ts decides the status.
import type { Outcome } from "../check";
import type { Locale } from "../../locale";

const en = {
  bareGtin: (gtin: string): Outcome => ({
    title: "This barcode only identifies the product — scan the square 2D code for the box",
    detail:
      `A retail barcode carries only the product number (GTIN ${gtin}). The lot, the box's serial ` +
      "number and the maker's signature are in the square 2D code (DataMatrix or QR) on the box.",
  }),
  noSerial: (gtin: string, lot: string): Outcome => ({
    title: "This code identifies the lot but not the box",
    detail:
      `The code names product ${gtin}, lot ${lot}, but no serial number, so this particular box ` +
      "cannot be checked. Look for a 2D code that also carries a serial number.",
  }),
  expiryMismatch: (printed: string, recorded: string, lot: string): Outcome => ({
    title: "The expiry date on the code does not match the record",
    detail:
      `The code says use by ${printed}, but lot ${lot} was registered with expiry ${recorded}. ` +
      "A genuine box carries its lot's own date: this box may have been relabelled.",
  }),
  productionMismatch: (printed: string, recorded: string, lot: string): Outcome => ({
    title: "The production date on the code does not match the record",
    detail:
      `The code says made on ${printed}, but lot ${lot} was registered as made on ${recorded}. ` +
      "A genuine box carries its lot's own date: this box may have been relabelled.",
  }),
  complete: (code: { gtin: string; lot: string; serial: string }, printedExpiry: string | null): Outcome => ({
    title: "The code identifies this box",
    detail:
      `Product ${code.gtin}, lot ${code.lot}, serial ${code.serial}` +
      (printedExpiry === null ? "." : `, use by ${printedExpiry} as printed.`),
  }),
};

/** The shape of this check's catalogue in every language: the compiler checks the Chinese one against it. */
export type CodeMessages = typeof en;

const zhCN: CodeMessages = {
  bareGtin: (gtin) => ({
    title: "此条码只标识产品，请扫描包装盒上的二维码",
    detail:
      `零售条码只包含产品编号（GTIN ${gtin}）。批号、包装盒序列号和生产企业的数字签名都在包装盒上的` +
      "二维码（DataMatrix 或 QR 码）里。",
  }),
  noSerial: (gtin, lot) => ({
    title: "此码只标识批次，不标识这一盒",
    detail:
      `此码标明产品 ${gtin}、批号 ${lot}，但没有序列号，因此无法核查这一盒。` +
      "请找包装盒上同时带有序列号的二维码。",
  }),
  expiryMismatch: (printed, recorded, lot) => ({
    title: "码上的失效日期与记录不符",
    detail:
      `此码标注的失效日期为 ${printed}，但批号 ${lot} 登记的失效日期为 ${recorded}。` +
      "正品包装盒上印的是本批次自己的日期：这一盒可能被改过标签。",
  }),
  productionMismatch: (printed, recorded, lot) => ({
    title: "码上的生产日期与记录不符",
    detail:
      `此码标注的生产日期为 ${printed}，但批号 ${lot} 登记的生产日期为 ${recorded}。` +
      "正品包装盒上印的是本批次自己的日期：这一盒可能被改过标签。",
  }),
  complete: (code, printedExpiry) => ({
    title: "此码标识了这一盒",
    detail:
      `产品 ${code.gtin}，批号 ${code.lot}，序列号 ${code.serial}` +
      (printedExpiry === null ? "。" : `，标注失效日期 ${printedExpiry}。`),
  }),
};

export const codeMessages: Record<Locale, CodeMessages> = { en, "zh-CN": zhCN };
