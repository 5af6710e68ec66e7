// The complaints check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; complaints.ts decides the status.
import type { ComplaintInfo } from "../../record";
import type { Outcome, Sentence } from "../check";
import type { Locale } from "../../locale";
import { formatCount, formatDate, formattersIn, formatYuan } from "../../format";

const en = {
  noBatch: (): Outcome => ({
    title: "No complaint record",
    detail: "Complaints are recorded per batch, and this box's batch is not on the record.",
  }),
  none: (): Outcome => ({
    title: "No complaints",
    detail: "No one has filed a complaint about this batch.",
  }),
  dismissedOnly: (dismissed: number): Outcome => ({
    title: "No upheld complaints",
    detail: `${formatCount(dismissed, "complaint", "complaints")} about this batch ${dismissed === 1 ? "was" : "were"} dismissed.`,
  }),
  underInvestigation: (upheld: number, details: Sentence[]): Outcome => ({
    title: "This batch is under investigation",
    detail:
      `${formatCount(upheld, "complaint", "complaints")} about this batch ${upheld === 1 ? "was" : "were"} upheld, enough ` +
      `for the regulator to investigate it. ${details.join(" ")}`,
  }),
  upheld: (details: Sentence[]): Outcome => ({
    title: "A complaint about this batch was upheld",
    detail: details.join(" "),
  }),
  pending: (details: Sentence[]): Outcome => ({
    title: "A complaint about this batch is open",
    detail: `${details.join(" ")} It has not been ruled on yet; until then it says nothing for certain.`,
  }),
  kind: (kind: ComplaintInfo["kind"]): Sentence =>
    ({
      "spec-failure": "masks that fail their standard",
      counterfeit: "a counterfeit sold under this code",
      "price-above-cap": "a price above the cap",
    })[kind],
  upheldOne: (c: ComplaintInfo, thisBox: boolean): Sentence =>
    `A complaint about ${en.kind(c.kind)}${thisBox ? " (this very box)" : ""}, filed on ` +
    `${formatDate(c.filedAt)}, was upheld on ${formatDate(c.ruledAt ?? c.filedAt)} ` +
    `${c.byRetest ? "by a laboratory retest" : "by an inspector"}` +
    `${c.tracedToLot ? ", traced to the meltblown lot" : ""}: ${c.respondent.name} paid ` +
    `${formatYuan(c.compensationFen)} to the buyer and a ${formatYuan(c.fineFen)} fine from its bond.` +
    (c.shortfallFen > 0 ? ` ${formatYuan(c.shortfallFen)} of it could not be paid from the bond.` : ""),
  pendingOne: (c: ComplaintInfo, thisBox: boolean): Sentence =>
    `A complaint about ${en.kind(c.kind)}${thisBox ? " (this very box)" : ""} was filed on ` +
    `${formatDate(c.filedAt)} against ${c.respondent.name}` +
    (c.status === "answered"
      ? ", which has answered; an inspector will rule."
      : `, which may answer until ${formatDate(c.answerDeadline)}.`),
};

/** The shape of this check's catalogue in every language: the compiler checks the Chinese one against it. */
export type ComplaintsMessages = typeof en;

const ZH = "zh-CN";
const { date, integer, yuan } = formattersIn(ZH);

const COMPLAINT_KIND: Record<ComplaintInfo["kind"], string> = {
  "spec-failure": "口罩不符合标准",
  counterfeit: "以此码销售假冒产品",
  "price-above-cap": "售价超过限价",
};

const zhCN: ComplaintsMessages = {
  noBatch: () => ({
    title: "没有投诉记录",
    detail: "投诉按批次记录，而这一盒所属的批次不在记录中。",
  }),
  none: () => ({
    title: "没有投诉",
    detail: "没有人就该批次提出投诉。",
  }),
  dismissedOnly: (dismissed) => ({
    title: "没有成立的投诉",
    detail: `关于该批次的 ${integer(dismissed)} 件投诉均已驳回。`,
  }),
  underInvestigation: (upheld, details) => ({
    title: "该批次正在接受调查",
    detail: `关于该批次的投诉已有 ${integer(upheld)} 件成立，达到监管部门立案调查的条件。${details.join("")}`,
  }),
  upheld: (details) => ({
    title: "关于该批次的一件投诉已成立",
    detail: details.join(""),
  }),
  pending: (details) => ({
    title: "关于该批次有一件投诉尚在处理",
    detail: `${details.join("")}该投诉尚未裁定；在此之前不能据此下任何结论。`,
  }),
  kind: (kind) => COMPLAINT_KIND[kind],
  upheldOne: (c, thisBox) =>
    `${date(c.filedAt)} 提出的一件关于“${COMPLAINT_KIND[c.kind]}”的投诉${thisBox ? "（正是这一盒）" : ""}` +
    `已于 ${date(c.ruledAt ?? c.filedAt)} ${c.byRetest ? "经检验机构复检" : "经检查人员裁定"}成立` +
    `${c.tracedToLot ? "，并追溯到熔喷布批次" : ""}：${c.respondent.name}从保证金中向购买者支付赔偿 ` +
    `${yuan(c.compensationFen)}，并缴纳罚款 ${yuan(c.fineFen)}。` +
    (c.shortfallFen > 0 ? `其中 ${yuan(c.shortfallFen)} 因保证金不足未能支付。` : ""),
  pendingOne: (c, thisBox) =>
    `${date(c.filedAt)} 有人针对${c.respondent.name}提出一件关于“${COMPLAINT_KIND[c.kind]}”的投诉` +
    `${thisBox ? "（正是这一盒）" : ""}` +
    (c.status === "answered"
      ? "，对方已答复，将由检查人员裁定。"
      : `，对方可在 ${date(c.answerDeadline)} 前答复。`),
};

export const complaintsMessages: Record<Locale, ComplaintsMessages> = { en, "zh-CN": zhCN };
