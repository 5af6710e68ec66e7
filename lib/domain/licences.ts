// When a licence counts: the rules the verdict's licence check, the timeline's revocations and the
// field desks all apply, kept in one place so they can never disagree about a date.
import type { LicenceInfo } from "./record";

/** Valid on `at`: within its dates and not yet revoked (revocation takes effect at `revokedAt`). */
export function isLicenceValidAt(
  licence: Pick<LicenceInfo, "validFrom" | "validUntil" | "revokedAt">,
  at: number,
): boolean {
  return (
    licence.validFrom <= at &&
    at <= licence.validUntil &&
    (licence.revokedAt === null || at < licence.revokedAt)
  );
}

/** A licence with no categories listed covers every kind of mask; one with a list, only those. */
export function coversCategory(
  licence: Pick<LicenceInfo, "categories">,
  category: LicenceInfo["categories"][number],
): boolean {
  return licence.categories.length === 0 || licence.categories.includes(category);
}

/** When the licence was revoked, if that revocation is in force at `at`; null when it is not (yet). */
export function revocationInForce(licence: Pick<LicenceInfo, "revokedAt">, at: number): number | null {
  return licence.revokedAt !== null && licence.revokedAt <= at ? licence.revokedAt : null;
}
