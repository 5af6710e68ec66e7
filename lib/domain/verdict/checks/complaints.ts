// The complaints check: what complaints about the batch say. Upheld ones, enough of them to put the batch
// under investigation, and open ones the rule gives weight (../../complaint-weight.ts) are a caution; an
// open complaint no one has examined yet is shown for information only. Its sentences are in
// complaints.messages.ts; registry.ts lists it.
import type { ComplaintInfo } from "../../record";
import { boxesComplainedAbout, undecidedComplaints } from "../../complaint-weight";
import { defineCheck, pass, unknown, warn } from "../check";
import { complaintsMessages } from "./complaints.messages";

export const complaints = defineCheck({
  id: "complaints",
  essential: false,
  authenticity: false,
  priority: 140,
  messages: complaintsMessages,
  run({ batch, code }, text) {
    if (batch === null) return unknown(text.noBatch());
    const { list, upheld, underInvestigation } = batch.complaints;
    const thisBox = (c: ComplaintInfo) => code.serial !== null && String(c.serial) === code.serial;
    const boxes = boxesComplainedAbout(batch);
    const upheldOnes = list.filter((c) => c.status === "upheld").map((c) => text.upheldOne(c, thisBox(c)));
    const { weighing, informational } = undecidedComplaints(batch);
    const weighed = weighing.flatMap(({ complaint, reason }) => [
      text.pendingOne(complaint, thisBox(complaint)),
      ...(reason === "several-boxes" ? [] : [text.takenUpBy(reason)]),
    ]);
    const unexamined = informational.map((c) => text.pendingOne(c, thisBox(c)));
    const pending = [...weighed, ...unexamined];
    // Even a complaint with weight is something to note about the batch, never proof that this box is bad.
    if (underInvestigation) return warn(text.underInvestigation(upheld, [...upheldOnes, ...pending]));
    if (upheldOnes.length > 0) return warn(text.upheld([...upheldOnes, ...pending]));
    if (weighing.some(({ reason }) => reason === "several-boxes"))
      return warn(text.severalBoxes(boxes, pending));
    if (weighing.length > 0) return warn(text.weighed(pending));
    if (unexamined.length > 0) return pass(text.informational(unexamined));
    if (list.length > 0) return pass(text.dismissedOnly(list.length));
    return pass(text.none());
  },
});
