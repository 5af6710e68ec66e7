// Plain-language formatting shared by the verdict, the timeline and the pages: money from fen, dates in
// China time, counts, masses and test values with their units, in either language (English unless a
// caller passes its reader's locale: "1.80 yuan/piece" or "1.80 元/片", "4,000 boxes" or "4,000 盒").
// Dates are ISO (2026-09-25) in both: that is how Chinese labels and records print them.
//
// Values come from the chain and may be missing or absurd, so no formatter throws and none prints
// "NaN", "undefined" or "null": a value that cannot be shown becomes a word that says so.
import { CATEGORIES, METRICS, isCategoryId } from "./standards";
import { secondsToIsoDate, secondsToIsoMinute } from "./time";
import type { Locale } from "./locale";

/** What a number that cannot be shown reads as. */
export const UNKNOWN_VALUE = "unknown";
/** What a date that cannot be shown reads as. */
export const UNKNOWN_DATE = "an unknown date";

/** The words the formatters use, per language. */
const WORDS = {
  en: {
    unknownValue: UNKNOWN_VALUE,
    unknownDate: UNKNOWN_DATE,
    yuan: "yuan",
    perPiece: "/piece",
    mask: ["mask", "masks"],
    box: ["box", "boxes"],
    day: ["day", "days"],
    time: ["time", "times"],
    kg: "kg",
    masksPerKg: (n: string) => `${n} masks per kg`,
    between: (low: string, high: string) => `between ${low} and ${high}`,
    noLimit: "no limit",
    notMeasured: "not measured",
    mustBe: (limit: string) => ` (must be ${limit})`,
    humidity: (n: string) => `${n} % RH`,
    unnamedAccount: "an unnamed account",
    noSerials: "none",
    and: " and ",
    listSeparator: ", ",
    unrecordedMethod: "an unrecorded method",
    unknownCategory: (c: number) => `mask category ${c}`,
    unknownMetric: (m: number) => `metric ${m}`,
    unknownMetricLabel: (m: number) => `Metric ${m}`,
  },
  "zh-CN": {
    unknownValue: "未知",
    unknownDate: "日期不详",
    yuan: "元",
    perPiece: "/片",
    mask: ["只口罩", "只口罩"],
    box: ["盒", "盒"],
    day: ["天", "天"],
    time: ["次", "次"],
    kg: "千克",
    masksPerKg: (n: string) => `每千克 ${n} 只`,
    between: (low: string, high: string) => `${low} 至 ${high}`,
    noLimit: "无限值",
    notMeasured: "未检测",
    mustBe: (limit: string) => `（应 ${limit}）`,
    humidity: (n: string) => `相对湿度 ${n} %`,
    unnamedAccount: "未具名账户",
    noSerials: "无",
    and: "和",
    listSeparator: "、",
    unrecordedMethod: "未记录的方法",
    unknownCategory: (c: number) => `口罩类别 ${c}`,
    unknownMetric: (m: number) => `指标 ${m}`,
    unknownMetricLabel: (m: number) => `指标 ${m}`,
  },
} as const satisfies Record<Locale, unknown>;

/** JavaScript dates stop at ±8.64e15 ms; beyond that toISOString throws. */
const MAX_DATE_SECONDS = 8.64e12;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 200000 → "200,000". Rounds to a whole number. */
export function formatInteger(value: number, locale: Locale = "en"): string {
  if (!Number.isFinite(value)) return WORDS[locale].unknownValue;
  const rounded = Math.round(value);
  const sign = rounded < 0 ? "-" : "";
  return sign + groupThousands(String(Math.abs(rounded)));
}

/** 98.6 → "98.6", 38 → "38", 1230.77 with 1 digit → "1,230.8": no trailing zeros, grouped thousands. */
export function formatDecimal(value: number, maxFractionDigits: number, locale: Locale = "en"): string {
  if (!Number.isFinite(value)) return WORDS[locale].unknownValue;
  const digits = Math.max(0, Math.min(20, Math.floor(maxFractionDigits)));
  const fixed = Math.abs(value).toFixed(digits);
  const [whole = "0", fraction = ""] = fixed.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  // "-0" is not a value anyone measured.
  const sign = value < 0 && (Number(whole) !== 0 || trimmed !== "") ? "-" : "";
  return sign + groupThousands(whole) + (trimmed ? `.${trimmed}` : "");
}

