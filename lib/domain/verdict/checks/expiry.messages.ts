// The expiry check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; expiry.ts decides the status.
import type { Outcome } from "../check";
import type { Locale } from "../../locale";
import { formatDate, formatDays, formattersIn } from "../../format";

const en = {
  noBatch: (): Outcome => ({
    title: "No lot to check the expiry date of",
    detail: "This code names no registered lot, so its expiry date cannot be confirmed.",
  }),
  expired: (expiry: number, lot: string): Outcome => ({
    title: `Expired on ${formatDate(expiry)}`,
    detail: `Lot ${lot} could be used until ${formatDate(expiry)}. Expired masks may no longer filter or be sterile.`,
  }),
  soon: (expiry: number, daysLeft: number): Outcome => ({
    title:
      daysLeft < 1
        ? `Use by ${formatDate(expiry)}: this is the last day`
        : `Use by ${formatDate(expiry)}: ${formatDays(daysLeft)} left`,
    detail:
      `The lot can be used until ${formatDate(expiry)}. Buy only what you will use by then, ` +
      "and check the date before using a mask.",
  }),
  fine: (expiry: number, producedAt: number): Outcome => ({
    title: `Use by ${formatDate(expiry)}`,
    detail: `Made on ${formatDate(producedAt)}; the lot can be used until ${formatDate(expiry)}.`,
  }),
};

/** The shape of this check's catalogue in every language: the compiler checks the Chinese one against it. */
export type ExpiryMessages = typeof en;

const ZH = "zh-CN";
const { date, days } = formattersIn(ZH);

const zhCN: ExpiryMessages = {
  noBatch: () => ({
    title: "没有可核查失效日期的批次",
    detail: "此码没有标明已登记的批号，无法确认其失效日期。",
  }),
  expired: (expiry, lot) => ({
    title: `已于 ${date(expiry)} 过期`,
    detail: `批号 ${lot} 的使用期限到 ${date(expiry)}。过期口罩可能已不能有效过滤，也可能不再无菌。`,
  }),
  soon: (expiry, daysLeft) => ({
    title:
      daysLeft < 1
        ? `失效日期 ${date(expiry)}：今天是最后一天`
        : `失效日期 ${date(expiry)}：还剩 ${days(daysLeft)}`,
    detail: `该批次可使用到 ${date(expiry)}。只买到期前用得完的数量，使用前请再看一下日期。`,
  }),
  fine: (expiry, producedAt) => ({
    title: `失效日期 ${date(expiry)}`,
    detail: `生产于 ${date(producedAt)}；该批次可使用到 ${date(expiry)}。`,
  }),
};

export const expiryMessages: Record<Locale, ExpiryMessages> = { en, "zh-CN": zhCN };
