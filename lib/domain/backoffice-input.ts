// What the back office accepts, checked before anything is sent: the same rules for the web's JSON and
// the CLI's flags, each refusal a sentence naming the field. The contracts check again (and decide what
// depends on the record: licences, lots, the hold); these catch what is malformed.
import { z } from "zod";
import { checkGs1Fields } from "./gs1";
import { METRICS } from "./standards";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-11-24", a real calendar date. */
export function isIsoDate(text: string): boolean {
  return (
    ISO_DATE.test(text) &&
    !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
    new Date(`${text}T00:00:00Z`).toISOString().startsWith(text)
  );
}

const isoDate = (what: string) =>
  z.string({ error: `Give ${what} as a date like 2026-11-24.` }).refine(isIsoDate, {
    message: `Give ${what} as a date like 2026-11-24.`,
  });

/** An ISO 8601 time with its zone (or China time without one), as unix seconds. */
const instant = (what: string) =>
  z.string({ error: `Give ${what} as a time like 2026-11-20T08:00.` }).transform((text, ctx) => {
    const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}+08:00`;
    const ms = Date.parse(withZone);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) || Number.isNaN(ms)) {
      ctx.addIssue({ code: "custom", message: `Give ${what} as a time like 2026-11-20T08:00.` });
      return z.NEVER;
    }
    return Math.floor(ms / 1000);
  });

const wholeNumber = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${what} is a whole number.` })
    .int(`${what} is a whole number.`)
    .min(min, `${what} must be at least ${min.toLocaleString("en-US")}.`)
    .max(max, `${what} must be at most ${max.toLocaleString("en-US")}.`);

const positiveNumber = (what: string, max: number) =>
  z.coerce
    .number({ error: `${what} is a number.` })
    .refine((n) => Number.isFinite(n) && n > 0, `${what} must be more than zero.`)
    .refine((n) => n <= max, `${what} must be at most ${max.toLocaleString("en-US")}.`);

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} is required.` })
    .trim()
    .min(1, `${what} is required.`)
    .max(max, `${what} is at most ${max} characters.`);

export const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const address = (what: string) => z.string({ error: `Choose ${what}.` }).regex(ADDRESS, `Choose ${what}.`);

/** The grams of one lot a batch draws: kilograms as typed, to the gram. */
export const materialUse = z.object({
  lotId: wholeNumber("The meltblown lot", 1, 1_000_000_000),
  kg: positiveNumber("The meltblown used", 1_000_000),
});

/** A supplier's meltblown lot, and the manufacturer it is delivered to. */
export const lotInput = z.object({
  code: text("The lot code", 32),
  grade: text("The grade", 64),
  kg: positiveNumber("The mass", 1_000_000),
  manufacturer: address("the manufacturer receiving the lot").optional(),
});

export const MAX_MATERIALS = 8;

export const batchInput = z
  .object({
    gtin: z.string({ error: "Choose the product (GTIN)." }),
    lot: text("The lot number", 20),
    produced: isoDate("the production date"),
    expiry: isoDate("the expiry date"),
    masks: wholeNumber("The number of masks", 1, 4_000_000_000),
    masksPerBox: wholeNumber("Masks per box", 1, 65_535),
    serialStart: wholeNumber("The first serial", 1, 999_999_999_999),
    workshop: text("The workshop", 64),
    materials: z
      .array(materialUse, { error: "Name the meltblown lot(s) the batch was made from." })
      .min(1, "Name the meltblown lot(s) the batch was made from.")
      .max(MAX_MATERIALS, `A batch can name at most ${MAX_MATERIALS} meltblown lots.`),
  })
  .superRefine((batch, ctx) => {
    const fields = checkGs1Fields({ gtin: batch.gtin, lot: batch.lot });
    if (!fields.ok) {
      const field = fields.error.code.includes("lot") ? "lot" : "gtin";
      ctx.addIssue({ code: "custom", path: [field], message: fields.error.message });
    }
    if (batch.expiry <= batch.produced)
      ctx.addIssue({
        code: "custom",
        path: ["expiry"],
        message: "The expiry date must be after the production date.",
      });
    const lots = batch.materials.map((m) => m.lotId);
    if (new Set(lots).size !== lots.length)
      ctx.addIssue({ code: "custom", path: ["materials"], message: "Name each meltblown lot once." });
  })
  .transform((batch) => ({
    ...batch,
    gtin: checkGs1Fields({ gtin: batch.gtin }).ok ? batch.gtin.padStart(14, "0") : batch.gtin,
  }));

export const sterilisationInput = z.object({
  sterilizer: text("The sterilizer", 64),
  method: text("The method", 16).default("EO"),
  start: instant("the start of sterilisation"),
  end: instant("the end of sterilisation"),
});

const METRIC_IDS = Object.keys(METRICS).map(Number);

/** A lab's results, each in the metric's fixed-point units (BFE 98.6 % → 9860). */
export const testReportInput = z.object({
  results: z
    .array(
      z.object({
        metric: z.coerce
          .number()
          .int()
          .refine((m) => METRIC_IDS.includes(m), "That is not a known test metric."),
        value: z.coerce
          .number({ error: "Each result is a number." })
          .int("Each result is in the metric's fixed-point units.")
          .min(-1_000_000_000)
          .max(1_000_000_000),
      }),
      { error: "Give the results." },
    )
    .min(1, "Give the results.")
    .max(METRIC_IDS.length),
  retest: z.boolean().default(false),
  /** The spec-failure complaint this retest answers, when it is one. */
  complaintId: wholeNumber("The complaint", 1, 1_000_000_000).optional(),
});

export const attestationInput = z
  .object({
    manufacturer: address("the manufacturer"),
    workshop: text("The workshop", 64),
    from: isoDate("the start of validity"),
    until: isoDate("the end of validity"),
    particles05: wholeNumber("Particles ≥0.5 µm", 0, 4_000_000_000),
    particles5: wholeNumber("Particles ≥5 µm", 0, 4_000_000_000),
    airborneCfu: wholeNumber("Airborne microbes", 0, 65_535),
    settlingCfu: wholeNumber("Settling microbes", 0, 65_535),
    temperatureC: z.coerce.number({ error: "The temperature is a number." }).min(-50).max(100),
    humidityPct: z.coerce.number({ error: "The humidity is a number." }).min(0).max(100),
    pressurePa: z.coerce.number({ error: "The pressure differential is a number." }).min(0).max(1000),
    staffHealthChecked: z.boolean({ error: "Say whether the staff's health checks are on record." }),
    staffTrained: z.boolean({ error: "Say whether the staff's training is on record." }),
  })
  .refine((a) => a.until > a.from, {
    path: ["until"],
    message: "The attestation's validity must end after it starts.",
  });

export type LotInput = z.infer<typeof lotInput>;
export type BatchInput = z.infer<typeof batchInput>;
export type SterilisationInput = z.infer<typeof sterilisationInput>;
export type TestReportInput = z.infer<typeof testReportInput>;
export type AttestationInput = z.infer<typeof attestationInput>;
