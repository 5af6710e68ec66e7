// The back office behind /manufacturer, /lab and /auditor: each action is signed as the acting party
// (session.ts) through the CLI's own transaction builders (lib/chain/backoffice.ts), after the shared
// input rules (lib/domain/backoffice-input.ts) and a check of the party's role on the record. Answers
// are the transaction's block and hash, or a named 4xx with the refusal in words (field.ts's actAs), in
// the request's language.
import type { z } from "zod";
import { backoffice, type Actor } from "../chain/backoffice";
import {
  allLots,
  attestedWorkshops,
  batchIds,
  categoryRules,
  participantsWithRole,
  productsOf,
  readBatch,
  recentAttestations,
  releaseContext,
  retestsWanted,
  ruleSetFor,
  type AttestationView,
  type BatchView,
  type CategoryRulesView,
  type LotView,
  type ParticipantEntry,
  type ProductView,
  type ReleaseContext,
  type RetestWanted,
  type RuleSetView,
  type WorkshopView,
} from "../chain/backoffice-desk";
import { PARTIES, type PartyKey } from "../../scripts/demo/world";
import { readComplaint, type ComplaintRecord } from "../chain/complaints";
import { demoLabelKeyOfParty, keyedSecrets, possessionListFor } from "../chain/labels";
import { possessionRoot } from "../chain/possession";
import { rpcProvider } from "../chain/provider";
import {
  attestationInput,
  batchInput,
  lotInput,
  sterilisationInput,
  testReportInput,
} from "../domain/backoffice-input";
import { boxesFor, releaseReadiness, type ReleaseReadiness } from "../domain/backoffice";
import { env } from "../env";
import { FALLBACK_LOCALE, type Locale } from "../domain/locale";
import { translatorFor } from "../i18n/translator";
import { actAs, confirmed, invalid, type Confirmed } from "./field";
import { runtime } from "./runtime";
import {
  chainUnavailableReply,
  fieldError,
  readSession,
  type ErrorReply,
  type FieldResponse,
  type FieldStatus,
  type Role,
} from "./session";

export type {
  AttestationView,
  BatchView,
  CategoryRulesView,
  LotView,
  ParticipantEntry,
  ProductView,
  ReleaseContext,
  RetestWanted,
  RuleSetView,
  WorkshopView,
};

/** Contract refusals about who asks (403) and what already happened or must happen first (409). */
const BACKOFFICE_STATUSES: Record<string, FieldStatus> = {
  NotBatchManufacturer: 403,
  BatchAlreadyRegistered: 409,
  LotAlreadyRegistered: 409,
  SterilisationAlreadyRecorded: 409,
  BatchAlreadyReleased: 409,
  BatchIsRecalled: 409,
  NotSterilised: 409,
  TestsNotPassed: 409,
  HoldNotElapsed: 409,
};

const provider = () => rpcProvider(env().rpcUrl, runtime().deployment.chainId);
const now = () => Math.floor(Date.now() / 1000);
/** Unix seconds now: what the pages compare holds and validity with. */
export const currentTime = now;
const BATCH_ID = /^0x[0-9a-fA-F]{64}$/;

/** The back office's answers in the request's language (the backofficeApi catalogue). */
export const backofficeWords = (locale: Locale) => translatorFor(locale, "backofficeApi");

/** The roles the back office's actions need. */
type BackofficeRole = Extract<Role, "SUPPLIER" | "MANUFACTURER" | "LAB" | "AUDITOR">;

/**
 * Acts as `party` when the record gives it `role`: 401 without a party (the back office has the demo
 * switch, not a wallet), 403 role_required when the party does not hold the role (the contract would
 * refuse it anyway; this says so before sending).
 */
async function actWithRole<T>(
  party: PartyKey | null,
  role: BackofficeRole,
  action: (actor: Actor, party: PartyKey) => Promise<T>,
  locale: Locale,
): Promise<FieldResponse<T>> {
  const t = backofficeWords(locale);
  if (party === null) return fieldError(401, "not_signed_in", t("notSignedIn"));
  let roles: Role[];
  try {
    roles = (await readSession(party))?.roles ?? [];
  } catch (error) {
    return chainUnavailableReply(locale, error);
  }
  if (!roles.includes(role))
    return fieldError(
      403,
      "role_required",
      t("roleRequired", { role: t(`roles.${role}`), name: PARTIES[party].name }),
    );
  return actAs(party, (actor) => action(actor, party), BACKOFFICE_STATUSES, locale);
}

