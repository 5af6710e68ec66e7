// The back office behind /manufacturer, /lab and /auditor: each action is the CLI's own calls
// (lib/chain/backoffice.ts's deskCalls) for the acting account, after the shared input rules
// (lib/domain/backoffice-input.ts) and a check of the account's role on the record; its wallet sends them
// (prepared and simulated here first) or, on the demo chain, the demo's key (desk-action.ts). Answers are
// the transaction's block and hash, or a named 4xx with the refusal in words, in the request's language.
import type { z } from "zod";
import { deskCalls } from "../chain/backoffice";
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
import { demoPlugin } from "../chain/demo-plugin";
import { readComplaint, type ComplaintRecord } from "../chain/complaints";
import { demoLabelKeyOf, keyedSecrets, possessionListFor } from "../chain/labels";
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
import { confirmed, confirmedCall, deskAction, holdingRole, oneCall, withBody } from "./desk-action";
import type { Confirmed, DeskPlan, Prepared } from "./desk-action";
import { madeLabelsOf } from "./batch-labels";
import { runtime } from "./runtime";
import {
  chainUnavailableReply,
  fieldError,
  type DeskActor,
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

/** The check before a desk's first call: 403 role_required when the record does not give the account `role`. */
const holding = (role: BackofficeRole, locale: Locale) =>
  holdingRole(role, locale, (name) => {
    const t = backofficeWords(locale);
    return fieldError(403, "role_required", t("roleRequired", { role: t(`roles.${role}`), name }));
  });

/** Runs a back-office action's plan for the actor, once the record gives it `role`. */
const act = <T>(
  actor: DeskActor | null,
  input: unknown,
  role: BackofficeRole,
  locale: Locale,
  plan: DeskPlan<T>,
) =>
  deskAction<T>(actor, input, plan, { locale, statuses: BACKOFFICE_STATUSES, guard: holding(role, locale) });

/** Runs `action` on a body that passes `schema` in the request's language (desk-action.ts's withBody). */
const checked = <S extends z.ZodType, T>(
  schema: (locale: Locale) => S,
  input: unknown,
  locale: Locale,
  action: (data: z.infer<S>) => Promise<FieldResponse<T>>,
) => withBody(schema(locale), input, backofficeWords(locale)("badRequest"), action);

const badBatchId = (locale: Locale) => fieldError(400, "invalid_batch", backofficeWords(locale)("batchId"));

// ---- actions ------------------------------------------------------------------------------------

export interface LotRegistered extends Confirmed {
  lotId: number;
  /** The delivery to the manufacturer, when one was named. */
  transfer: Confirmed | null;
}

/**
 * A supplier registers a meltblown lot and, when a manufacturer is named, delivers it to them: two calls,
 * the delivery prepared once the registration's receipt names the lot.
 */
export async function registerLot(
  actor: DeskActor | null,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<LotRegistered | Prepared>> {
  return checked(lotInput, input, locale, async (lot) => {
    const registration = deskCalls.registerLot({
      code: lot.code,
      grade: lot.grade,
      kg: lot.kg,
      report: `meltblown report ${lot.code}`,
    });
    return act<LotRegistered>(actor, input, "SUPPLIER", locale, {
      first: async () => registration,
      next: async ({ tx, method, args }) => {
        if (method === "registerLot") {
          const lotId = Number(tx.created.lotId);
          if (lot.manufacturer === undefined) return { done: { ...confirmed(tx), lotId, transfer: null } };
          return { call: deskCalls.transferLot({ lotId, to: lot.manufacturer }) };
        }
        if (method === "transferLot")
          return { done: { ...confirmed(tx), lotId: Number(args[0]), transfer: confirmed(tx) } };
        return null;
      },
    });
  });
}

export interface BatchRegistered extends Confirmed {
  batchId: string;
  boxes: number;
}

/**
 * A manufacturer registers a batch. Its labels are made where they are printed: the body carries the
 * label-signing key's address and the possession root the maker's browser (or the CLI) made
 * (batch-labels.ts), and the maker's wallet sends the registration. Without them, on the demo, the acting
 * party's demo key signs the labels here (labels.ts) and its list is published once the batch is on chain;
 * no other key is held here (409 signing_key_not_held).
 */
export async function registerBatch(
  actor: DeskActor | null,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<BatchRegistered | Prepared>> {
  return checked(batchInput, input, locale, async (batch) => {
    const made = madeLabelsOf(input, actor?.signer === "wallet", locale);
    if (made !== null && "status" in made) return made;
    const key = made === null && actor?.signer === "demo" ? demoLabelKeyOf(actor.account) : null;
    const boxes = boxesFor(batch.masks, batch.masksPerBox);
    const list = key && possessionListFor(keyedSecrets(key), batch.gtin, batch.lot, batch.serialStart, boxes);
    const labels =
      made ?? (key && list ? { signer: key.address, possessionRoot: possessionRoot(list.leaves) } : null);
    const maker = holding("MANUFACTURER", locale);
    // The role first, then the labels: a party that is no manufacturer is told so, not that no key is held.
    const guard = async (account: string) =>
      (await maker(account)) ??
      (labels === null
        ? fieldError(409, "signing_key_not_held", backofficeWords(locale)("labels.signingKeyNotHeld"))
        : null);
    return deskAction<BatchRegistered>(
      actor,
      input,
      {
        first: async () =>
          deskCalls.registerBatch({
            ...batch,
            manufacturer: actor?.account ?? "",
            signer: labels?.signer ?? "",
            possessionRoot: labels?.possessionRoot,
          }),
        next: async ({ tx, method }) => {
          if (method !== "registerBatch") return null;
          const batchId = tx.created.batchId ?? "";
          // The demo's list is published here; a browser's, by the browser once the batch is on chain.
          if (list) await runtime().possession.write(batchId, list);
          return { done: { ...confirmed(tx), batchId, boxes } };
        },
      },
      { locale, statuses: BACKOFFICE_STATUSES, guard },
    );
  });
}

/** The manufacturer records the end of sterilisation: the hold before release starts then. */
export async function recordSterilisation(
  actor: DeskActor | null,
  batchId: string,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<Confirmed | Prepared>> {
  if (!BATCH_ID.test(batchId)) return badBatchId(locale);
  return checked(sterilisationInput, input, locale, async (s) => {
    const call = deskCalls.recordSterilisation({
      batchId,
      sterilizer: s.sterilizer,
      method: s.method,
      startedAt: s.start,
      endedAt: s.end,
      report: `sterilisation ${batchId} ${s.end}`,
    });
    return act(actor, input, "MANUFACTURER", locale, confirmedCall(call));
  });
}

/** The manufacturer releases a batch; the contract refuses before the hold, untested or unsterilised. */
export async function releaseBatch(
  actor: DeskActor | null,
  batchId: string,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<Confirmed | Prepared>> {
  if (!BATCH_ID.test(batchId)) return badBatchId(locale);
  return act(actor, input, "MANUFACTURER", locale, confirmedCall(deskCalls.release({ batchId })));
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

/**
 * A lab posts a test report; a retest for a spec-failure complaint then rules on that complaint (a second
 * call, prepared once the report's receipt gives its index).
 */
export async function postTestReport(
  actor: DeskActor | null,
  batchId: string,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<ReportPosted | Prepared>> {
  if (!BATCH_ID.test(batchId)) return badBatchId(locale);
  return checked(testReportInput, input, locale, async (report) => {
    const { complaintId } = report;
    const wallet = typeof input === "object" && input !== null && "txHash" in input;
    if (complaintId !== undefined && !wallet) {
      const refused = await retestRefusal(complaintId, batchId, locale);
      if (refused !== null) return refused;
    }
    return act<ReportPosted>(actor, input, "LAB", locale, {
      first: async () =>
        deskCalls.postTestReport({
          batchId,
          results: report.results,
          report: `test report ${batchId} ${Date.now()}`,
          retest: report.retest || complaintId !== undefined,
        }),
      next: async ({ tx, method, args }) => {
        if (method === "postTestReport") {
          const reportIndex = Number(tx.created.reportIndex);
          if (complaintId === undefined) return { done: { ...confirmed(tx), reportIndex, ruling: null } };
          return { call: deskCalls.ruleByRetest({ complaintId, reportIndex, tracesToLot: false }) };
        }
        if (method !== "ruleByRetest") return null;
        const ruled = Number(args[0]);
        // The contract judged the report; its ruling is read back rather than guessed from the values.
        const decided = await readComplaint(provider(), runtime().deployment, ruled);
        const ruling = { ...confirmed(tx), complaintId: ruled, upheld: decided?.status === "upheld" };
        return { done: { ...confirmed(tx), reportIndex: Number(args[1]), ruling } };
      },
    });
  });
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
  actor: DeskActor | null,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<Attested | Prepared>> {
  return checked(attestationInput, input, locale, async (a) =>
    act(
      actor,
      input,
      "AUDITOR",
      locale,
      oneCall(
        "attestWorkshop",
        async () =>
          deskCalls.attestWorkshop({
            ...a,
            auditor: actor?.account ?? "",
            report: `attestation ${a.workshop} ${a.from}`,
          }),
        ({ tx }) => ({ ...confirmed(tx), attestationId: Number(tx.created.attestationId) }),
      ),
    ),
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

/** The sterilizer the demo makers contract (a default for the form; any name can be typed), or none. */
export const defaultSterilizer = (): string => demoPlugin()?.sterilizer ?? "";
