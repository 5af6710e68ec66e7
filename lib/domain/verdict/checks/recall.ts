// The recall check: whether the regulator recalled the lot.
// Its sentences are in recall.messages.ts; registry.ts lists it.
import { isRecalled } from "../../batch-status";
import { defineCheck, fail, pass, unknown } from "../check";
import { recallMessages } from "./recall.messages";

export const recall = defineCheck({
  id: "recall",
  essential: true,
  authenticity: false,
  priority: 10,
  messages: recallMessages,
  run({ batch, now }, text) {
    if (batch === null) return unknown(text.noBatch());
    if (isRecalled(batch)) return fail(text.recalled(batch.recall.at, batch.recall.reason));
    return pass(text.none(batch.lot, now));
  },
});
