// The corporate credit summary on a participant's public profile: a score computed only from what the
// record holds, by a published rule, so anyone can redo the sum from the facts listed beside it.
import type { Locale } from "./locale";

/** The facts the score is computed from, as counted on the participant's record. */
export interface CreditRecord {
  revokedLicences: number;
  upheldComplaints: number;
  priceViolations: number;
  /** Recalls of batches it made (manufacturers only). */
  recalls: number;
  /** Suspended now, by the regulator or because its bond fell below its minimum. */
  suspended: boolean;
  /** Purchase orders it took part in that settled with the delivery accepted. */
  settledOrders: number;
}

export interface CreditRule {
  fact: keyof CreditRecord;
  /** What the rule counts, as the page shows it. */
  label: string;
  /** Points per occurrence (or once, for `suspended`). */
  points: number;
  /** The most this rule can add or take away in total, or null for no limit. */
  limit: number | null;
}

export const CREDIT_START = 100;
export const CREDIT_MIN = 0;
export const CREDIT_MAX = 100;

export const CREDIT_RULES: readonly CreditRule[] = [
  { fact: "revokedLicences", label: "per revoked licence", points: -30, limit: null },
  { fact: "upheldComplaints", label: "per upheld complaint against it", points: -20, limit: null },
  { fact: "priceViolations", label: "per price above the cap recorded", points: -10, limit: null },
  { fact: "recalls", label: "per recalled batch it made", points: -15, limit: null },
  { fact: "suspended", label: "while suspended", points: -40, limit: null },
  // Orders only earn back a little: a long trading history must not wash out a revoked licence.
  { fact: "settledOrders", label: "per order settled with the delivery accepted", points: 2, limit: 10 },
];

/** What each rule counts, in Chinese (CREDIT_RULES carries the English label). */
const RULE_LABELS_ZH: Record<keyof CreditRecord, string> = {
  revokedLicences: "每吊销一张许可证",
  upheldComplaints: "每有一件针对它的投诉成立",
  priceViolations: "每记录一次售价超过限价",
  recalls: "每有一个它生产的批次被召回",
  suspended: "暂停期间",
  settledOrders: "每完成一笔签收结算的订单",
};

/** The rule's label as the page shows it, in `locale`. */
export function creditRuleLabel(rule: CreditRule, locale: Locale = "en"): string {
  return locale === "en" ? rule.label : RULE_LABELS_ZH[rule.fact];
}

export type CreditGrade = "good" | "fair" | "poor" | "bad";

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

function gradeOf(score: number): CreditGrade {
  if (score >= 90) return "good";
  if (score >= 70) return "fair";
  if (score >= 40) return "poor";
  return "bad";
}

/** Start at 100, apply each rule, keep the result between 0 and 100. */
export function creditSummary(record: CreditRecord): CreditSummary {
  const lines = CREDIT_RULES.map((rule) => {
    const count = countOf(record[rule.fact]);
    const raw = count * rule.points;
    const points = rule.limit === null ? raw : Math.sign(raw) * Math.min(Math.abs(raw), rule.limit);
    return { rule, count, points };
  });
  const total = lines.reduce((sum, line) => sum + line.points, CREDIT_START);
  const score = Math.min(CREDIT_MAX, Math.max(CREDIT_MIN, total));
  return { score, grade: gradeOf(score), lines };
}
