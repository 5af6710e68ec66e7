// The release check: whether the maker released the batch, and only after the hold that lets the sterilising gas clear.
// Its sentences are in release.messages.ts; registry.ts lists it.
import { heldDays, holdEndsAt, isReleased, isReleasedEarly, minHoldDaysOf } from "../../batch-status";
import { defineCheck, fail, pass, unknown } from "../check";
import { releaseMessages } from "./release.messages";

export const release = defineCheck({
  id: "release",
  essential: true,
  authenticity: false,
  priority: 70,
  messages: releaseMessages,
  run({ batch, product, now }, text) {
    if (batch === null) return unknown(text.noBatch());
    const minHoldDays = minHoldDaysOf(product);
    const sterilisation = batch.sterilisation;
    if (!isReleased(batch)) {
      if (sterilisation === null) return fail(text.notSterilised());
      const holdEnds = holdEndsAt(sterilisation, minHoldDays);
      return holdEnds > now
        ? fail(text.inHold(sterilisation, holdEnds, minHoldDays))
        : fail(text.holdOver(sterilisation, holdEnds, minHoldDays));
    }
    if (sterilisation === null) return pass(text.releasedWithoutSterilisation(batch.releasedAt));
    const held = heldDays(sterilisation, batch.releasedAt);
    if (isReleasedEarly(batch.releasedAt, sterilisation, minHoldDays)) {
      return fail(text.early(batch.releasedAt, sterilisation, held, minHoldDays));
    }
    return pass(text.afterHold(batch.releasedAt, sterilisation, held, minHoldDays));
  },
});
