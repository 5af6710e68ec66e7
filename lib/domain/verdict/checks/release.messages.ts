// The release check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; release.ts decides the status.
import type { SterilisationInfo } from "../../record";
import type { Outcome } from "../check";
import type { Locale } from "../../locale";
import { formatDate, formatDays, formatInteger, formattersIn, sterilisationMethodName } from "../../format";

/** Shared by the three ways a batch can be unreleased. */
const DIVERTED = {
  en: "No box of an unreleased batch may be sold: boxes in trade from it were diverted before release.",
  zh: "未放行批次的产品一律不得销售：市场上出现的该批次产品是在放行前流出的。",
};

const en = {
  noBatch: (): Outcome => ({
    title: "No lot to check the release of",
    detail: "This code names no registered lot.",
  }),
  inHold: (sterilisation: SterilisationInfo, holdEnds: number, minHoldDays: number): Outcome => ({
    title: "Not released by the maker",
    detail:
      `Sterilised with ${sterilisationMethodName(sterilisation.method)} by ${sterilisation.sterilizer} until ` +
      `${formatDate(sterilisation.endedAt)}; the ${minHoldDays}-day hold for the gas to clear ends on ` +
      `${formatDate(holdEnds)} and the maker has not released the batch. ${DIVERTED.en}`,
  }),
  holdOver: (sterilisation: SterilisationInfo, holdEnded: number, minHoldDays: number): Outcome => ({
    title: "Not released by the maker",
    detail:
      `Sterilised with ${sterilisationMethodName(sterilisation.method)} by ${sterilisation.sterilizer} until ` +
      `${formatDate(sterilisation.endedAt)}; the ${minHoldDays}-day hold ended on ${formatDate(holdEnded)}, ` +
      `but the maker has not released the batch. ${DIVERTED.en}`,
  }),
  notSterilised: (): Outcome => ({
    title: "Not released by the maker",
    detail: `No sterilisation is recorded and the maker has not released the batch. ${DIVERTED.en}`,
  }),
  early: (
    releasedAt: number,
    sterilisation: SterilisationInfo,
    heldDays: number,
    minHoldDays: number,
  ): Outcome => ({
    title: `Released after only ${formatDays(heldDays)}`,
    detail:
      `Released on ${formatDate(releasedAt)}, ${formatDays(heldDays)} after ${sterilisationMethodName(sterilisation.method)} ` +
      `sterilisation ended on ${formatDate(sterilisation.endedAt)}; at least ${formatDays(minHoldDays)} ` +
      "are required for the gas to clear from the masks.",
  }),
  afterHold: (
    releasedAt: number,
    sterilisation: SterilisationInfo,
    heldDays: number,
    minHoldDays: number,
  ): Outcome => ({
    title: `Released after a ${formatInteger(heldDays)}-day hold`,
    detail:
      `Released on ${formatDate(releasedAt)} after ${formatDays(heldDays)}' hold: sterilised with ` +
      `${sterilisationMethodName(sterilisation.method)} by ${sterilisation.sterilizer} from ${formatDate(sterilisation.startedAt)} ` +
      `to ${formatDate(sterilisation.endedAt)}, and at least ${formatDays(minHoldDays)} are required ` +
      "for the gas to clear.",
  }),
  releasedWithoutSterilisation: (releasedAt: number): Outcome => ({
    title: `Released on ${formatDate(releasedAt)}`,
    detail: `The maker released the batch on ${formatDate(releasedAt)}. No sterilisation record is shown.`,
  }),
};

/** The shape of this check's catalogue in every language: the compiler checks the Chinese one against it. */
export type ReleaseMessages = typeof en;

const ZH = "zh-CN";
const { date, integer, days, method } = formattersIn(ZH);

const zhCN: ReleaseMessages = {
  noBatch: () => ({
    title: "没有可核查放行的批次",
    detail: "此码没有标明已登记的批号。",
  }),
  inHold: (sterilisation, holdEnds, minHoldDays) => ({
    title: "生产企业尚未放行",
    detail:
      `由${sterilisation.sterilizer}采用${method(sterilisation.method)}灭菌至 ${date(sterilisation.endedAt)}；` +
      `供残留气体解析的 ${integer(minHoldDays)} 天解析期到 ${date(holdEnds)} 结束，生产企业尚未放行该批次。${DIVERTED.zh}`,
  }),
  holdOver: (sterilisation, holdEnded, minHoldDays) => ({
    title: "生产企业尚未放行",
    detail:
      `由${sterilisation.sterilizer}采用${method(sterilisation.method)}灭菌至 ${date(sterilisation.endedAt)}；` +
      `${integer(minHoldDays)} 天解析期已于 ${date(holdEnded)} 结束，但生产企业尚未放行该批次。${DIVERTED.zh}`,
  }),
  notSterilised: () => ({
    title: "生产企业尚未放行",
    detail: `没有灭菌记录，生产企业也尚未放行该批次。${DIVERTED.zh}`,
  }),
  early: (releasedAt, sterilisation, heldDays, minHoldDays) => ({
    title: `灭菌后仅 ${days(heldDays)}就放行`,
    detail:
      `${method(sterilisation.method)}灭菌于 ${date(sterilisation.endedAt)} 结束，${date(releasedAt)} 即放行，` +
      `只隔了 ${days(heldDays)}；残留气体从口罩中解析至少需要 ${days(minHoldDays)}。`,
  }),
  afterHold: (releasedAt, sterilisation, heldDays, minHoldDays) => ({
    title: `解析 ${days(heldDays)}后放行`,
    detail:
      `经 ${days(heldDays)}解析后于 ${date(releasedAt)} 放行：由${sterilisation.sterilizer}采用` +
      `${method(sterilisation.method)}灭菌，时间为 ${date(sterilisation.startedAt)} 至 ` +
      `${date(sterilisation.endedAt)}；残留气体解析至少需要 ${days(minHoldDays)}。`,
  }),
  releasedWithoutSterilisation: (releasedAt) => ({
    title: `已于 ${date(releasedAt)} 放行`,
    detail: `生产企业于 ${date(releasedAt)} 放行了该批次。记录中没有灭菌信息。`,
  }),
};

export const releaseMessages: Record<Locale, ReleaseMessages> = { en, "zh-CN": zhCN };
