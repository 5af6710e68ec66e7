// What the back office accepts, checked before anything is sent, each refusal a sentence naming the
// field in the reader's language (English here, Chinese in backoffice-input.zh-CN.ts: the same
// catalogue type, so a missing sentence fails the type check). The contracts check again (and decide
// what depends on the record: licences, lots, the hold); these catch what is malformed.
import { z } from "zod";
import { checkGs1Fields } from "./gs1";
import { gs1ErrorMessage } from "./gs1-messages";
import { capitalised, formatInteger } from "./format";
import type { Locale } from "./locale";
import { METRICS } from "./standards";
import { zhCN } from "./backoffice-input.zh-CN";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-11-24", a real calendar date. */
export function isIsoDate(text: string): boolean {
  return (
    ISO_DATE.test(text) &&
    !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
    new Date(`${text}T00:00:00Z`).toISOString().startsWith(text)
  );
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const MAX_MATERIALS = 8;
const METRIC_IDS = Object.keys(METRICS).map(Number);

const integer = (n: number) => formatInteger(n);

const en = {
  /** The fields as a sentence names them. */
  fields: {
    meltblownLot: "the meltblown lot",
    meltblownUsed: "the meltblown used",
    lotCode: "the lot code",
    grade: "the grade",
    mass: "the mass",
    receivingManufacturer: "the manufacturer receiving the lot",
    lot: "the lot number",
    produced: "the production date",
    expiry: "the expiry date",
    masks: "the number of masks",
    masksPerBox: "masks per box",
    serialStart: "the first serial",
    workshop: "the workshop",
    sterilizer: "the sterilizer",
    method: "the method",
    sterilisationStart: "the start of sterilisation",
    sterilisationEnd: "the end of sterilisation",
    result: "each result",
    complaint: "the complaint",
    manufacturer: "the manufacturer",
    validFrom: "the start of validity",
    validUntil: "the end of validity",
    particles05: "particles ≥0.5 µm",
    particles5: "particles ≥5 µm",
    airborneCfu: "airborne microbes",
    settlingCfu: "settling microbes",
    temperature: "the temperature",
    humidity: "the humidity",
    pressure: "the pressure differential",
  },
  date: (field: string) => `Give ${field} as a date like 2026-11-24.`,
  time: (field: string) => `Give ${field} as a time like 2026-11-20T08:00.`,
  choose: (field: string) => `Choose ${field}.`,
  required: (field: string) => `${capitalised(field)} is required.`,
  tooLong: (field: string, max: number) => `${capitalised(field)} is at most ${max} characters.`,
  number: (field: string) => `${capitalised(field)} is a number.`,
  wholeNumber: (field: string) => `${capitalised(field)} is a whole number.`,
  moreThanZero: (field: string) => `${capitalised(field)} must be more than zero.`,
  atLeast: (field: string, min: number) => `${capitalised(field)} must be at least ${integer(min)}.`,
  atMost: (field: string, max: number) => `${capitalised(field)} must be at most ${integer(max)}.`,
  product: "Choose the product (GTIN).",
  materials: "Name the meltblown lot(s) the batch was made from.",
  tooManyMaterials: (max: number) => `A batch can name at most ${max} meltblown lots.`,
  materialTwice: "Name each meltblown lot once.",
  expiryAfterProduction: "The expiry date must be after the production date.",
  unknownMetric: "That is not a known test metric.",
  resultUnits: "Each result is a whole number in the metric's fixed-point units (BFE 98.6 % is 9860).",
  results: "Give the results.",
  tooManyResults: (max: number) => `A report gives at most ${max} results, one per metric.`,
  retest: "Say whether the report is a retest (true or false).",
  staffHealthChecked: "Say whether the staff's health checks are on record.",
  staffTrained: "Say whether the staff's training is on record.",
  validityOrder: "The attestation's validity must end after it starts.",
};

export type InputWords = typeof en;
type Field = keyof InputWords["fields"];

const WORDS: Record<Locale, InputWords> = { en, "zh-CN": zhCN };

/** The rules every schema is built from, each refusal worded in `locale`. */
function rulesIn(locale: Locale) {
  const w = WORDS[locale];

  const isoDate = (field: Field) => {
    const message = w.date(w.fields[field]);
    return z.string({ error: message }).refine(isIsoDate, { message });
  };

  /** An ISO 8601 time with its zone (or China time without one), as unix seconds. */
  const instant = (field: Field) => {
    const message = w.time(w.fields[field]);
    return z.string({ error: message }).transform((text, ctx) => {
      const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}+08:00`;
      const ms = Date.parse(withZone);
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) || Number.isNaN(ms)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return Math.floor(ms / 1000);
    });
  };

  const number = (field: Field, min: number, max: number) => {
    const what = w.fields[field];
    return z.coerce
      .number({ error: w.number(what) })
      .min(min, w.atLeast(what, min))
      .max(max, w.atMost(what, max));
  };

  const wholeNumber = (field: Field, min: number, max: number) => {
    const what = w.fields[field];
    return z.coerce
      .number({ error: w.wholeNumber(what) })
      .int(w.wholeNumber(what))
      .min(min, w.atLeast(what, min))
      .max(max, w.atMost(what, max));
  };

  const positiveNumber = (field: Field, max: number) => {
    const what = w.fields[field];
    return z.coerce
      .number({ error: w.number(what) })
      .refine((n) => Number.isFinite(n) && n > 0, w.moreThanZero(what))
      .refine((n) => n <= max, w.atMost(what, max));
  };

  const text = (field: Field, max: number) => {
    const what = w.fields[field];
    return z
      .string({ error: w.required(what) })
      .trim()
      .min(1, w.required(what))
      .max(max, w.tooLong(what, max));
  };

  const address = (field: Field) => {
    const message = w.choose(w.fields[field]);
    return z.string({ error: message }).regex(ADDRESS, message);
  };

  return { w, isoDate, instant, number, wholeNumber, positiveNumber, text, address };
}

/** The grams of one lot a batch draws: kilograms as typed, to the gram. */
const materialUse = (locale: Locale) => {
  const { w, wholeNumber, positiveNumber } = rulesIn(locale);
  return z.object(
    {
      lotId: wholeNumber("meltblownLot", 1, 1_000_000_000),
      kg: positiveNumber("meltblownUsed", 1_000_000),
    },
    { error: w.materials },
  );
};

/** A supplier's meltblown lot, and the manufacturer it is delivered to. */
export const lotInput = (locale: Locale) => {
  const { text, positiveNumber, address } = rulesIn(locale);
  return z.object({
    code: text("lotCode", 32),
    grade: text("grade", 64),
    kg: positiveNumber("mass", 1_000_000),
    manufacturer: address("receivingManufacturer").optional(),
  });
};

export const batchInput = (locale: Locale) => {
  const { w, text, isoDate, wholeNumber } = rulesIn(locale);
  return z
    .object({
      gtin: z.string({ error: w.product }),
      lot: text("lot", 20),
      produced: isoDate("produced"),
      expiry: isoDate("expiry"),
      masks: wholeNumber("masks", 1, 4_000_000_000),
      masksPerBox: wholeNumber("masksPerBox", 1, 65_535),
      serialStart: wholeNumber("serialStart", 1, 999_999_999_999),
      workshop: text("workshop", 64),
      materials: z
        .array(materialUse(locale), { error: w.materials })
        .min(1, w.materials)
        .max(MAX_MATERIALS, w.tooManyMaterials(MAX_MATERIALS)),
    })
    .superRefine((batch, ctx) => {
      const fields = checkGs1Fields({ gtin: batch.gtin, lot: batch.lot });
      if (!fields.ok) {
        const field = fields.error.code.includes("lot") ? "lot" : "gtin";
        ctx.addIssue({ code: "custom", path: [field], message: gs1ErrorMessage(fields.error, locale) });
      }
      if (batch.expiry <= batch.produced)
        ctx.addIssue({ code: "custom", path: ["expiry"], message: w.expiryAfterProduction });
      const lots = batch.materials.map((m) => m.lotId);
      if (new Set(lots).size !== lots.length)
        ctx.addIssue({ code: "custom", path: ["materials"], message: w.materialTwice });
    })
    .transform((batch) => ({
      ...batch,
      gtin: checkGs1Fields({ gtin: batch.gtin }).ok ? batch.gtin.padStart(14, "0") : batch.gtin,
    }));
};

export const sterilisationInput = (locale: Locale) => {
  const { text, instant } = rulesIn(locale);
  return z.object({
    sterilizer: text("sterilizer", 64),
    method: text("method", 16).default("EO"),
    start: instant("sterilisationStart"),
    end: instant("sterilisationEnd"),
  });
};

/** A lab's results, each in the metric's fixed-point units (BFE 98.6 % → 9860). */
export const testReportInput = (locale: Locale) => {
  const { w, number, wholeNumber } = rulesIn(locale);
  return z.object({
    results: z
      .array(
        z.object(
          {
            metric: z.coerce
              .number({ error: w.unknownMetric })
              .int(w.unknownMetric)
              .refine((m) => METRIC_IDS.includes(m), w.unknownMetric),
            value: number("result", -1_000_000_000, 1_000_000_000).int(w.resultUnits),
          },
          { error: w.results },
        ),
        { error: w.results },
      )
      .min(1, w.results)
      .max(METRIC_IDS.length, w.tooManyResults(METRIC_IDS.length)),
    retest: z.boolean({ error: w.retest }).default(false),
    /** The spec-failure complaint this retest answers, when it is one. */
    complaintId: wholeNumber("complaint", 1, 1_000_000_000).optional(),
  });
};

export const attestationInput = (locale: Locale) => {
  const { w, address, text, isoDate, wholeNumber, number } = rulesIn(locale);
  return z
    .object({
      manufacturer: address("manufacturer"),
      workshop: text("workshop", 64),
      from: isoDate("validFrom"),
      until: isoDate("validUntil"),
      particles05: wholeNumber("particles05", 0, 4_000_000_000),
      particles5: wholeNumber("particles5", 0, 4_000_000_000),
      airborneCfu: wholeNumber("airborneCfu", 0, 65_535),
      settlingCfu: wholeNumber("settlingCfu", 0, 65_535),
      temperatureC: number("temperature", -50, 100),
      humidityPct: number("humidity", 0, 100),
      pressurePa: number("pressure", 0, 1000),
      staffHealthChecked: z.boolean({ error: w.staffHealthChecked }),
      staffTrained: z.boolean({ error: w.staffTrained }),
    })
    .refine((a) => a.until > a.from, { path: ["until"], message: w.validityOrder });
};
