// The clone check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; clone.ts decides the status.
import type { PartyInfo, ScanHistory } from "../../record";
import type { Outcome } from "../check";
import type { Locale } from "../../locale";
import {
  formatCount,
  formatDate,
  formatDateTime,
  formattersIn,
  formatTimes,
  shortPartyName,
} from "../../format";

/** Why an unsold box's earlier checks are counted from its lot's delivery (scan-window.ts). */
const PRE_DELIVERY_SCANS = {
  en: "Checks before the delivery are not counted: anyone can scan a lot's codes before its boxes reach a shop.",
  zh: "到货前的查验不计入：任何人都可以在包装盒上架前扫描一个批次的码。",
};

const en = {
  noSerial: (): Outcome => ({
    title: "No serial number to check for copies",
    detail: "Copies are recognised by a box's serial number, and this code names no registered box.",
  }),
  saleUnknown: (): Outcome => ({
    title: "Sale record unavailable",
    detail: "Whether this box has been sold could not be read from the record.",
  }),
  sold: (seller: PartyInfo, soldAt: number, devicesAfterSale: number | null): Outcome => ({
    title: `This code was sold at ${shortPartyName(seller.name)} on ${formatDate(soldAt)}`,
    detail:
      `This box was sold at ${seller.name} on ${formatDateTime(soldAt)}. If you bought it there then, it ` +
      "is your box; a box with this code anywhere else is a copy." +
      (devicesAfterSale !== null && devicesAfterSale > 1
        ? ` Since the sale it has been checked from ${formatCount(devicesAfterSale, "device", "different devices")}.`
        : ""),
  }),
  historyUnavailable: (): Outcome => ({
    title: "Scan history unavailable",
    detail:
      "The box has not been sold through a registered pharmacy. The scan history is unavailable right " +
      "now, so earlier checks of this code cannot be shown.",
  }),
  firstCheck: (deliveredAt: number | null): Outcome => ({
    title: "First check of this box",
    detail:
      deliveredAt === null
        ? "No one has checked this code before, and it has not been sold through a registered pharmacy."
        : `No one has checked this code since its lot was delivered on ${formatDate(deliveredAt)}, and it ` +
          "has not been sold through a registered pharmacy. " +
          PRE_DELIVERY_SCANS.en,
  }),
  checkedBefore: (scans: ScanHistory, deliveredAt: number | null): Outcome => ({
    title:
      `Checked ${formatTimes(scans.count)} before` +
      (scans.firstVerifiedAt === null ? "" : `; first on ${formatDate(scans.firstVerifiedAt)}`) +
      (scans.firstPlace ? `, ${scans.firstPlace}` : ""),
    detail:
      `This code was checked ${formatTimes(scans.count)} ` +
      (deliveredAt === null ? "before" : `since its lot was delivered on ${formatDate(deliveredAt)}`) +
      (scans.firstVerifiedAt === null ? "" : `, first on ${formatDateTime(scans.firstVerifiedAt)}`) +
      (scans.firstPlace ? ` in ${scans.firstPlace}` : "") +
      ". It has not been sold through a registered pharmacy. If those checks were not yours, someone " +
      "else has seen this code." +
      (deliveredAt === null ? "" : ` ${PRE_DELIVERY_SCANS.en}`),
  }),
};

/** The shape of this check's catalogue in every language: the compiler checks the Chinese one against it. */
export type CloneMessages = typeof en;

const ZH = "zh-CN";
const { date, dateTime, integer } = formattersIn(ZH);

const zhCN: CloneMessages = {
  noSerial: () => ({
    title: "没有可核查复制码的序列号",
    detail: "复制码要靠包装盒的序列号识别，而此码没有标明已登记的包装盒。",
  }),
  saleUnknown: () => ({
    title: "无法读取销售记录",
    detail: "无法从记录中读取这一盒是否已经售出。",
  }),
  sold: (seller, soldAt, devicesAfterSale) => ({
    title: `此码已于 ${date(soldAt)} 在${shortPartyName(seller.name)}售出`,
    detail:
      `这一盒已于 ${dateTime(soldAt)} 在${seller.name}售出。如果您就是那时在那里买的，这就是您的那一盒；` +
      "在其他任何地方出现的同码包装盒都是复制的。" +
      (devicesAfterSale !== null && devicesAfterSale > 1
        ? `售出后已有 ${integer(devicesAfterSale)} 台不同的设备查验过此码。`
        : ""),
  }),
  historyUnavailable: () => ({
    title: "无法读取查验记录",
    detail: "这一盒尚未经登记药店售出。查验记录暂时无法读取，因此无法显示此码此前的查验情况。",
  }),
  firstCheck: (deliveredAt) => ({
    title: "首次查验这一盒",
    detail:
      deliveredAt === null
        ? "此前没有人查验过此码，它也尚未经登记药店售出。"
        : `自该批次于 ${date(deliveredAt)} 到货以来，没有人查验过此码，它也尚未经登记药店售出。` +
          PRE_DELIVERY_SCANS.zh,
  }),
  checkedBefore: (scans, deliveredAt) => ({
    title:
      `此前已被查验 ${formatTimes(scans.count, ZH)}` +
      (scans.firstVerifiedAt === null ? "" : `；首次于 ${date(scans.firstVerifiedAt)}`) +
      (scans.firstPlace ? `，在${scans.firstPlace}` : ""),
    detail:
      (deliveredAt === null ? "此码此前" : `自该批次于 ${date(deliveredAt)} 到货以来，此码`) +
      `已被查验 ${formatTimes(scans.count, ZH)}` +
      (scans.firstVerifiedAt === null ? "" : `，首次是 ${dateTime(scans.firstVerifiedAt)}`) +
      (scans.firstPlace ? `，在${scans.firstPlace}` : "") +
      "。它尚未经登记药店售出。如果那些查验不是您做的，说明别人也见过此码。" +
      (deliveredAt === null ? "" : PRE_DELIVERY_SCANS.zh),
  }),
};

export const cloneMessages: Record<Locale, CloneMessages> = { en, "zh-CN": zhCN };
