// The signature check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; signature.ts decides the status.
import type { Outcome } from "../check";
import type { Locale } from "../../locale";
import { shortAddress } from "../../format";

const en = {
  noLot: (): Outcome => ({
    title: "No lot to check the signature against",
    detail: "The maker's signing key is registered per lot, and this code names no registered lot.",
  }),
  noSerial: (): Outcome => ({
    title: "No serial number to check the signature of",
    detail: "The maker signs each box's product, lot and serial number; this code carries no serial.",
  }),
  missing: (maker: string): Outcome => ({
    title: "No maker's signature on the code",
    detail:
      `Every box of this lot carries ${maker}'s digital signature in its 2D code; this code has none. ` +
      "A code without it was not printed by the maker.",
  }),
  typed: (maker: string): Outcome => ({
    title: "Typed codes carry no signature: scan the QR to check the maker's signature",
    detail:
      `A typed code can show where the box claims to come from, not that ${maker} printed it: ` +
      "anyone can copy a printed line. Scan the QR code, or type the check code printed after the line.",
  }),
  checkCodeUnpublished: (maker: string): Outcome => ({
    title: "The check code cannot be checked: scan the QR to check the maker's signature",
    detail:
      `${maker} has not published check codes for this box's labels, so the typed check code proves ` +
      "nothing either way. Scan the QR code to check the maker's signature.",
  }),
  checkCodeMatches: (maker: string): Outcome => ({
    title: "The check code matches the maker's published record",
    detail:
      `The check code is made from ${maker}'s signature on this box, and it matches what ${maker} ` +
      "published for this serial number when the labels were made. It cannot be guessed without the label.",
  }),
  checkCodeDiffers: (maker: string): Outcome => ({
    title: "The check code does not match",
    detail:
      `The check code typed is not the one ${maker} published for this serial number. Check it against ` +
      "the label letter by letter; if it is right, the label was not printed by the maker.",
  }),
  malformed: (): Outcome => ({
    title: "The signature on the code is damaged or forged",
    detail:
      "The code carries something in the signature field, but it is not a valid signature over this " +
      "product, lot and serial number.",
  }),
  wrongSigner: (recovered: string, expected: string, maker: string, lot: string): Outcome => ({
    title: "The code was not signed by the maker",
    detail:
      `The code was signed by key ${shortAddress(recovered)}, but ${maker} signs lot ${lot} with key ` +
      `${shortAddress(expected)}. Someone else made this code.`,
  }),
  valid: (maker: string, lot: string, signer: string): Outcome => ({
    title: "Signed by the maker",
    detail:
      `The signature over this product, lot and serial number was made with the signing key that ${maker} ` +
      `registered for lot ${lot} (${shortAddress(signer)}). It cannot be forged without that key.`,
  }),
};

/** The shape of this check's catalogue in every language: the compiler checks the Chinese one against it. */
export type SignatureMessages = typeof en;

const ZH = "zh-CN";

const zhCN: SignatureMessages = {
  noLot: () => ({
    title: "没有可用于核对签名的批次",
    detail: "生产企业的签名密钥按批次登记，而此码没有标明已登记的批号。",
  }),
  noSerial: () => ({
    title: "没有可核对签名的序列号",
    detail: "生产企业对每一盒的产品、批号和序列号签名；此码不含序列号。",
  }),
  missing: (maker) => ({
    title: "码上没有生产企业的签名",
    detail: `该批次每一盒的二维码中都带有${maker}的数字签名，而此码没有。没有签名的码不是生产企业印制的。`,
  }),
  typed: (maker) => ({
    title: "手动输入的码不含签名：请扫描二维码以核对生产企业的签名",
    detail:
      `输入的码能说明这盒声称来自哪里，但不能证明它是${maker}印制的：任何人都能抄写印在盒上的这一行。` +
      "请扫描二维码，或输入印在这一行之后的校验码。",
  }),
  checkCodeUnpublished: (maker) => ({
    title: "无法核对校验码：请扫描二维码以核对生产企业的签名",
    detail: `${maker}没有为这盒的标签公布校验码，所以输入的校验码不能说明真伪。请扫描二维码核对生产企业的签名。`,
  }),
  checkCodeMatches: (maker) => ({
    title: "校验码与生产企业公布的记录相符",
    detail: `校验码由${maker}对这一盒的签名生成，与${maker}制作标签时为该序列号公布的记录相符。没有标签无法猜出。`,
  }),
  checkCodeDiffers: (maker) => ({
    title: "校验码不相符",
    detail: `输入的校验码不是${maker}为该序列号公布的校验码。请对照标签逐个字符核对；如果输入无误，这张标签不是生产企业印制的。`,
  }),
  malformed: () => ({
    title: "码上的签名已损坏或系伪造",
    detail: "此码的签名字段有内容，但不是对该产品、批号和序列号的有效签名。",
  }),
  wrongSigner: (recovered, expected, maker, lot) => ({
    title: "此码不是生产企业签发的",
    detail:
      `此码由密钥 ${shortAddress(recovered, ZH)} 签名，而${maker}为批号 ${lot} 签名使用的密钥是 ` +
      `${shortAddress(expected, ZH)}。此码是他人制作的。`,
  }),
  valid: (maker, lot, signer) => ({
    title: "有生产企业的签名",
    detail:
      `对该产品、批号和序列号的签名，使用的是${maker}为批号 ${lot} 登记的签名密钥` +
      `（${shortAddress(signer, ZH)}）。没有该密钥无法伪造。`,
  }),
};

export const signatureMessages: Record<Locale, SignatureMessages> = { en, "zh-CN": zhCN };
