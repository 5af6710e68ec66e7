// The corporate credit summary on a participant's public profile: a score computed only from what the
// record holds, by a published rule, so anyone can redo the sum from the facts listed beside it.
// Severity counts: losing the licence to make masks (the demo's for falsified cleanroom data) or selling
// a confirmed counterfeit is worse than a recalled batch, which is worse than one upheld complaint, which
// is worse than a price above the cap; a price far above the cap weighs more than one just above it. Any
// mark keeps a party out of "good standing" on its own; settled orders earn back only a little.

/** The facts the score is computed from, as counted on the participant's record. */
export interface CreditRecord {
  /** Production licences (生产许可) revoked: the regulator withdrew its right to make. */
  revokedProductionLicences: number;
  /** Inspectors' confirmed findings that it sold counterfeit boxes. Not on chain yet: zero until the
   * profile read can count them. */
  counterfeitFindings: number;
  /** Other licences revoked: registration certificates, distribution filings. */
  revokedOtherLicences: number;
  /** Recalls of batches it made (manufacturers only). */
  recalls: number;
  upheldComplaints: number;
  /** Prices recorded more than GROSS_PRICE_EXCESS above the cap in force. */
  grossPriceViolations: number;
  /** Other prices recorded above the cap. */
  priceViolations: number;
  /** Suspended now, by the regulator or because its bond fell below its minimum. */
  suspended: boolean;
  /** Purchase orders it took part in that settled with the delivery accepted. */
  settledOrders: number;
}

export interface CreditRule {
  fact: keyof CreditRecord;
  /** Points per occurrence (or once, for `suspended`). */
  points: number;
  /** The most this rule can add or take away in total, or null for no limit. */
  limit: number | null;
}

export const CREDIT_START = 100;
export const CREDIT_MIN = 0;
export const CREDIT_MAX = 100;

/** A price more than this fraction above its cap is a gross violation (3.00 yuan against 1.80 is 67 %). */
export const GROSS_PRICE_EXCESS = 0.5;

/** The rule, gravest first, as the profile page publishes it (the labels are in the page's catalogues). */
export const CREDIT_RULES: readonly CreditRule[] = [
  { fact: "revokedProductionLicences", points: -70, limit: null },
  { fact: "counterfeitFindings", points: -60, limit: null },
  { fact: "suspended", points: -40, limit: null },
  { fact: "revokedOtherLicences", points: -30, limit: null },
  { fact: "recalls", points: -30, limit: null },
  { fact: "grossPriceViolations", points: -25, limit: null },
  { fact: "upheldComplaints", points: -20, limit: null },
  { fact: "priceViolations", points: -15, limit: null },
  // Orders only earn back a little: a long trading history must not wash out a revoked licence.
  { fact: "settledOrders", points: 2, limit: 10 },
];

/** Whether a recorded price is a gross violation of its cap (more than GROSS_PRICE_EXCESS above it). */
export function isGrossPriceViolation(fenPerPiece: number, capFenPerPiece: number | null): boolean {
  return (
    capFenPerPiece !== null && capFenPerPiece > 0 && fenPerPiece > capFenPerPiece * (1 + GROSS_PRICE_EXCESS)
  );
}

export type CreditGrade = "good" | "fair" | "poor" | "bad";

/** The lowest score of each grade; below the last one is "bad". */
export const CREDIT_GRADES: readonly { grade: Exclude<CreditGrade, "bad">; from: number }[] = [
  { grade: "good", from: 90 },
  { grade: "fair", from: 70 },
  { grade: "poor", from: 40 },
];

export interface CreditLine {
  rule: CreditRule;
  count: number;
  points: number;
}

export interface CreditSummary {
  score: number;
  grade: CreditGrade;
  /** One line per rule, in the order of CREDIT_RULES, with what it contributed. */
  lines: CreditLine[];
}

const countOf = (value: number | boolean) => (typeof value === "boolean" ? Number(value) : value);

function gradeOf(score: number, marked: boolean): CreditGrade {
  const grade = CREDIT_GRADES.find((band) => score >= band.from)?.grade ?? "bad";
  // Orders can lift the score, never a party with a mark on its record back into good standing.
  return grade === "good" && marked ? "fair" : grade;
}

/** Start at 100, apply each rule, keep the result between 0 and 100; grade it by CREDIT_GRADES. */
export function creditSummary(record: CreditRecord): CreditSummary {
  const lines = CREDIT_RULES.map((rule) => {
    const count = countOf(record[rule.fact]);
    const raw = count * rule.points;
    const points = rule.limit === null ? raw : Math.sign(raw) * Math.min(Math.abs(raw), rule.limit);
    return { rule, count, points };
  });
  const total = lines.reduce((sum, line) => sum + line.points, CREDIT_START);
  const score = Math.min(CREDIT_MAX, Math.max(CREDIT_MIN, total));
  const marked = lines.some((line) => line.points < 0);
  return { score, grade: gradeOf(score, marked), lines };
}
