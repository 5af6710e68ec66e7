// Which price cap applies: the verdict's price check and the verify reply's price panel both show the
// cap in force where and when the box was scanned.
import type { PriceCapInfo } from "./record";

/**
 * The cap in force at `now` for the category, channel and region: the latest one effective by then.
 * A district without its own cap (320508) falls back to its city's (320500), then its province's
 * (320000), because that is where the region's caps are set.
 */
export function capInForce(
  caps: readonly PriceCapInfo[],
  category: number,
  channel: PriceCapInfo["channel"],
  region: number,
  now: number,
): PriceCapInfo | null {
  const regions = [region, Math.floor(region / 100) * 100, Math.floor(region / 10_000) * 10_000];
  for (const candidate of regions) {
    let best: PriceCapInfo | null = null;
    for (const cap of caps) {
      if (cap.category !== category || cap.channel !== channel || cap.region !== candidate) continue;
      if (cap.effectiveFrom > now) continue;
      if (best === null || cap.effectiveFrom >= best.effectiveFrom) best = cap;
    }
    if (best !== null) return best;
  }
  return null;
}

/** A cap per piece as a shopper compares it with what a box cost. */
export interface BoxCap {
  fenPerPiece: number;
  masksPerBox: number;
  fenPerBox: number;
}

/**
 * The cap for a whole box: caps are set per piece, but a shopper pays per box, so a form that asks the
 * price of the box shows both. Null without a cap or without a box size.
 */
export function capPerBox(cap: PriceCapInfo | null, masksPerBox: number): BoxCap | null {
  if (cap === null || !(masksPerBox > 0)) return null;
  return { fenPerPiece: cap.fenPerPiece, masksPerBox, fenPerBox: cap.fenPerPiece * masksPerBox };
}
