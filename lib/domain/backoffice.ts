// The back office's rules, as the contracts apply them, so a form can show them while a person types and
// the server can refuse bad input before a transaction: the mass balance of the meltblown a batch
// consumes, its yield against the category's ceiling, a lab metric against its rule, a cleanroom reading
// against the class-100,000 limits, and when a batch may be released. Pure: numbers in, answers out.
import { DAY } from "./time";
import { isWithinLimits } from "./format";

/** Grams of one meltblown lot a batch asks for, against what is left of it. */
export interface MaterialDraw {
  lotId: number;
  requestedGrams: number;
  remainingGrams: number;
}

export interface MassBalance {
  requestedGrams: number;
  availableGrams: number;
  /** Lots asked for more than they have left (the contract refuses with LotMassExceeded). */
  overdrawn: number[];
}

export function massBalance(draws: readonly MaterialDraw[]): MassBalance {
  return {
    requestedGrams: draws.reduce((sum, d) => sum + d.requestedGrams, 0),
    availableGrams: draws.reduce((sum, d) => sum + d.remainingGrams, 0),
    overdrawn: draws.filter((d) => d.requestedGrams > d.remainingGrams).map((d) => d.lotId),
  };
}

/** Masks per kilogram of meltblown, rounded up as the contract's Yield library does; null without material. */
export function masksPerKg(masks: number, grams: number): number | null {
  if (grams <= 0) return null;
  return Math.ceil((masks * 1000) / grams);
}

/** Compared exactly (masks × 1000 ≤ ceiling × grams), as the contract does, so no rounding lets a batch through. */
export function yieldWithinCeiling(masks: number, grams: number, ceilingPerKg: number): boolean {
  return masks * 1000 <= ceilingPerKg * grams;
}

/** Boxes for `masks` at `masksPerBox` (the last box may be partly filled). */
export function boxesFor(masks: number, masksPerBox: number): number {
  return masksPerBox > 0 ? Math.ceil(masks / masksPerBox) : 0;
}

/** A lab value, in the metric's fixed-point units, against its rule: inclusive bounds, null for an open side. */
export function metricPasses(fixed: number, rule: { min: number | null; max: number | null }): boolean {
  return isWithinLimits(fixed, rule.min, rule.max);
}

/** A value a person typed ("98.6") in the metric's fixed-point units (scale 100 → 9860); null if not a number. */
export function toFixedPoint(typed: string, scale: number): number | null {
  const text = typed.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Math.round(Number(text) * scale);
}

/** Class 100,000 (ISO 8) cleanroom limits, as MaterialRegistry checks an attestation. */
export const WORKSHOP_LIMITS = {
  particles05: { max: 3_500_000 },
  particles5: { max: 20_000 },
  airborneCfu: { max: 500 },
  settlingCfu: { max: 10 },
  temperatureC: { min: 18, max: 28 },
  humidityPct: { min: 45, max: 65 },
  /** Strictly above. */
  pressurePa: { above: 10 },
} as const;

export type WorkshopReading = keyof typeof WORKSHOP_LIMITS;

export interface WorkshopReadings {
  particles05: number;
  particles5: number;
  airborneCfu: number;
  settlingCfu: number;
  temperatureC: number;
  humidityPct: number;
  pressurePa: number;
}

/** Whether one reading is within its limit (the contract compares the same fixed-point values). */
export function workshopReadingPasses(reading: WorkshopReading, value: number): boolean {
  switch (reading) {
    case "temperatureC":
    case "humidityPct": {
      const { min, max } = WORKSHOP_LIMITS[reading];
      const deci = Math.round(value * 10);
      return deci >= min * 10 && deci <= max * 10;
    }
    case "pressurePa":
      return Math.round(value * 10) > WORKSHOP_LIMITS.pressurePa.above * 10;
    default:
      return value <= WORKSHOP_LIMITS[reading].max;
  }
}

/** The readings outside their limits, in the form's order. */
export function workshopFailures(readings: WorkshopReadings): WorkshopReading[] {
  return (Object.keys(WORKSHOP_LIMITS) as WorkshopReading[]).filter(
    (reading) => !workshopReadingPasses(reading, readings[reading]),
  );
}

export interface ReleaseFacts {
  /** End of sterilisation (unix seconds), null when not recorded. */
  sterilisedAt: number | null;
  minHoldDays: number;
  testsPassed: boolean;
  releasedAt: number | null;
  recalledAt: number | null;
  now: number;
}

export type ReleaseBlocker = "released" | "recalled" | "not-sterilised" | "tests-not-passed" | "hold";

export interface ReleaseReadiness {
  /** Whole days since sterilisation ended; null before it is recorded. */
  daysHeld: number | null;
  /** When the hold ends; null before sterilisation is recorded. */
  earliestRelease: number | null;
  /** What stops a release now, in the order the contract checks; empty when it may be released. */
  blockers: ReleaseBlocker[];
}

/** When a batch may be released, as BatchRegistry.release decides it. */
export function releaseReadiness(facts: ReleaseFacts): ReleaseReadiness {
  const blockers: ReleaseBlocker[] = [];
  if (facts.releasedAt !== null) blockers.push("released");
  if (facts.recalledAt !== null) blockers.push("recalled");
  const earliestRelease = facts.sterilisedAt === null ? null : facts.sterilisedAt + facts.minHoldDays * DAY;
  if (facts.sterilisedAt === null) blockers.push("not-sterilised");
  if (!facts.testsPassed) blockers.push("tests-not-passed");
  if (earliestRelease !== null && facts.now < earliestRelease) blockers.push("hold");
  return {
    daysHeld:
      facts.sterilisedAt === null ? null : Math.max(0, Math.floor((facts.now - facts.sterilisedAt) / DAY)),
    earliestRelease,
    blockers,
  };
}
