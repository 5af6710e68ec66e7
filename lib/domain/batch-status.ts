// Where a batch stands: attested, held after sterilisation, released (on time or early), recalled. The
// verdict judges these facts, the timeline and the EPCIS document tell them; all three ask here, so a
// batch the verdict calls released early is the batch the timeline marks early.
import type { AttestationInfo, BatchInfo, ProductInfo, SterilisationInfo } from "./record";
import { DAY, daysBetween } from "./time";

/** The regulator's default EO hold, used only when the record lacks the category's own rule. */
const DEFAULT_MIN_HOLD_DAYS = 14;

/** The workshop's attestation was in force on `at` (the production date), both ends included. */
export function attestationCovers(
  attestation: Pick<AttestationInfo, "validFrom" | "validUntil">,
  at: number,
): boolean {
  return attestation.validFrom <= at && at <= attestation.validUntil;
}

/** The regulator's minimum EO hold for the product's category. */
export function minHoldDaysOf(product: ProductInfo | null): number {
  const days = product?.rules.minHoldDays;
  return days !== undefined && Number.isFinite(days) && days >= 0 ? days : DEFAULT_MIN_HOLD_DAYS;
}

/** When the hold after sterilisation ends and the batch may be released. */
export function holdEndsAt(sterilisation: SterilisationInfo, minHoldDays: number): number {
  return sterilisation.endedAt + minHoldDays * DAY;
}

/** Whole days between the end of sterilisation and release. */
export function heldDays(sterilisation: SterilisationInfo, releasedAt: number): number {
  return daysBetween(sterilisation.endedAt, releasedAt);
}

export function isReleased(batch: BatchInfo): batch is BatchInfo & { releasedAt: number } {
  return batch.releasedAt !== null;
}

/** Released before the gas could clear: before the hold after sterilisation ended. */
export function isReleasedEarly(
  releasedAt: number,
  sterilisation: SterilisationInfo,
  minHoldDays: number,
): boolean {
  return releasedAt < holdEndsAt(sterilisation, minHoldDays);
}

export function isRecalled(
  batch: BatchInfo,
): batch is BatchInfo & { recall: NonNullable<BatchInfo["recall"]> } {
  return batch.recall !== null;
}
