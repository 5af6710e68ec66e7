// The licence check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; licence.ts decides the status.
import type { LicenceInfo, PartyInfo } from "../../record";
import type { Outcome, Sentence } from "../check";
import type { Locale } from "../../locale";
import { capitalised, categoryName, formatDate, formatList, formattersIn } from "../../format";
import { reasonSuffix, reasonSuffixZh } from "../sentences";

const en = {
  noBatch: (): Outcome => ({
    title: "No lot to check the licences against",
    detail: "Licences are checked against a lot's production date, and this code names no registered lot.",
  }),
  invalidAtProduction: (document: Sentence, licence: LicenceInfo, producedAt: number): Outcome => ({
    title: `Made without a valid ${document}`,
    detail:
      `${capitalised(document)} ${licence.number} was valid from ${formatDate(licence.validFrom)} to ` +
      `${formatDate(licence.validUntil)}` +
      (licence.revokedAt === null
        ? ""
        : ` and revoked on ${formatDate(licence.revokedAt)}${reasonSuffix(licence.revocationReason)}`) +
      `. The lot was made on ${formatDate(producedAt)}, when it was not valid.`,
  }),
  notCovering: (document: Sentence, licence: LicenceInfo, category: number): Outcome => ({
    title: `The ${document} does not cover this kind of mask`,
    detail: `${capitalised(document)} ${licence.number} does not include ${categoryName(category).toLowerCase()}s.`,
  }),
  revokedSince: (
    document: Sentence,
    licence: LicenceInfo,
    revokedAt: number,
    producedAt: number,
  ): Outcome => ({
    title: `Made while licensed; ${document} revoked on ${formatDate(revokedAt)}`,
    detail:
      `Made on ${formatDate(producedAt)} under ${document} ${licence.number}, which was valid then. ` +
      `Licence ${licence.number} was revoked on ${formatDate(revokedAt)}` +
      `${reasonSuffix(licence.revocationReason)}. Boxes made before the revocation stay on the record.`,
  }),
  makerSuspended: (maker: PartyInfo, suspendedAt: number): Outcome => ({
    title: `${maker.name} is suspended`,
    detail:
      `The regulator suspended ${maker.name} on ${formatDate(suspendedAt)}. ` +
      "This lot was registered under its licences; watch for a recall notice.",
  }),
  missing: (documents: Sentence[]): Outcome => ({
    title: "Licence information is missing",
    detail: `The record does not include the ${formatList(documents)} for this lot.`,
  }),
  valid: (production: LicenceInfo, certificate: LicenceInfo, producedAt: number, maker: string): Outcome => ({
    title: "Made under a valid licence",
    detail:
      `Made by ${maker} on ${formatDate(producedAt)} under production licence ${production.number} ` +
      `(valid ${formatDate(production.validFrom)} to ${formatDate(production.validUntil)}) and ` +
      `registration certificate ${certificate.number} (valid ${formatDate(certificate.validFrom)} to ` +
      `${formatDate(certificate.validUntil)}).`,
  }),
  documents: {
    production: (): Sentence => "production licence",
    certificate: (): Sentence => "registration certificate",
  },
};

/** The shape of this check's catalogue in every language: the compiler checks the Chinese one against it. */
export type LicenceMessages = typeof en;

const ZH = "zh-CN";
const { date } = formattersIn(ZH);

const zhCN: LicenceMessages = {
  noBatch: () => ({
    title: "没有可用于核对许可证的批次",
    detail: "许可证要按批次的生产日期核对，而此码没有标明已登记的批号。",
  }),
  invalidAtProduction: (document, licence, producedAt) => ({
    title: `生产时${document}无效`,
    detail:
      `${document} ${licence.number} 的有效期为 ${date(licence.validFrom)} 至 ${date(licence.validUntil)}` +
      (licence.revokedAt === null
        ? ""
        : `，并于 ${date(licence.revokedAt)} 被吊销${reasonSuffixZh(licence.revocationReason)}`) +
      `。该批次生产于 ${date(producedAt)}，当时${document}无效。`,
  }),
  notCovering: (document, licence, category) => ({
    title: `${document}不涵盖此类口罩`,
    detail: `${document} ${licence.number} 的范围不包括${categoryName(category, ZH)}。`,
  }),
  revokedSince: (document, licence, revokedAt, producedAt) => ({
    title: `生产时持证有效；${document}已于 ${date(revokedAt)} 吊销`,
    detail:
      `该批次于 ${date(producedAt)} 在${document} ${licence.number} 下生产，当时有效。` +
      `该证于 ${date(revokedAt)} 被吊销${reasonSuffixZh(licence.revocationReason)}。吊销前生产的产品仍保留在记录中。`,
  }),
  makerSuspended: (maker, suspendedAt) => ({
    title: `${maker.name}已被暂停`,
    detail: `监管部门于 ${date(suspendedAt)} 暂停了${maker.name}。该批次是在其许可证下登记的，请留意召回通知。`,
  }),
  missing: (documents) => ({
    title: "缺少许可证信息",
    detail: `记录中没有该批次的${formatList(documents, ZH)}。`,
  }),
  valid: (production, certificate, producedAt, maker) => ({
    title: "在有效许可证下生产",
    detail:
      `由${maker}于 ${date(producedAt)} 生产，生产许可证 ${production.number}` +
      `（有效期 ${date(production.validFrom)} 至 ${date(production.validUntil)}），注册证 ` +
      `${certificate.number}（有效期 ${date(certificate.validFrom)} 至 ${date(certificate.validUntil)}）。`,
  }),
  documents: {
    production: () => "生产许可证",
    certificate: () => "注册证",
  },
};

export const licenceMessages: Record<Locale, LicenceMessages> = { en, "zh-CN": zhCN };
