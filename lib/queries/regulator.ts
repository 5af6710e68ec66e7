// The regulator's desk behind /regulator: licences, roles, price caps, recalls and suspensions, each one
// call for the acting account once the record shows it holds the regulator's role, sent by its wallet or
// on the demo chain by the demo's key (desk-action.ts); and the dashboard's reads. The contracts refuse the rest anyway; their refusals come back in
// words under a named 4xx (see field.ts).
import { z } from "zod";
import { batchIdOf, deskCalls } from "../chain/backoffice";
import { LICENCE_KINDS, ROLES, licencesValidAt, type LicenceKind } from "../chain/field";
import {
  readBatches,
  readComplaints,
  readParticipants,
  readPriceCaps,
  readPriceObservations,
  type BatchEntry,
  type ComplaintSummary,
  type PriceCapView,
  type PriceObservation,
} from "../chain/regulator";
import type { SellerStanding } from "../chain/field";
import { batchingProvider, rpcProvider } from "../chain/provider";
import { describeError } from "../chain/errors";
import { isCategoryId, type CategoryId } from "../domain/standards";
import { isoDateToSeconds, secondsToIsoDate, startOfDay } from "../domain/time";
import { env } from "../env";
import { runtime } from "./runtime";
import type { BlockView } from "./view-cache";
import { confirmed, confirmedCall, deskAction, holdingRole, oneCall, withBody } from "./desk-action";
import type { Confirmed, DeskPlan, Prepared } from "./desk-action";
import { fieldError, type DeskActor, type FieldResponse, type FieldStatus } from "./session";
import { CHAIN_UNAVAILABLE } from "./chain-unavailable";
import { translatorFor } from "../i18n/translator";
import { FALLBACK_LOCALE, type Locale } from "../domain/locale";

export type { BatchEntry, ComplaintSummary, LicenceKind, PriceCapView, PriceObservation, SellerStanding };
export { LICENCE_KINDS, ROLES };

const provider = () => rpcProvider(env().rpcUrl, runtime().deployment.chainId);
const viewProvider = () => batchingProvider(env().rpcUrl, runtime().deployment.chainId);
const now = () => Math.floor(Date.now() / 1000);

/** The regulator's answers in the request's language (the regulatorApi catalogue). */
type Words = ReturnType<typeof translatorFor<"regulatorApi">>;
const wordsFor = (locale: Locale): Words => translatorFor(locale, "regulatorApi");

/** In the regulator's hands a suspension or revocation that already happened is a conflict (409). */
const REGULATOR_STATUSES: Record<string, FieldStatus> = {
  ParticipantIsSuspended: 409,
  ParticipantNotSuspended: 409,
  LicenceAlreadyRevoked: 409,
  BatchIsRecalled: 409,
  LicenceNotFound: 404,
  ParticipantNotRegistered: 404,
};

/** 403 not_regulator unless the record gives `account` the regulator's role. */
const regulatorOnly = (locale: Locale) =>
  holdingRole("REGULATOR", locale, (name) =>
    fieldError(403, "not_regulator", wordsFor(locale)("notRegulator", { name })),
  );

/** A regulator's one-call plan for the actor, once the record shows it holds the role. */
function asRegulator<T>(
  actor: DeskActor | null,
  input: unknown,
  locale: Locale,
  plan: DeskPlan<T>,
): Promise<FieldResponse<T | Prepared>> {
  return deskAction(actor, input, plan, {
    locale,
    statuses: REGULATOR_STATUSES,
    guard: regulatorOnly(locale),
  });
}