/** 180 fen → "1.80 yuan" ("1.80 元"). Prices are always shown with two decimals, as on a price tag. */
export function formatYuan(fen: number, locale: Locale = "en"): string {
  const words = WORDS[locale];
  if (!Number.isFinite(fen)) return `${words.unknownValue} ${words.yuan}`;
  const rounded = Math.round(fen);
  const sign = rounded < 0 ? "-" : "";
  const absolute = Math.abs(rounded);
  const yuan = Math.floor(absolute / 100);
  const cents = String(absolute % 100).padStart(2, "0");
  return `${sign}${groupThousands(String(yuan))}.${cents} ${words.yuan}`;
}

/** 180 fen → "1.80 yuan/piece" ("1.80 元/片"): caps and recorded prices are per mask. */
export function formatYuanPerPiece(fen: number, locale: Locale = "en"): string {
  return `${formatYuan(fen, locale)}${WORDS[locale].perPiece}`;
}

function isShowableSeconds(seconds: number): boolean {
  return Number.isFinite(seconds) && Math.abs(seconds) <= MAX_DATE_SECONDS;
}

/** Unix seconds → "2026-09-25" in China Standard Time. */
export function formatDate(seconds: number, locale: Locale = "en"): string {
  return isShowableSeconds(seconds) ? secondsToIsoDate(seconds) : WORDS[locale].unknownDate;
}

/** Unix seconds → "2026-09-25 14:02" in China Standard Time. */
export function formatDateTime(seconds: number, locale: Locale = "en"): string {
  return isShowableSeconds(seconds) ? secondsToIsoMinute(seconds) : WORDS[locale].unknownDate;
}

/** (1, "box", "boxes") → "1 box"; (4000, …) → "4,000 boxes"; Chinese passes its measure word twice. */
export function formatCount(count: number, singular: string, plural: string, locale: Locale = "en"): string {
  return `${formatInteger(count, locale)} ${Math.round(count) === 1 ? singular : plural}`;
}

function formatUnits(count: number, [singular, plural]: readonly [string, string], locale: Locale): string {
  return formatCount(count, singular, plural, locale);
}

/** "500,000 masks", "500,000 只口罩". */
export function formatMasks(count: number, locale: Locale = "en"): string {
  return formatUnits(count, WORDS[locale].mask, locale);
}

/** "4,000 boxes", "4,000 盒". */
export function formatBoxes(count: number, locale: Locale = "en"): string {
  return formatUnits(count, WORDS[locale].box, locale);
}

/** "14 days", "14 天". */
export function formatDays(count: number, locale: Locale = "en"): string {
  return formatUnits(count, WORDS[locale].day, locale);
}

/** 1 → "once", 2 → "twice", 5 → "5 times"; "1 次", "5 次". */
export function formatTimes(count: number, locale: Locale = "en"): string {
  if (locale === "en" && count === 1) return "once";
  if (locale === "en" && count === 2) return "twice";
  return formatUnits(count, WORDS[locale].time, locale);
}

/** Grams → "190 kg", "0.5 kg" ("190 千克"): meltblown is bought and used by the kilogram. */
export function formatKg(grams: number, locale: Locale = "en"): string {
  return `${formatDecimal(grams / 1000, 1, locale)} ${WORDS[locale].kg}`;
}

/** 1230.77 → "1,231 masks per kg" ("每千克 1,231 只"). */
export function formatMasksPerKg(masksPerKg: number, locale: Locale = "en"): string {
  return WORDS[locale].masksPerKg(formatInteger(masksPerKg, locale));
}

/** The names printed on test reports, short enough for a list of results. */
type MetricKey = (typeof METRICS)[keyof typeof METRICS]["key"];

const METRIC_SHORT_NAMES: Record<Locale, Record<MetricKey, string>> = {
  en: {
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
  },
  "zh-CN": {
    bfe: "BFE",
    pfe: "PFE",
    deltaP: "压力差",
    blood: "合成血液穿透",
    flame: "续燃时间",
    bacteria: "细菌菌落总数",
    eo: "环氧乙烷残留量",
    filtration: "过滤效率",
    inhalation: "吸气阻力",
    exhalation: "呼气阻力",
  },
};

