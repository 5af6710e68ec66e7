// The complaints check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; complaints.ts decides the status.
import type { ComplaintInfo } from "../../record";
import type { Outcome, Sentence } from "../check";
import type { Locale } from "../../locale";
import { SEVERAL_BOXES, type TakenUpBy } from "../../complaint-weight";
import { formatCount, formatDate, formattersIn, formatYuan } from "../../format";

/** The rule of ../../complaint-weight.ts as a shopper reads it; every complaint outcome that is not final says it. */
const RULE_EN =
  "An open complaint is one buyer's word: it counts as a caution once a laboratory or an inspector takes it " +
  `up, once complaints about ${SEVERAL_BOXES} different boxes of the batch stand, or once it is upheld.`;

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
  weighed: (details: Sentence[]): Outcome => ({
    title: "A complaint about this batch has been taken up",
    detail: `${details.join(" ")} It has not been ruled on yet. ${RULE_EN}`,
  }),
  severalBoxes: (boxes: number, details: Sentence[]): Outcome => ({
    title: `Complaints about ${boxes} boxes of this batch are open`,
    detail: `${details.join(" ")} None has been ruled on yet. ${RULE_EN}`,
  }),
  informational: (details: Sentence[]): Outcome => ({
    title:
      details.length === 1
        ? "An open complaint, not examined yet"
        : `${details.length} open complaints, not examined yet`,
    detail:
      `${details.join(" ")} No inspector or laboratory has taken ${details.length === 1 ? "it" : "them"} up ` +
      `yet: shown for information, not as a caution about this box. ${RULE_EN}`,
  }),
  takenUpBy: (by: TakenUpBy): Sentence =>
    ({
      retest: "A laboratory has retested the batch since it was filed.",
      inspector: "An inspector has since recorded a price above the cap at that seller.",
    })[by],
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

const RULE_ZH =
  "一件未裁定的投诉只是一位购买者的说法：经检验机构或检查人员受理、该批次已有 " +
  `${integer(SEVERAL_BOXES)} 盒不同的口罩被投诉且未被驳回，或投诉成立时，才作为警示。`;

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
  weighed: (details) => ({
    title: "关于该批次的一件投诉已有人受理",
    detail: `${details.join("")}该投诉尚未裁定。${RULE_ZH}`,
  }),
  severalBoxes: (boxes, details) => ({
    title: `该批次有 ${integer(boxes)} 盒被投诉，尚未裁定`,
    detail: `${details.join("")}这些投诉均尚未裁定。${RULE_ZH}`,
  }),
  informational: (details) => ({
    title: details.length === 1 ? "有一件投诉尚未经核查" : `有 ${integer(details.length)} 件投诉尚未经核查`,
    detail: `${details.join("")}尚无检查人员或检验机构受理，因此仅作信息提示，不作为对这一盒的警示。${RULE_ZH}`,
  }),
  takenUpBy: (by) =>
    ({
      retest: "投诉提出后，检验机构已对该批次复检。",
      inspector: "投诉提出后，检查人员已在该销售者处记录到超过限价的售价。",
    })[by],
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
