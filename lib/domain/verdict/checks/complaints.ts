// The complaints check: what complaints about the batch say: upheld, open, or enough to put it under investigation.
// Its sentences are in complaints.messages.ts; registry.ts lists it.
import type { ComplaintInfo } from "../../record";
import { defineCheck, pass, unknown, warn } from "../check";
import { complaintsMessages } from "./complaints.messages";

export const complaints = defineCheck({
  id: "complaints",
  essential: false,
  priority: 140,
  messages: complaintsMessages,
  run({ batch, code }, text) {
    if (batch === null) return unknown(text.noBatch());
    const { list, upheld, underInvestigation } = batch.complaints;
    const thisBox = (c: ComplaintInfo) => code.serial !== null && String(c.serial) === code.serial;
    const upheldOnes = list.filter((c) => c.status === "upheld").map((c) => text.upheldOne(c, thisBox(c)));
    const pending = list
      .filter((c) => c.status === "open" || c.status === "answered")
      .map((c) => text.pendingOne(c, thisBox(c)));
    // An upheld complaint or an open one is something to note, never proof that this box is bad.
    if (underInvestigation) return warn(text.underInvestigation(upheld, [...upheldOnes, ...pending]));
    if (upheldOnes.length > 0) return warn(text.upheld([...upheldOnes, ...pending]));
    if (pending.length > 0) return warn(text.pending(pending));
    if (list.length > 0) return pass(text.dismissedOnly(list.length));
    return pass(text.none());
  },
});
