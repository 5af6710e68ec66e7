// The code check: whether the scanned code identifies one box, and whether its printed dates match its lot's record.
// Its sentences are in code.messages.ts; registry.ts lists it.
import { formatDate } from "../../format";
import { defineCheck, fail, pass, warn } from "../check";
import { codeMessages } from "./code.messages";

export const code = defineCheck({
  id: "code",
  essential: false,
  authenticity: true,
  priority: 50,
  messages: codeMessages,
  run({ code, batch }, text) {
    // A date that differs from the lot's is a relabelled box, whatever else the code says.
    if (batch !== null) {
      const recordedExpiry = formatDate(batch.expiryDate);
      if (code.expiry !== null && code.expiry !== recordedExpiry) {
        return fail(text.expiryMismatch(code.expiry, recordedExpiry, batch.lot));
      }
      const recordedProduction = formatDate(batch.productionDate);
      if (code.productionDate !== null && code.productionDate !== recordedProduction) {
        return fail(text.productionMismatch(code.productionDate, recordedProduction, batch.lot));
      }
    }
    if (code.lot === null) return warn(text.bareGtin(code.gtin));
    if (code.serial === null) return warn(text.noSerial(code.gtin, code.lot));
    return pass(text.complete({ gtin: code.gtin, lot: code.lot, serial: code.serial }, code.expiry));
  },
});
