// The regulator's desk behind /regulator: licences, roles, price caps, recalls and suspensions, each one
// transaction signed as the acting party (see session.ts) once the record shows it holds the regulator's
// role; and the dashboard's reads. The contracts refuse the rest anyway; their refusals come back in
// words under a named 4xx (see field.ts).
import { z } from "zod";
import { backoffice, batchIdOf } from "../chain/backoffice";
import { LICENCE_KINDS, ROLES, type LicenceKind } from "../chain/field";
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
import type { PartyKey } from "../chain/demo/world";
import { rpcProvider } from "../chain/provider";
import { describeError } from "../chain/errors";
import { isCategoryId, type CategoryId } from "../domain/standards";
import { isoDateToSeconds, secondsToIsoDate, startOfDay } from "../domain/time";
import { env } from "../env";
import { runtime } from "./runtime";
import { actAs, confirmed, invalid, type Confirmed } from "./field";
import { fieldError, readSession, type FieldResponse, type FieldStatus } from "./session";
import { CHAIN_UNAVAILABLE } from "./chain-unavailable";

export type { BatchEntry, ComplaintSummary, LicenceKind, PriceCapView, PriceObservation, SellerStanding };
export { LICENCE_KINDS, ROLES };

const provider = () => rpcProvider(env().rpcUrl, runtime().deployment.chainId);
const now = () => Math.floor(Date.now() / 1000);

/** In the regulator's hands a suspension or revocation that already happened is a conflict (409). */
const REGULATOR_STATUSES: Record<string, FieldStatus> = {
  ParticipantIsSuspended: 409,
  ParticipantNotSuspended: 409,
  LicenceAlreadyRevoked: 409,
  BatchIsRecalled: 409,
  LicenceNotFound: 404,
  ParticipantNotRegistered: 404,
};

/** Checks the acting party's role on the record first, then signs the action as that party. */
async function asRegulator<T>(
  party: PartyKey | null,
  action: Parameters<typeof actAs<T>>[1],
): Promise<FieldResponse<T>> {
  let session: Awaited<ReturnType<typeof readSession>>;
  try {
    session = await readSession(party);
  } catch {
    return fieldError(503, CHAIN_UNAVAILABLE.code, CHAIN_UNAVAILABLE.message);
  }
  // Nobody acting (401) or off the local chain (403 demo_keys_refused): actAs answers.
  if (session !== null && !session.roles.includes("REGULATOR"))
    return fieldError(
      403,
      "not_regulator",
      `${session.name} does not hold the regulator's role on the record: only the regulator can do that.`,
    );
  return actAs(party, action, REGULATOR_STATUSES);
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const address = (message: string) => z.string({ error: message }).regex(ADDRESS, message);
const isoDate = (message: string) =>
  z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((text) => !Number.isNaN(Date.parse(text)), { message });
const reason = z
  .string({ error: "Give the reason (3 to 500 characters)." })
  .trim()
  .min(3, "Give the reason (3 to 500 characters).")
  .max(500, "Give the reason (3 to 500 characters).");
const ID = /^\d{1,12}$/;

const licenceSchema = z
  .object({
    kind: z.enum(LICENCE_KINDS, { error: "Choose the kind of licence." }),
    holder: address("Choose the holder (a registered participant, 0x…)."),
    number: z
      .string({ error: "Give the licence number as printed on it." })
      .trim()
      .min(4, "Give the licence number as printed on it.")
      .max(64, "Give the licence number as printed on it."),
    categories: z
      .array(z.number().int().refine(isCategoryId), { error: "Choose the mask categories it covers." })
      .min(1, "Choose at least one mask category it covers.")
      .max(4)
      .transform((list) => [...new Set(list)] as CategoryId[]),
    validFrom: isoDate("Give the first day it is valid, as 2026-12-01."),
    validUntil: isoDate("Give the last day it is valid, as 2031-11-30."),
  })
  .refine((licence) => licence.validUntil >= licence.validFrom, {
    message: "The last valid day cannot come before the first.",
    path: ["validUntil"],
  });

/** Grants a licence (production licence, registration certificate or distribution filing). */
export async function grantLicence(
  party: PartyKey | null,
  input: unknown,
): Promise<FieldResponse<Confirmed & { licenceId: number }>> {
  const parsed = licenceSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { validFrom, validUntil, ...licence } = parsed.data;
  return asRegulator(party, async (actor) => {
    const tx = await backoffice.grantLicence(runtime().deployment, actor, {
      ...licence,
      from: validFrom,
      until: validUntil,
    });
    return { ...confirmed(tx), licenceId: Number(tx.created.licenceId) };
  });
}

const revocationSchema = z.object({
  revokedOn: isoDate("Give the day the revocation takes effect, as 2026-12-01.").refine(
    (day) => isoDateToSeconds(day) <= now(),
    { message: "A revocation takes effect today at the latest: it cannot rewrite the future." },
  ),
  reason,
});

/** Revokes a licence from a date on (no later than today); its history stays on the record. */
export async function revokeLicence(
  party: PartyKey | null,
  idText: string,
  input: unknown,
): Promise<FieldResponse<Confirmed>> {
  if (!ID.test(idText) || Number(idText) === 0)
    return fieldError(400, "invalid_id", "A licence number on the record is a whole number, e.g. 12.");
  const parsed = revocationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return asRegulator(party, async (actor) =>
    confirmed(
      await backoffice.revokeLicence(runtime().deployment, actor, {
        licenceId: Number(idText),
        on: parsed.data.revokedOn,
        reason: parsed.data.reason,
      }),
    ),
  );
}

const roleSchema = z.object({
  account: address("Choose the account (a registered participant, 0x…)."),
  role: z.enum(ROLES, { error: "Choose one of the eight roles." }),
  action: z.enum(["grant", "revoke"], { error: 'Say whether to "grant" or "revoke" the role.' }),
});

/** Grants a registered participant another role, or revokes one it holds. */
export async function changeRole(party: PartyKey | null, input: unknown): Promise<FieldResponse<Confirmed>> {
  const parsed = roleSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { action, ...change } = parsed.data;
  return asRegulator(party, async (actor) =>
    confirmed(
      action === "grant"
        ? await backoffice.grantRole(runtime().deployment, actor, change)
        : await backoffice.revokeRole(runtime().deployment, actor, change),
    ),
  );
}

const capSchema = z.object({
  category: z
    .number({ error: "Choose the mask category." })
    .int()
    .refine(isCategoryId, { message: "Choose the mask category." }),
  region: z
    .number({ error: "Give the administrative division code, e.g. 320500." })
    .int()
    .min(100000, "Give the six-digit administrative division code, e.g. 320500.")
    .max(999999, "Give the six-digit administrative division code, e.g. 320500."),
  channel: z.enum(["ex-factory", "wholesale", "retail"], { error: "Choose the channel." }),
  yuanPerPiece: z
    .union([z.number(), z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, "The cap is yuan per piece, e.g. 1.80.")])
    .transform(Number)
    .refine((yuan) => Number.isFinite(yuan) && yuan > 0 && yuan < 10_000, {
      message: "The cap is yuan per piece, more than zero, e.g. 1.80.",
    }),
  effectiveFrom: isoDate("Give the day the cap takes effect, as 2026-12-01."),
  legalBasis: z
    .string({ error: "Give the legal basis, e.g. 国市监竞争〔2020〕21号." })
    .trim()
    .min(3, "Give the legal basis, e.g. 国市监竞争〔2020〕21号.")
    .max(200, "Give the legal basis, e.g. 国市监竞争〔2020〕21号."),
});

