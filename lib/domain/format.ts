// Plain-language formatting shared by the verdict, the timeline and the pages: money from fen, dates in
// China time, counts, masses and test values with their units. English for now: every word a shopper reads
// comes from here or from the message functions in verdict.ts and timeline.ts, so a zh-CN catalogue can
// replace them in one place.
//
// Values come from the chain and may be missing or absurd, so no formatter throws and none prints
// "NaN", "undefined" or "null": a value that cannot be shown becomes a word that says so.
import { CATEGORIES, METRICS, isCategoryId } from "./standards";
import { secondsToIsoDate, secondsToIsoMinute } from "./time";

/** What a number that cannot be shown reads as. */
export const UNKNOWN_VALUE = "unknown";
/** What a date that cannot be shown reads as. */
export const UNKNOWN_DATE = "an unknown date";

/** JavaScript dates stop at ±8.64e15 ms; beyond that toISOString throws. */
const MAX_DATE_SECONDS = 8.64e12;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 200000 → "200,000". Rounds to a whole number. */
export function formatInteger(value: number): string {
  if (!Number.isFinite(value)) return UNKNOWN_VALUE;
  const rounded = Math.round(value);
  const sign = rounded < 0 ? "-" : "";
  return sign + groupThousands(String(Math.abs(rounded)));
}

/** 98.6 → "98.6", 38 → "38", 1230.77 with 1 digit → "1,230.8": no trailing zeros, grouped thousands. */
export function formatDecimal(value: number, maxFractionDigits: number): string {
  if (!Number.isFinite(value)) return UNKNOWN_VALUE;
  const digits = Math.max(0, Math.min(20, Math.floor(maxFractionDigits)));
  const fixed = Math.abs(value).toFixed(digits);
  const [whole = "0", fraction = ""] = fixed.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  // "-0" is not a value anyone measured.
  const sign = value < 0 && (Number(whole) !== 0 || trimmed !== "") ? "-" : "";
  return sign + groupThousands(whole) + (trimmed ? `.${trimmed}` : "");
}

/** 180 fen → "1.80 yuan". Prices are always shown with two decimals, as on a price tag. */
export function formatYuan(fen: number): string {
  if (!Number.isFinite(fen)) return `${UNKNOWN_VALUE} yuan`;
  const rounded = Math.round(fen);
  const sign = rounded < 0 ? "-" : "";
  const absolute = Math.abs(rounded);
  const yuan = Math.floor(absolute / 100);
  const cents = String(absolute % 100).padStart(2, "0");
  return `${sign}${groupThousands(String(yuan))}.${cents} yuan`;
}

/** 180 fen → "1.80 yuan/piece": caps and recorded prices are per mask. */
export function formatYuanPerPiece(fen: number): string {
  return `${formatYuan(fen)}/piece`;
}

function isShowableSeconds(seconds: number): boolean {
  return Number.isFinite(seconds) && Math.abs(seconds) <= MAX_DATE_SECONDS;
}

/** Unix seconds → "2026-09-25" in China Standard Time. */
export function formatDate(seconds: number): string {
  return isShowableSeconds(seconds) ? secondsToIsoDate(seconds) : UNKNOWN_DATE;
}

/** Unix seconds → "2026-09-25 14:02" in China Standard Time. */
export function formatDateTime(seconds: number): string {
  return isShowableSeconds(seconds) ? secondsToIsoMinute(seconds) : UNKNOWN_DATE;
}

/** (1, "box", "boxes") → "1 box"; (4000, …) → "4,000 boxes". */
export function formatCount(count: number, singular: string, plural: string): string {
  return `${formatInteger(count)} ${Math.round(count) === 1 ? singular : plural}`;
}

export function formatMasks(count: number): string {
  return formatCount(count, "mask", "masks");
}

export function formatBoxes(count: number): string {
  return formatCount(count, "box", "boxes");
}

export function formatDays(count: number): string {
  return formatCount(count, "day", "days");
}

/** 1 → "once", 2 → "twice", 5 → "5 times". */
export function formatTimes(count: number): string {
  if (count === 1) return "once";
  if (count === 2) return "twice";
  return formatCount(count, "time", "times");
}

/** Grams → "190 kg", "0.5 kg": meltblown is bought and used by the kilogram. */
export function formatKg(grams: number): string {
  return `${formatDecimal(grams / 1000, 1)} kg`;
}

/** 1230.77 → "1,231 masks per kg". */
export function formatMasksPerKg(masksPerKg: number): string {
  return `${formatInteger(masksPerKg)} masks per kg`;
}

/** The names printed on test reports, short enough for a list of results. */
const METRIC_SHORT_NAMES: Record<(typeof METRICS)[keyof typeof METRICS]["key"], string> = {
  bfe: "BFE",
  pfe: "PFE",
  deltaP: "Δp",
  blood: "synthetic blood",
  flame: "after-burn",
  bacteria: "bacteria",
  eo: "EO residue",
  filtration: "filtration",
  inhalation: "inhalation resistance",
  exhalation: "exhalation resistance",
};

interface MetricDisplay {
  label: string;
  shortName: string;
  unit: string;
  scale: number;
}

