// The expiry check: whether the lot is past, or near, its expiry date.
// Its sentences are in expiry.messages.ts; registry.ts lists it.
import { DAY, daysBetween, startOfDay } from "../../time";
import { defineCheck, fail, pass, unknown, warn } from "../check";
import { expiryMessages } from "./expiry.messages";

/** A box this close to its expiry date is shown with caution: a shopper may not use it all in time. */
const NEAR_EXPIRY_DAYS = 90;

/**
 * The printed expiry date is the last day of use (GS1), so a box expires when the next day begins in
 * China time, not at the first second of its expiry date.
 */
function endOfUse(expiryDate: number): number {
  return startOfDay(expiryDate) + DAY;
}

export const expiry = defineCheck({
  id: "expiry",
  essential: true,
  authenticity: false,
  priority: 60,
  messages: expiryMessages,
  run({ batch, now }, text) {
    if (batch === null) return unknown(text.noBatch());
    const usableUntil = endOfUse(batch.expiryDate);
    if (now >= usableUntil) return fail(text.expired(batch.expiryDate, batch.lot));
    if (usableUntil - now <= NEAR_EXPIRY_DAYS * DAY) {
      return warn(text.soon(batch.expiryDate, daysBetween(startOfDay(now), startOfDay(batch.expiryDate))));
    }
    return pass(text.fine(batch.expiryDate, batch.productionDate));
  },
});