/**
 * Checks `input` against the schema worded in the reader's language; what the schema does not word
 * itself (a body that is not an object) gets the catalogue's general sentence rather than zod's English.
 */
function parse<S extends z.ZodType>(
  schema: (locale: Locale) => S,
  input: unknown,
  locale: Locale,
): { ok: true; data: z.infer<S> } | { ok: false; reply: ReturnType<typeof invalid> } {
  const parsed = schema(locale).safeParse(input, { error: () => backofficeWords(locale)("badRequest") });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, reply: invalid(parsed.error) };
}

const badBatchId = (locale: Locale) => fieldError(400, "invalid_batch", backofficeWords(locale)("batchId"));

// ---- actions ------------------------------------------------------------------------------------

export interface LotRegistered extends Confirmed {
  lotId: number;
  /** The delivery to the manufacturer, when one was named. */
  transfer: Confirmed | null;
}

/** A supplier registers a meltblown lot and, when a manufacturer is named, delivers it to them. */
export async function registerLot(
  party: PartyKey | null,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<LotRegistered>> {
  const parsed = parse(lotInput, input, locale);
  if (!parsed.ok) return parsed.reply;
  const lot = parsed.data;
  const { deployment } = runtime();
  return actWithRole(
    party,
    "SUPPLIER",
    async (actor) => {
      const registered = await backoffice.registerLot(deployment, actor, {
        code: lot.code,
        grade: lot.grade,
        kg: lot.kg,
        report: `meltblown report ${lot.code}`,
      });
      const lotId = Number(registered.created.lotId);
      const transfer =
        lot.manufacturer === undefined
          ? null
          : confirmed(await backoffice.transferLot(deployment, actor, { lotId, to: lot.manufacturer }));
      return { ...confirmed(registered), lotId, transfer };
    },
    locale,
  );
}

export interface BatchRegistered extends Confirmed {
  batchId: string;
  boxes: number;
}

/**
 * A manufacturer registers a batch: its serials signed by the party's serial-signing key (kept on the
 * server) and committed to the secrets printed inside its boxes, whose list is published once on chain.
 */
export async function registerBatch(
  party: PartyKey | null,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<BatchRegistered>> {
  const parsed = parse(batchInput, input, locale);
  if (!parsed.ok) return parsed.reply;
  const batch = parsed.data;
  const { deployment } = runtime();
  return actWithRole(
    party,
    "MANUFACTURER",
    async (actor, maker) => {
      const key = demoLabelKeyOfParty(PARTIES[maker].account);
      const boxes = boxesFor(batch.masks, batch.masksPerBox);
      const list = possessionListFor(keyedSecrets(key), batch.gtin, batch.lot, batch.serialStart, boxes);
      const tx = await backoffice.registerBatch(deployment, actor, {
        ...batch,
        signer: key.address,
        possessionRoot: possessionRoot(list.leaves),
      });
      const batchId = tx.created.batchId ?? "";
      await runtime().possession.write(batchId, list);
      return { ...confirmed(tx), batchId, boxes };
    },
    locale,
  );
}

/** The manufacturer records the end of sterilisation: the hold before release starts then. */
export async function recordSterilisation(
  party: PartyKey | null,
  batchId: string,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<Confirmed>> {
  if (!BATCH_ID.test(batchId)) return badBatchId(locale);
  const parsed = parse(sterilisationInput, input, locale);
  if (!parsed.ok) return parsed.reply;
  const s = parsed.data;
  const { deployment } = runtime();
  return actWithRole(
    party,
    "MANUFACTURER",
    async (actor) =>
      confirmed(
        await backoffice.recordSterilisation(deployment, actor, {
          batchId,
          sterilizer: s.sterilizer,
          method: s.method,
          startedAt: s.start,
          endedAt: s.end,
          report: `sterilisation ${batchId} ${s.end}`,
        }),
      ),
    locale,
  );
}

/** The manufacturer releases a batch; the contract refuses before the hold, untested or unsterilised. */
export async function releaseBatch(
  party: PartyKey | null,
  batchId: string,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<Confirmed>> {
  if (!BATCH_ID.test(batchId)) return badBatchId(locale);
  const { deployment } = runtime();
  return actWithRole(
    party,
    "MANUFACTURER",
    async (actor) => confirmed(await backoffice.release(deployment, actor, { batchId })),
    locale,
  );
}

export interface RetestRuling extends Confirmed {
  complaintId: number;
  /** A failing retest upholds the complaint; a passing one dismisses it. */
  upheld: boolean;
}

export interface ReportPosted extends Confirmed {
  reportIndex: number;
  /** The retest ruling on the complaint it answers, when one was named. */
  ruling: RetestRuling | null;
}

/** A lab posts a test report; a retest for a spec-failure complaint then rules on that complaint. */
export async function postTestReport(
  party: PartyKey | null,
  batchId: string,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<ReportPosted>> {
  if (!BATCH_ID.test(batchId)) return badBatchId(locale);
  const parsed = parse(testReportInput, input, locale);
  if (!parsed.ok) return parsed.reply;
  const report = parsed.data;
  const { deployment } = runtime();
  if (report.complaintId !== undefined) {
    const refused = await retestRefusal(report.complaintId, batchId, locale);
    if (refused !== null) return refused;
  }
  return actWithRole(
    party,
    "LAB",
    async (actor) => {
      const posted = await backoffice.postTestReport(deployment, actor, {
        batchId,
        results: report.results,
        report: `test report ${batchId} ${Date.now()}`,
        retest: report.retest || report.complaintId !== undefined,
      });
      const reportIndex = Number(posted.created.reportIndex);
      const { complaintId } = report;
      if (complaintId === undefined) return { ...confirmed(posted), reportIndex, ruling: null };
      const ruled = await backoffice.ruleByRetest(deployment, actor, {
        complaintId,
        reportIndex,
        tracesToLot: false,
      });
      // The contract judged the report; its ruling is read back rather than guessed from the values.
      const decided = await readComplaint(provider(), deployment, complaintId);
      const ruling = { ...confirmed(ruled), complaintId, upheld: decided?.status === "upheld" };
      return { ...confirmed(posted), reportIndex, ruling };
    },
    locale,
  );
}

/**
 * Why a retest of `batchId` cannot decide complaint `id`, or null when it can. Checked before the report
 * is posted: the report and the ruling are two transactions, and a ruling the contract would refuse
 * must not leave a report behind that the lab would then post again.
 */
async function retestRefusal(id: number, batchId: string, locale: Locale): Promise<ErrorReply | null> {
  let complaint: ComplaintRecord | null;
  try {
    complaint = await readComplaint(provider(), runtime().deployment, id);
  } catch (error) {
    return chainUnavailableReply(locale, error);
  }
  const t = backofficeWords(locale);
  if (complaint === null)
    return fieldError(404, "complaint_not_found", t("retest.notFound", { id }), "complaintId");
  if (complaint.batchId.toLowerCase() !== batchId.toLowerCase())
    return fieldError(
      422,
      "complaint_of_other_batch",
      t("retest.otherBatch", { id, lot: complaint.lot }),
      "complaintId",
    );
  if (complaint.kind !== "spec-failure")
    return fieldError(422, "RetestNotApplicable", t("retest.notSpecFailure", { id }), "complaintId");
  if (complaint.status === "upheld" || complaint.status === "dismissed")
    return fieldError(
      409,
      "complaint_already_ruled",
      t("retest.alreadyRuled", { id, status: complaint.status }),
      "complaintId",
    );
  return null;
}

export interface Attested extends Confirmed {
  attestationId: number;
}

/** An auditor attests a workshop's cleanliness, staff health checks and training for a period. */
export async function attestWorkshop(
  party: PartyKey | null,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<Attested>> {
  const parsed = parse(attestationInput, input, locale);
  if (!parsed.ok) return parsed.reply;
  const a = parsed.data;
  const { deployment } = runtime();
  return actWithRole(
    party,
    "AUDITOR",
    async (actor) => {
      const tx = await backoffice.attestWorkshop(deployment, actor, {
        ...a,
        report: `attestation ${a.workshop} ${a.from}`,
      });
      return { ...confirmed(tx), attestationId: Number(tx.created.attestationId) };
    },
    locale,
  );
}

// ---- reads for the pages ------------------------------------------------------------------------

export interface BatchDesk {
  batch: BatchView;
  context: ReleaseContext;
  readiness: ReleaseReadiness;
}

export async function batchDesk(batch: BatchView, at = now()): Promise<BatchDesk> {
  const context = await releaseContext(runtime().deployment, provider(), batch, at);
  return {
    batch,
    context,
    readiness: releaseReadiness({
      sterilisedAt: batch.sterilisedAt,
      minHoldDays: context.rules.minHoldDays,
      testsPassed: batch.testsPassed,
      releasedAt: batch.releasedAt,
      recalledAt: batch.recalledAt,
      now: at,
    }),
  };
}

const BATCHES_SHOWN = 12;

export interface ManufacturerDesk {
  products: (ProductView & { rules: CategoryRulesView })[];
  lots: LotView[];
  workshops: WorkshopView[];
  batches: BatchDesk[];
}

/** What a manufacturer works with: its products, meltblown in stock, workshops and latest batches. */
export async function manufacturerDesk(address: string): Promise<ManufacturerDesk> {
  const { deployment } = runtime();
  const [products, lots, workshops, ids] = await Promise.all([
    productsOf(deployment, provider(), address),
    allLots(deployment, provider()),
    attestedWorkshops(deployment, provider(), address),
    batchIds(deployment, provider(), address),
  ]);
  const categories = [...new Set(products.map((p) => p.category))];
  const rules = new Map(
    await Promise.all(
      categories.map(async (c) => [c, await categoryRules(deployment, provider(), c)] as const),
    ),
  );
  const batches = (
    await Promise.all(
      ids.slice(0, BATCHES_SHOWN).map((batchId) => readBatch(deployment, provider(), batchId)),
    )
  ).filter((b): b is BatchView => b !== null);
  return {
    products: products.flatMap((p) => {
      const r = rules.get(p.category);
      return r === undefined ? [] : [{ ...p, rules: r }];
    }),
    lots: lots.filter((l) => l.owner.toLowerCase() === address.toLowerCase()),
    workshops,
    batches: await Promise.all(batches.map((b) => batchDesk(b))),
  };
}

export interface SupplierDesk {
  lots: LotView[];
  manufacturers: ParticipantEntry[];
}

/** A meltblown supplier's lots and the manufacturers it can deliver to. */
export async function supplierDesk(address: string): Promise<SupplierDesk> {
  const { deployment } = runtime();
  const [lots, manufacturers] = await Promise.all([
    allLots(deployment, provider()),
    participantsWithRole(deployment, provider(), "MANUFACTURER"),
  ]);
  return {
    lots: lots.filter((l) => l.supplier.toLowerCase() === address.toLowerCase()).reverse(),
    manufacturers,
  };
}

export interface LabBatch {
  batch: BatchView;
  ruleSet: RuleSetView | null;
}

export interface LabDesk {
  batches: LabBatch[];
  retests: RetestWanted[];
}

const LAB_BATCHES_SHOWN = 30;

/** The batches a lab may test (newest first) with the rule set each is judged by, and the retests wanted. */
export async function labDesk(): Promise<LabDesk> {
  const { deployment } = runtime();
  const [ids, retests] = await Promise.all([
    batchIds(deployment, provider(), null),
    retestsWanted(deployment, provider()),
  ]);
  const wanted = new Set(retests.map((r) => r.batchId));
  // Batches a retest is wanted for come first, whatever their age.
  const shown = [...new Set([...ids.filter((b) => wanted.has(b)), ...ids])].slice(0, LAB_BATCHES_SHOWN);
  const batches = (await Promise.all(shown.map((b) => readBatch(deployment, provider(), b)))).filter(
    (b): b is BatchView => b !== null,
  );
  return {
    retests,
    batches: await Promise.all(
      batches.map(async (batch) => ({
        batch,
        ruleSet: await ruleSetFor(deployment, provider(), batch.category, batch.productionDate),
      })),
    ),
  };
}

export interface AuditorDesk {
  manufacturers: ParticipantEntry[];
  workshops: WorkshopView[];
  attestations: AttestationView[];
}

const ATTESTATIONS_SHOWN = 10;

export async function auditorDesk(): Promise<AuditorDesk> {
  const { deployment } = runtime();
  const [manufacturers, workshops, attestations] = await Promise.all([
    participantsWithRole(deployment, provider(), "MANUFACTURER"),
    attestedWorkshops(deployment, provider(), null),
    recentAttestations(deployment, provider(), ATTESTATIONS_SHOWN),
  ]);
  return { manufacturers, workshops, attestations };
}

/** One batch, or null for an id that is malformed or not registered. */
export function batchById(batchId: string): Promise<BatchView | null> {
  return BATCH_ID.test(batchId)
    ? readBatch(runtime().deployment, provider(), batchId)
    : Promise.resolve(null);
}

/** The sterilizer the demo makers contract (a default for the form; any name can be typed). */
export { STERILIZER as DEFAULT_STERILIZER } from "../../scripts/demo/world";
