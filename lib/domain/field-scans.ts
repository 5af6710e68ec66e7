// Boxes scanned one after another in the field: an inspector's shelf check (suspect ones first) and a
// pharmacy's receiving desk, whose tally is counted against the shipment it expects.
import type { VerdictLevel } from "./verdict";

export interface ScannedBox {
  /** GTIN/lot/serial: the same box scanned twice has the same key. */
  key: string;
  gtin: string;
  lot: string | null;
  /** Null while the verdict is being fetched or when it could not be had. */
  verdict: VerdictLevel | null;
}

export function boxKey(code: { gtin: string; lot: string | null; serial: string | null }): string {
  return `${code.gtin}/${code.lot ?? ""}/${code.serial ?? ""}`;
}

const RANK: Record<VerdictLevel, number> = { suspect: 0, not_found: 1, caution: 2, genuine: 3 };
/** Boxes still being checked go last: they have nothing to say yet. */
const CHECKING_RANK = 4;

/** Suspect boxes first, then not on the record, caution, genuine; otherwise in the order given. */
export function suspectFirst<T extends { verdict: VerdictLevel | null }>(boxes: readonly T[]): T[] {
  return boxes
    .map((box, index) => ({ box, index }))
    .sort(
      (a, b) =>
        (a.box.verdict === null ? CHECKING_RANK : RANK[a.box.verdict]) -
          (b.box.verdict === null ? CHECKING_RANK : RANK[b.box.verdict]) || a.index - b.index,
    )
    .map(({ box }) => box);
}

/** A received box counts as verified when the record vouches for it and it belongs to the shipment. */
export function isVerifiedFor(box: ScannedBox, batch: { gtin: string; lot: string }): boolean {
  return (
    (box.verdict === "genuine" || box.verdict === "caution") &&
    box.gtin === batch.gtin &&
    box.lot === batch.lot
  );
}

export function isOtherBatch(box: ScannedBox, batch: { gtin: string; lot: string }): boolean {
  return box.gtin !== batch.gtin || box.lot !== batch.lot;
}

export interface ReceiptTally {
  expected: number;
  verified: number;
  /** Boxes the record does not vouch for, or from another batch than the shipment's. */
  suspect: number;
  /** Scans of a box already scanned. */
  duplicates: number;
  /** Boxes whose verdict has not come back yet. */
  checking: number;
  /** Expected boxes not yet verified. */
  missing: number;
}

/** The receiving desk's count: distinct boxes against the shipment's, plus repeated scans. */
export function tallyReceipt(
  boxes: readonly ScannedBox[],
  duplicates: number,
  shipment: { gtin: string; lot: string; boxes: number },
): ReceiptTally {
  const checking = boxes.filter((b) => b.verdict === null && !isOtherBatch(b, shipment)).length;
  const verified = boxes.filter((b) => isVerifiedFor(b, shipment)).length;
  return {
    expected: shipment.boxes,
    verified,
    suspect: boxes.length - verified - checking,
    duplicates,
    checking,
    missing: Math.max(0, shipment.boxes - verified),
  };
}

/** What a desk does with a box before it sends anything about it: stop and ask, show a note, or go on. */
export type DeskGate = "stop" | "note" | "go";

/**
 * A box the record does not vouch for — Suspect, not on the record, or no verdict at all — stops a sale
 * or a receipt until the person at the desk decides; Caution is shown with its reason and goes on.
 */
export function deskGate(verdict: VerdictLevel | null): DeskGate {
  if (verdict === "genuine") return "go";
  if (verdict === "caution") return "note";
  return "stop";
}