/** The full names of the metrics in Chinese; English ones are in standards.ts. */
const METRIC_LABELS_ZH: Record<MetricKey, string> = {
  bfe: "细菌过滤效率（BFE）",
  pfe: "颗粒过滤效率（PFE）",
  deltaP: "压力差（Δp）",
  blood: "合成血液穿透",
  flame: "阻燃性能（续燃时间）",
  bacteria: "细菌菌落总数",
  eo: "环氧乙烷残留量",
  filtration: "过滤效率（非油性颗粒）",
  inhalation: "吸气阻力",
  exhalation: "呼气阻力",
};

interface MetricDisplay {
  label: string;
  shortName: string;
  unit: string;
  scale: number;
}

/** Ids come from the chain, so an id this app does not know yet still gets a readable name. */
function metricDisplay(metric: number, locale: Locale = "en"): MetricDisplay {
  const known = (METRICS as Record<number, (typeof METRICS)[keyof typeof METRICS] | undefined>)[metric];
  const words = WORDS[locale];
  if (!known) {
    return {
      label: words.unknownMetricLabel(metric),
      shortName: words.unknownMetric(metric),
      unit: "",
      scale: 1,
    };
  }
  return {
    label: locale === "en" ? known.label : METRIC_LABELS_ZH[known.key],
    shortName: METRIC_SHORT_NAMES[locale][known.key],
    unit: known.unit,
    scale: known.scale,
  };
}

/** Metric id → "Bacterial filtration efficiency (BFE)". */
export function metricLabel(metric: number, locale: Locale = "en"): string {
  return metricDisplay(metric, locale).label;
}

/** Metric id → "BFE", "EO residue": the short name used in lists of results. */
export function metricShortName(metric: number, locale: Locale = "en"): string {
  return metricDisplay(metric, locale).shortName;
}

function withUnit(number: string, unit: string): string {
  return unit ? `${number} ${unit}` : number;
}

/** Fixed-point metric value → "98.6 %", "38 Pa", "3.2 µg/g", using the metric's scale and unit. */
export function formatMetricValue(metric: number, fixed: number, locale: Locale = "en"): string {
  const { scale, unit } = metricDisplay(metric);
  const fractionDigits = Math.max(0, Math.round(Math.log10(scale)));
  return withUnit(formatDecimal(fixed / scale, fractionDigits, locale), unit);
}

/** Inclusive fixed-point bounds → "≥ 95 %", "≤ 49 Pa", "between 18 °C and 28 °C", or "no limit". */
export function formatMetricLimit(
  metric: number,
  min: number | null,
  max: number | null,
  locale: Locale = "en",
): string {
  if (min !== null && max !== null) {
    return WORDS[locale].between(
      formatMetricValue(metric, min, locale),
      formatMetricValue(metric, max, locale),
    );
  }
  if (min !== null) return `≥ ${formatMetricValue(metric, min, locale)}`;
  if (max !== null) return `≤ ${formatMetricValue(metric, max, locale)}`;
  return WORDS[locale].noLimit;
}

/** "BFE 98.6 % (must be ≥ 95 %)", "BFE 98.6 %（应 ≥ 95 %）". */
export function formatMetricAgainstLimit(
  metric: number,
  value: number | null,
  min: number | null,
  max: number | null,
  locale: Locale = "en",
): string {
  const words = WORDS[locale];
  const shown = value === null ? words.notMeasured : formatMetricValue(metric, value, locale);
  const limit = min === null && max === null ? "" : words.mustBe(formatMetricLimit(metric, min, max, locale));
  return `${metricShortName(metric, locale)} ${shown}${limit}`;
}

/** Inclusive bounds, as the rule sets define them. */
export function isWithinLimits(value: number, min: number | null, max: number | null): boolean {
  return (min === null || value >= min) && (max === null || value <= max);
}

/** 0.1 °C → "22.5 °C". */
export function formatTemperature(deciCelsius: number, locale: Locale = "en"): string {
  return `${formatDecimal(deciCelsius / 10, 1, locale)} °C`;
}

/** 0.1 %RH → "52 % RH" ("相对湿度 52 %"). */
export function formatHumidity(deciPercent: number, locale: Locale = "en"): string {
  return WORDS[locale].humidity(formatDecimal(deciPercent / 10, 1, locale));
}

