// The custody check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; custody.ts decides the status.
import type { ShipmentInfo } from "../../record";
import type { Outcome, Sentence } from "../check";
import type { Locale } from "../../locale";
import { formatBoxes, formatCount, formatDate, formatInteger, formattersIn } from "../../format";
import { reasonSuffix, reasonSuffixZh } from "../sentences";

const en = {
  noBatch: (): Outcome => ({
    title: "No lot to trace",
    detail: "Custody is recorded per lot, and this code names no registered lot.",
  }),
  neverShipped: (maker: string): Outcome => ({
    title: "Never shipped by the maker",
    detail:
      `${maker} has not released this lot, and it was never shipped by the maker: boxes in a shop did ` +
      "not come through licensed custody.",
  }),

  unlicensedHolder: (problems: Sentence[], held: Sentence): Outcome => ({
    title: "A holder of this lot lacks a valid licence",
    detail: `${problems.join(" ")} ${held}`,
  }),
  holderWithoutFiling: (holder: string, boxes: number): Sentence =>
    `${holder} holds ${formatBoxes(boxes)} without a valid Class II distribution filing.`,
  holderSuspended: (holder: string, boxes: number, at: number): Sentence =>
    `${holder}, holding ${formatBoxes(boxes)}, was suspended by the regulator on ${formatDate(at)}.`,
  withMaker: (maker: string, held: Sentence): Outcome => ({
    title: "Not shipped yet: all boxes are with the maker",
    detail: `${maker} has released the lot but not shipped any of it. ${held}`,
  }),
  traced: (routes: Sentence[], shipments: Sentence[], held: Sentence): Outcome => ({
    title:
      routes.length <= 1
        ? (routes[0] ?? "Shipped through licensed hands")
        : `${routes[0]} and ${formatCount(routes.length - 1, "other route", "other routes")}`,
    detail: `${shipments.join(". ")}. ${held}`,
  }),
  makerHop: (): Sentence => "Maker",
  shipment: (from: string, to: string, shipment: ShipmentInfo): Sentence =>
    `${from} shipped ${formatBoxes(shipment.boxes)} to ${to} on ${formatDate(shipment.shippedAt)}` +
    (shipment.status === "accepted"
      ? shipment.settledAt === null
        ? ", accepted"
        : `, accepted on ${formatDate(shipment.settledAt)}`
      : shipment.status === "rejected"
        ? (shipment.settledAt === null ? ", rejected" : `, rejected on ${formatDate(shipment.settledAt)}`) +
          reasonSuffix(shipment.note)
        : ", awaiting receipt"),
  held: (holdings: Sentence[]): Sentence =>
    holdings.length === 0 ? "No one holds boxes of this lot now." : `Boxes held now: ${holdings.join(", ")}.`,
  holding: (holder: string, boxes: number): Sentence => `${holder} ${formatInteger(boxes)}`,
};

/** The shape of this check's catalogue in every language: the compiler checks the Chinese one against it. */
export type CustodyMessages = typeof en;

const ZH = "zh-CN";
const { date, integer, boxes } = formattersIn(ZH);

function shipmentOutcome(shipment: ShipmentInfo): string {
  const on = (at: number | null) => (at === null ? "" : `于 ${date(at)} `);
  if (shipment.status === "accepted") return `，已${on(shipment.settledAt)}签收`;
  if (shipment.status === "rejected")
    return `，已${on(shipment.settledAt)}拒收${reasonSuffixZh(shipment.note)}`;
  return "，等待签收";
}

const zhCN: CustodyMessages = {
  noBatch: () => ({
    title: "没有可追溯的批次",
    detail: "流通记录按批次登记，而此码没有标明已登记的批号。",
  }),
  neverShipped: (maker) => ({
    title: "生产企业从未发货",
    detail: `${maker}尚未放行该批次，也从未发货：店里的这些包装盒不是经持证渠道流通来的。`,
  }),
  unlicensedHolder: (problems, held) => ({
    title: "该批次的持有方缺少有效资质",
    detail: `${problems.join("")}${held}`,
  }),
  holderWithoutFiling: (holder, count) =>
    `${holder}持有 ${boxes(count)}，但没有有效的第二类医疗器械经营备案。`,
  holderSuspended: (holder, count, at) => `${holder}持有 ${boxes(count)}，已于 ${date(at)} 被监管部门暂停。`,
  withMaker: (maker, held) => ({
    title: "尚未发货：全部包装盒都在生产企业",
    detail: `${maker}已放行该批次，但还没有发出任何货物。${held}`,
  }),
  traced: (routes, shipments, held) => ({
    title:
      routes.length <= 1
        ? (routes[0] ?? "经持证渠道流通")
        : `${routes[0]}，另有 ${integer(routes.length - 1)} 条流通路线`,
    detail: `${shipments.join("；")}。${held}`,
  }),
  makerHop: () => "生产企业",
  shipment: (from, to, shipment) =>
    `${from}于 ${date(shipment.shippedAt)} 向${to}发货 ${boxes(shipment.boxes)}${shipmentOutcome(shipment)}`,
  held: (holdings) =>
    holdings.length === 0 ? "目前没有人持有该批次的包装盒。" : `目前持有：${holdings.join("、")}。`,
  holding: (holder, count) => `${holder} ${integer(count)} 盒`,
};

export const custodyMessages: Record<Locale, CustodyMessages> = { en, "zh-CN": zhCN };
