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
