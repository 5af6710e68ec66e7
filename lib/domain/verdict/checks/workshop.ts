// The workshop check: whether the clean workshop's attestation covered the production date.
// Its sentences are in workshop.messages.ts; registry.ts lists it.
import { attestationCovers } from "../../batch-status";
import { defineCheck, fail, pass, unknown } from "../check";
import { workshopMessages } from "./workshop.messages";

export const workshop = defineCheck({
  id: "workshop",
  essential: false,
  authenticity: false,
  priority: 100,
  messages: workshopMessages,
  run({ batch, nameOf }, text) {
    if (batch === null) return unknown(text.noBatch());
    const attestation = batch.attestation;
    if (attestation === null) return unknown(text.none());
    const producedAt = batch.productionDate;
    if (!attestationCovers(attestation, producedAt)) {
      return fail(
        text.notCovering(attestation.workshopName, attestation.validFrom, attestation.validUntil, producedAt),
      );
    }
    return pass(text.attested(attestation, nameOf(attestation.auditor), producedAt));
  },
});