/** Runs `action` on a body that passes `schema` in the reader's words (desk-action.ts's withBody). */
function checked<S extends z.ZodType, T>(
  schema: (t: Words) => S,
  input: unknown,
  locale: Locale,
  action: (data: z.infer<S>) => Promise<FieldResponse<T>>,
): Promise<FieldResponse<T>> {
  const t = wordsFor(locale);
  return withBody(schema(t), input, t("badRequest"), action);
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const address = (message: string) => z.string({ error: message }).regex(ADDRESS, message);
const isoDate = (message: string) =>
  z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((text) => !Number.isNaN(Date.parse(text)), { message });
const reason = (t: Words) =>
  z
    .string({ error: t("reason") })
    .trim()
    .min(3, t("reason"))
    .max(500, t("reason"));
const ID = /^\d{1,12}$/;

const licenceSchema = (t: Words) =>
  z
    .object({
      kind: z.enum(LICENCE_KINDS, { error: t("kind") }),
      holder: address(t("holder")),
      number: z
        .string({ error: t("number") })
        .trim()
        .min(4, t("number"))
        .max(64, t("number")),
      categories: z
        .array(
          z
            .number({ error: t("categories") })
            .int(t("categories"))
            .refine(isCategoryId, t("categories")),
          {
            error: t("categories"),
          },
        )
        .min(1, t("categoriesMin"))
        .max(4, t("categories"))
        .transform((list) => [...new Set(list)] as CategoryId[]),
      validFrom: isoDate(t("validFrom")),
      validUntil: isoDate(t("validUntil")),
    })
    .refine((licence) => licence.validUntil >= licence.validFrom, {
      message: t("validOrder"),
      path: ["validUntil"],
    });

/** Grants a licence (production licence, registration certificate or distribution filing). */
export async function grantLicence(
  actor: DeskActor | null,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<(Confirmed & { licenceId: number }) | Prepared>> {
  return checked(licenceSchema, input, locale, ({ validFrom, validUntil, ...licence }) =>
    asRegulator(
      actor,
      input,
      locale,
      oneCall(
        "grantLicence",
        async () => deskCalls.grantLicence({ ...licence, from: validFrom, until: validUntil }),
        ({ tx }) => ({ ...confirmed(tx), licenceId: Number(tx.created.licenceId) }),
      ),
    ),
  );
}

const revocationSchema = (t: Words) =>
  z.object({
    revokedOn: isoDate(t("revokedOn")).refine((day) => isoDateToSeconds(day) <= now(), {
      message: t("revokedInFuture"),
    }),
    reason: reason(t),
  });

/** Revokes a licence from a date on (no later than today); its history stays on the record. */
export async function revokeLicence(
  actor: DeskActor | null,
  idText: string,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<Confirmed | Prepared>> {
  if (!ID.test(idText) || Number(idText) === 0)
    return fieldError(400, "invalid_id", wordsFor(locale)("licenceId"));
  return checked(revocationSchema, input, locale, ({ revokedOn, reason }) => {
    const call = deskCalls.revokeLicence({ licenceId: Number(idText), on: revokedOn, reason });
    return asRegulator(actor, input, locale, confirmedCall(call));
  });
}

const roleSchema = (t: Words) =>
  z.object({
    account: address(t("account")),
    role: z.enum(ROLES, { error: t("role") }),
    action: z.enum(["grant", "revoke"], { error: t("roleAction") }),
  });

/** Grants a registered participant another role, or revokes one it holds. */
export async function changeRole(
  actor: DeskActor | null,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<Confirmed | Prepared>> {
  return checked(roleSchema, input, locale, ({ action, ...change }) => {
    const call = action === "grant" ? deskCalls.grantRole(change) : deskCalls.revokeRole(change);
    return asRegulator(actor, input, locale, confirmedCall(call));
  });
}

const capSchema = (t: Words) =>
  z.object({
    category: z
      .number({ error: t("category") })
      .int(t("category"))
      .refine(isCategoryId, { message: t("category") }),
    region: z
      .number({ error: t("regionMissing") })
      .int(t("region"))
      .min(100000, t("region"))
      .max(999999, t("region")),
    channel: z.enum(["ex-factory", "wholesale", "retail"], { error: t("channel") }),
    yuanPerPiece: z
      .union([z.number(), z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, t("capFormat"))], {
        error: t("capFormat"),
      })
      .transform(Number)
      .refine((yuan) => Number.isFinite(yuan) && yuan > 0 && yuan < 10_000, { message: t("capRange") }),
    effectiveFrom: isoDate(t("effectiveFrom")),
    legalBasis: z
      .string({ error: t("legalBasis") })
      .trim()
      .min(3, t("legalBasis"))
      .max(200, t("legalBasis")),
  });

/** Sets a price cap per category, region and channel from a date, with its legal basis. */
export async function setPriceCap(
  actor: DeskActor | null,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<(Confirmed & { capId: number }) | Prepared>> {
  return checked(capSchema, input, locale, (cap) => {
    const call = deskCalls.setPriceCap({
      category: cap.category,
      region: cap.region,
      channel: cap.channel,
      fen: Math.round(cap.yuanPerPiece * 100),
      from: cap.effectiveFrom,
      basis: cap.legalBasis,
    });
    return asRegulator(
      actor,
      input,
      locale,
      oneCall(
        "setPriceCap",
        async () => call,
        ({ tx }) => ({ ...confirmed(tx), capId: Number(tx.created.capId) }),
      ),
    );
  });
}

const recallSchema = (t: Words) =>
  z.object({
    gtin: z.string({ error: t("batch") }).regex(/^\d{14}$/, t("gtin")),
    lot: z
      .string({ error: t("batch") })
      .trim()
      .min(1, t("batch"))
      .max(20, t("batch")),
    reason: reason(t),
  });

/** Recalls a batch: every box of it reads suspect from the next verification on. */
export async function recallBatch(
  actor: DeskActor | null,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<Confirmed | Prepared>> {
  return checked(recallSchema, input, locale, ({ gtin, lot, reason }) => {
    const { deployment } = runtime();
    return asRegulator(
      actor,
      input,
      locale,
      oneCall(
        "recall",
        async () => deskCalls.recall({ batchId: await batchIdOf(deployment, provider(), gtin, lot), reason }),
        ({ tx }) => confirmed(tx),
      ),
    );
  });
}

const suspensionSchema = (t: Words) =>
  z.discriminatedUnion(
    "action",
    [
      z.object({ action: z.literal("suspend"), account: address(t("participant")), reason: reason(t) }),
      z.object({ action: z.literal("reinstate"), account: address(t("participant")) }),
    ],
    { error: t("suspensionAction") },
  );

/** Suspends a participant (with the reason) or lifts the regulator's suspension. */
export async function changeSuspension(
  actor: DeskActor | null,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<Confirmed | Prepared>> {
  return checked(suspensionSchema, input, locale, (change) => {
    const call =
      change.action === "suspend"
        ? deskCalls.suspend({ account: change.account, reason: change.reason })
        : deskCalls.reinstate({ account: change.account });
    return asRegulator(actor, input, locale, confirmedCall(call));
  });
}

// ---- reads for the page ----------------------------------------------------------------------------

/** What /regulator reads from the record: kept per block (see view-cache.ts) while nothing changes. */
export interface DeskRecord {
  participants: SellerStanding[];
  caps: PriceCapView[];
  observations: PriceObservation[];
  complaints: ComplaintSummary[];
  batches: BatchEntry[];
}

export interface RegulatorDesk extends DeskRecord {
  now: number;
  today: string;
  /** Everything shown is as of this block or later. */
  block: number;
}

/** Reads the whole desk, naming the block it starts at (every read after it sees that block or later). */
async function readDesk(): Promise<BlockView<DeskRecord>> {
  const { deployment } = runtime();
  const chain = viewProvider();
  const block = await chain.getBlockNumber();
  const [participants, caps, complaints, batches] = await Promise.all([
    readParticipants(deployment, chain, now()),
    readPriceCaps(deployment, chain),
    readComplaints(deployment, chain),
    readBatches(deployment, chain),
  ]);
  const observations = await readPriceObservations(deployment, chain, caps);
  return { block, value: { participants, caps, complaints, batches, observations } };
}

/** Everything /regulator shows, as of the block it names; null when the chain does not answer. */
export async function regulatorDesk(): Promise<RegulatorDesk | null> {
  const at = now();
  let view: BlockView<DeskRecord>;
  try {
    view = await runtime().views.regulator.get("desk", readDesk);
  } catch (error) {
    if (describeError(error).code === CHAIN_UNAVAILABLE.code) return null;
    throw error;
  }
  return {
    ...view.value,
    // A view kept in memory is as of its block; the licences' validity is as of now.
    participants: view.value.participants.map((participant) => licencesValidAt(participant, at)),
    now: at,
    today: secondsToIsoDate(startOfDay(at)),
    block: view.block,
  };
}