/** Ids come from the chain, so an id this app does not know yet still gets a readable name. */
function metricDisplay(metric: number): MetricDisplay {
  const known = (METRICS as Record<number, (typeof METRICS)[keyof typeof METRICS] | undefined>)[metric];
  if (!known) return { label: `Metric ${metric}`, shortName: `metric ${metric}`, unit: "", scale: 1 };
  return {
    label: known.label,
    shortName: METRIC_SHORT_NAMES[known.key],
    unit: known.unit,
    scale: known.scale,
  };
}

/** Metric id → "Bacterial filtration efficiency (BFE)". */
export function metricLabel(metric: number): string {
  return metricDisplay(metric).label;
}

/** Metric id → "BFE", "EO residue": the short name used in lists of results. */
export function metricShortName(metric: number): string {
  return metricDisplay(metric).shortName;
}

function withUnit(number: string, unit: string): string {
  return unit ? `${number} ${unit}` : number;
}

/** Fixed-point metric value → "98.6 %", "38 Pa", "3.2 µg/g", using the metric's scale and unit. */
export function formatMetricValue(metric: number, fixed: number): string {
  const { scale, unit } = metricDisplay(metric);
  const fractionDigits = Math.max(0, Math.round(Math.log10(scale)));
  return withUnit(formatDecimal(fixed / scale, fractionDigits), unit);
}

/** Inclusive fixed-point bounds → "≥ 95 %", "≤ 49 Pa", "between 18 °C and 28 °C", or "no limit". */
export function formatMetricLimit(metric: number, min: number | null, max: number | null): string {
  if (min !== null && max !== null) {
    return `between ${formatMetricValue(metric, min)} and ${formatMetricValue(metric, max)}`;
  }
  if (min !== null) return `≥ ${formatMetricValue(metric, min)}`;
  if (max !== null) return `≤ ${formatMetricValue(metric, max)}`;
  return "no limit";
}

/** "BFE 98.6 % (must be ≥ 95 %)". */
export function formatMetricAgainstLimit(
  metric: number,
  value: number | null,
  min: number | null,
  max: number | null,
): string {
  const shown = value === null ? "not measured" : formatMetricValue(metric, value);
  const limit = min === null && max === null ? "" : ` (must be ${formatMetricLimit(metric, min, max)})`;
  return `${metricShortName(metric)} ${shown}${limit}`;
}

/** Inclusive bounds, as the rule sets define them. */
export function isWithinLimits(value: number, min: number | null, max: number | null): boolean {
  return (min === null || value >= min) && (max === null || value <= max);
}

/** 0.1 °C → "22.5 °C". */
export function formatTemperature(deciCelsius: number): string {
  return `${formatDecimal(deciCelsius / 10, 1)} °C`;
}

/** 0.1 %RH → "52 % RH". */
export function formatHumidity(deciPercent: number): string {
  return `${formatDecimal(deciPercent / 10, 1)} % RH`;
}

/** 0.1 Pa → "15 Pa". */
export function formatPressure(deciPascal: number): string {
  return `${formatDecimal(deciPascal / 10, 1)} Pa`;
}

/** Chinese clean-room classes (GB 50073 / YY 0033) and their ISO 14644-1 equivalents. */
const ISO_CLASS_OF_CLEAN_CLASS: Record<number, number> = { 100: 5, 1000: 6, 10_000: 7, 100_000: 8 };

/** 100000 → "class 100,000 (ISO 8)". */
export function formatCleanClass(cleanClass: number): string {
  const iso = ISO_CLASS_OF_CLEAN_CLASS[cleanClass];
  return `class ${formatInteger(cleanClass)}${iso === undefined ? "" : ` (ISO ${iso})`}`;
}

/** "0x976EA74026E726554dB657fA54763abd0C3a0aa9" → "0x976E…0aa9": enough to compare, short enough to read. */
export function shortAddress(address: string): string {
  if (!address) return "an unnamed account";
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

const COMPANY_FORM_SUFFIX = /(股份有限公司|有限责任公司|有限公司)$/;
const BRANCH_SUFFIX = /\s*[（(][^（()）]*[)）]$/;

/**
 * "苏州康达医药有限公司" → "苏州康达医药", "仁心大药房（观前店）" → "仁心大药房": the name people use, for
 * short titles. Details keep the registered name, branch included, so the place can still be found.
 */
export function shortPartyName(name: string): string {
  const short = name.trim().replace(BRANCH_SUFFIX, "").replace(COMPANY_FORM_SUFFIX, "").trim();
  return short || name.trim();
}

/** Category id → "Medical surgical mask". */
export function categoryName(category: number): string {
  return isCategoryId(category) ? CATEGORIES[category].name : `mask category ${category}`;
}

/** (100001, 4000) → "100001–104000": serials are identifiers, so no thousands separators. */
export function formatSerialRange(serialStart: number, boxes: number): string {
  if (!Number.isFinite(serialStart) || !Number.isFinite(boxes) || boxes < 1) return "none";
  return `${serialStart}–${serialStart + boxes - 1}`;
}

/** ["a", "b", "c"] → "a, b and c". */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const STERILISATION_METHODS: Record<string, string> = {
  EO: "ethylene oxide (EO)",
  ETO: "ethylene oxide (EO)",
  GAMMA: "gamma irradiation",
  "E-BEAM": "electron beam",
};

/** "EO" → "ethylene oxide (EO)": the record keeps the code, a shopper needs the words. */
export function sterilisationMethodName(method: string): string {
  const trimmed = method.trim();
  return STERILISATION_METHODS[trimmed.toUpperCase()] ?? (trimmed || "an unrecorded method");
}