/** 0.1 Pa → "15 Pa". */
export function formatPressure(deciPascal: number, locale: Locale = "en"): string {
  return `${formatDecimal(deciPascal / 10, 1, locale)} Pa`;
}

/** Chinese clean-room classes (GB 50073 / YY 0033) and their ISO 14644-1 equivalents. */
const ISO_CLASS_OF_CLEAN_CLASS: Record<number, number> = { 100: 5, 1000: 6, 10_000: 7, 100_000: 8 };

/** How Chinese names the classes: 十万级 rather than 100,000 级. */
const CLEAN_CLASS_ZH: Record<number, string> = {
  100: "百级",
  1000: "千级",
  10_000: "万级",
  100_000: "十万级",
};

/** 100000 → "class 100,000 (ISO 8)", "十万级（ISO 8）". */
export function formatCleanClass(cleanClass: number, locale: Locale = "en"): string {
  const iso = ISO_CLASS_OF_CLEAN_CLASS[cleanClass];
  if (locale === "zh-CN") {
    const name = CLEAN_CLASS_ZH[cleanClass] ?? `${formatInteger(cleanClass, locale)} 级`;
    return `${name}${iso === undefined ? "" : `（ISO ${iso}）`}`;
  }
  return `class ${formatInteger(cleanClass)}${iso === undefined ? "" : ` (ISO ${iso})`}`;
}

/** "0x976EA74026E726554dB657fA54763abd0C3a0aa9" → "0x976E…0aa9": enough to compare, short enough to read. */
export function shortAddress(address: string, locale: Locale = "en"): string {
  if (!address) return WORDS[locale].unnamedAccount;
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

/** Category id → "Medical surgical mask" ("医用外科口罩"). */
export function categoryName(category: number, locale: Locale = "en"): string {
  if (!isCategoryId(category)) return WORDS[locale].unknownCategory(category);
  return locale === "en" ? CATEGORIES[category].name : CATEGORIES[category].nameZh;
}

/** (100001, 4000) → "100001–104000": serials are identifiers, so no thousands separators. */
export function formatSerialRange(serialStart: number, boxes: number, locale: Locale = "en"): string {
  if (!Number.isFinite(serialStart) || !Number.isFinite(boxes) || boxes < 1) return WORDS[locale].noSerials;
  return `${serialStart}–${serialStart + boxes - 1}`;
}

/** "Production licence" from "production licence": a phrase that starts a sentence. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** ["a", "b", "c"] → "a, b and c" ("a、b和c"). */
export function formatList(items: readonly string[], locale: Locale = "en"): string {
  if (items.length <= 1) return items[0] ?? "";
  const words = WORDS[locale];
  return `${items.slice(0, -1).join(words.listSeparator)}${words.and}${items[items.length - 1]}`;
}

const STERILISATION_METHODS: Record<Locale, Record<string, string>> = {
  en: {
    EO: "ethylene oxide (EO)",
    ETO: "ethylene oxide (EO)",
    GAMMA: "gamma irradiation",
    "E-BEAM": "electron beam",
  },
  "zh-CN": {
    EO: "环氧乙烷（EO）",
    ETO: "环氧乙烷（EO）",
    GAMMA: "γ 射线辐照",
    "E-BEAM": "电子束辐照",
  },
};

/** "EO" → "ethylene oxide (EO)": the record keeps the code, a shopper needs the words. */
export function sterilisationMethodName(method: string, locale: Locale = "en"): string {
  const trimmed = method.trim();
  return STERILISATION_METHODS[locale][trimmed.toUpperCase()] ?? (trimmed || WORDS[locale].unrecordedMethod);
}

/** The formatters most sentences use, bound to one language: the catalogues' shorthand. */
export function formattersIn(locale: Locale) {
  return {
    date: (seconds: number) => formatDate(seconds, locale),
    dateTime: (seconds: number) => formatDateTime(seconds, locale),
    integer: (value: number) => formatInteger(value, locale),
    boxes: (count: number) => formatBoxes(count, locale),
    days: (count: number) => formatDays(count, locale),
    kg: (grams: number) => formatKg(grams, locale),
    yuan: (fen: number) => formatYuan(fen, locale),
    yuanPerPiece: (fen: number) => formatYuanPerPiece(fen, locale),
    method: (name: string) => sterilisationMethodName(name, locale),
  };
}
