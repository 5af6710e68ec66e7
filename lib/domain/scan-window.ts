// From when earlier scans of a box count toward "checked before". Lot serials are sequential, so anyone
// can scan codes of a lot before its boxes reach a shelf; if those scans counted, a buyer's own box would
// read as checked by a stranger. So a sold box counts scans since its sale, and an unsold box since its
// lot's latest accepted delivery: the chain does not say which delivery carried which box, and from the
// latest one on every box of the lot has arrived wherever it is going. A box never delivered counts all.
import type { BoxRecord } from "./record";

/** Unix seconds from which scans count, or null when all of them do. */
export function scanWindowStart(record: BoxRecord): number | null {
  const sale = record.serial?.sale;
  if (sale) return sale.soldAt;
  const receipts = (record.batch?.shipments ?? []).flatMap((s) =>
    s.status === "accepted" && s.settledAt !== null ? [s.settledAt] : [],
  );
  return receipts.length === 0 ? null : Math.max(...receipts);
}
