// Mask categories, test metrics and the standards' limits as data. The contracts hold the same rule sets
// on chain (added at deployment from this file); the app uses it for labels and units.

export const CATEGORIES = {
  1: { key: "surgical", name: "Medical surgical mask", nameZh: "医用外科口罩", standard: "YY 0469" },
  2: { key: "protective", name: "Medical protective mask", nameZh: "医用防护口罩", standard: "GB 19083" },
  3: {
    key: "disposable",
    name: "Disposable medical mask",
    nameZh: "一次性使用医用口罩",
    standard: "YY/T 0969",
  },
  4: { key: "kn95", name: "KN95 respirator", nameZh: "KN95 防护口罩", standard: "GB 2626" },
} as const;

export type CategoryId = keyof typeof CATEGORIES;

export function isCategoryId(value: number): value is CategoryId {
  return value in CATEGORIES;
}

/** Metric ids and their fixed-point scale, as in ITestRegistry. `higherIsBetter` reads the limit as a minimum. */
export const METRICS = {
  1: { key: "bfe", label: "Bacterial filtration efficiency (BFE)", unit: "%", scale: 100 },
  2: { key: "pfe", label: "Particle filtration efficiency (PFE)", unit: "%", scale: 100 },
  3: { key: "deltaP", label: "Differential pressure (Δp)", unit: "Pa", scale: 10 },
  4: { key: "blood", label: "Synthetic blood penetration", unit: "mmHg", scale: 1 },
  5: { key: "flame", label: "Flame after-burn time", unit: "s", scale: 10 },
  6: { key: "bacteria", label: "Bacterial colonies", unit: "CFU/g", scale: 1 },
  7: { key: "eo", label: "Ethylene oxide residue", unit: "µg/g", scale: 10 },
  8: { key: "filtration", label: "Filtration efficiency (non-oily particles)", unit: "%", scale: 100 },
  9: { key: "inhalation", label: "Inhalation resistance", unit: "Pa", scale: 10 },
  10: { key: "exhalation", label: "Exhalation resistance", unit: "Pa", scale: 10 },
} as const;

export type MetricId = keyof typeof METRICS;

export interface MetricRule {
  metric: MetricId;
  /** Inclusive bounds in the metric's fixed-point units; null for an open side. */
  min: number | null;
  max: number | null;
}

export interface RuleSetSpec {
  category: CategoryId;
  standard: string;
  /** ISO date the standard takes effect. */
  effectiveFrom: string;
  rules: MetricRule[];
}

const atLeast = (metric: MetricId, min: number): MetricRule => ({ metric, min, max: null });
const atMost = (metric: MetricId, max: number): MetricRule => ({ metric, min: null, max });

const SURGICAL_RULES: MetricRule[] = [
  atLeast(1, 9500), // BFE ≥ 95 %
  atLeast(2, 3000), // PFE ≥ 30 %
  atMost(3, 490), // Δp ≤ 49 Pa
  atLeast(4, 120), // no penetration at 120 mmHg
  atMost(5, 50), // after-burn ≤ 5 s
  atMost(6, 100), // ≤ 100 CFU/g
  atMost(7, 100), // EO residue ≤ 10 µg/g
];

/** The rule sets added at deployment. Versioned data: a new standard version is a new entry with its date. */
export const RULE_SETS: RuleSetSpec[] = [
  { category: 1, standard: "YY 0469-2011", effectiveFrom: "2013-06-01", rules: SURGICAL_RULES },
  // YY 0469-2023 takes effect on 2026-12-01. Its limits for these metrics are carried over from the 2011
  // edition here; update this entry when the regulator publishes the figures to enforce.
  { category: 1, standard: "YY 0469-2023", effectiveFrom: "2026-12-01", rules: SURGICAL_RULES },
  {
    category: 2,
    standard: "GB 19083-2010",
    effectiveFrom: "2011-08-01",
    rules: [atLeast(8, 9500), atMost(9, 3432), atLeast(4, 80), atMost(6, 200), atMost(7, 100)],
  },
  {
    category: 3,
    standard: "YY/T 0969-2013",
    effectiveFrom: "2014-10-01",
    rules: [atLeast(1, 9500), atMost(3, 490), atMost(6, 100), atMost(7, 100)],
  },
  {
    category: 4,
    standard: "GB 2626-2019",
    effectiveFrom: "2020-07-01",
    rules: [atLeast(8, 9500), atMost(9, 2100), atMost(10, 1500)],
  },
];

/** Default per-category rules (the regulator may change them on chain). */
export const CATEGORY_RULE_DEFAULTS = {
  1: { minHoldDays: 14, typicalMasksPerKg: 1110, maxMasksPerKg: 1300 },
  2: { minHoldDays: 14, typicalMasksPerKg: 330, maxMasksPerKg: 400 },
  3: { minHoldDays: 14, typicalMasksPerKg: 1110, maxMasksPerKg: 1300 },
  4: { minHoldDays: 14, typicalMasksPerKg: 330, maxMasksPerKg: 400 },
} as const satisfies Record<
  CategoryId,
  { minHoldDays: number; typicalMasksPerKg: number; maxMasksPerKg: number }
>;

/** A fixed-point metric value as a human number, e.g. (1, 9860) → 98.6. */
export function metricValue(metric: MetricId, fixed: number): number {
  return fixed / METRICS[metric].scale;
}