/** Sets a price cap per category, region and channel from a date, with its legal basis. */
export async function setPriceCap(
  party: PartyKey | null,
  input: unknown,
): Promise<FieldResponse<Confirmed & { capId: number }>> {
  const parsed = capSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const cap = parsed.data;
  return asRegulator(party, async (actor) => {
    const tx = await backoffice.setPriceCap(runtime().deployment, actor, {
      category: cap.category,
      region: cap.region,
      channel: cap.channel,
      fen: Math.round(cap.yuanPerPiece * 100),
      from: cap.effectiveFrom,
      basis: cap.legalBasis,
    });
    return { ...confirmed(tx), capId: Number(tx.created.capId) };
  });
}

const recallSchema = z.object({
  gtin: z.string({ error: "Choose the batch." }).regex(/^\d{14}$/, "A GTIN is 14 digits."),
  lot: z.string({ error: "Choose the batch." }).trim().min(1, "Choose the batch.").max(20),
  reason,
});

/** Recalls a batch: every box of it reads suspect from the next verification on. */
export async function recallBatch(party: PartyKey | null, input: unknown): Promise<FieldResponse<Confirmed>> {
  const parsed = recallSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { gtin, lot } = parsed.data;
  const { deployment } = runtime();
  return asRegulator(party, async (actor) =>
    confirmed(
      await backoffice.recall(deployment, actor, {
        batchId: await batchIdOf(deployment, provider(), gtin, lot),
        reason: parsed.data.reason,
      }),
    ),
  );
}

const suspensionSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("suspend"),
    account: address("Choose the participant."),
    reason,
  }),
  z.object({ action: z.literal("reinstate"), account: address("Choose the participant.") }),
]);

/** Suspends a participant (with the reason) or lifts the regulator's suspension. */
export async function changeSuspension(
  party: PartyKey | null,
  input: unknown,
): Promise<FieldResponse<Confirmed>> {
  const parsed = suspensionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const change = parsed.data;
  const { deployment } = runtime();
  return asRegulator(party, async (actor) =>
    confirmed(
      change.action === "suspend"
        ? await backoffice.suspend(deployment, actor, { account: change.account, reason: change.reason })
        : await backoffice.reinstate(deployment, actor, { account: change.account }),
    ),
  );
}

// ---- reads for the page ----------------------------------------------------------------------------

export interface RegulatorDesk {
  now: number;
  today: string;
  participants: SellerStanding[];
  caps: PriceCapView[];
  observations: PriceObservation[];
  complaints: ComplaintSummary[];
  batches: BatchEntry[];
}

/** Everything /regulator shows, read at one moment; null when the chain does not answer. */
export async function regulatorDesk(): Promise<RegulatorDesk | null> {
  const { deployment } = runtime();
  const at = now();
  let read;
  try {
    const [participants, caps, complaints, batches] = await Promise.all([
      readParticipants(deployment, provider(), at),
      readPriceCaps(deployment, provider()),
      readComplaints(deployment, provider()),
      readBatches(deployment, provider()),
    ]);
    const observations = await readPriceObservations(deployment, provider(), caps);
    read = { participants, caps, complaints, batches, observations };
  } catch (error) {
    if (describeError(error).code === CHAIN_UNAVAILABLE.code) return null;
    throw error;
  }
  const { participants, caps, complaints, batches, observations } = read;
  return {
    now: at,
    today: secondsToIsoDate(startOfDay(at)),
    participants,
    caps,
    observations,
    complaints,
    batches,
  };
}
