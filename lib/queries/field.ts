// The field desk behind /inspector and /pharmacy: each action is one transaction, answered with its block
// and hash or with the contract's refusal in words under a named 4xx. On the local demo chain the server
// signs it as the acting party (see session.ts); with `from` in the request (a browser wallet's account)
// it only prepares the call for that wallet, simulated first, and `finishWalletTx` reads the receipt of
// what the wallet sent. The contracts decide who may do what; nothing here second-guesses them.
import { z } from "zod";
import { parseScannedCode } from "../domain/gs1";
import {
  ActionError,
  batchIdOf,
  fieldCalls,
  sendCall,
  type Actor,
  type ContractCall,
  type TxResult,
} from "../chain/backoffice";
import { awaitWalletTx, prepareCall, type PreparedTx } from "../chain/wallet";
import { onDisk } from "../chain/durability";
import { DemoKeysRefusedError, LOCAL_CHAIN_ID } from "../chain/demo/accounts";
import { describeError } from "../chain/errors";
import type { PartyKey } from "../chain/demo/world";
import {
  complaintsAwaitingRuling,
  listSellers,
  pendingShipmentsTo,
  readAccount,
  readPriceRecord,
  readSellerStanding,
  readShipment,
  readOrderOfShipment,
  type PriceRecordView,
  type QueuedComplaint,
  type SellerEntry,
  type SellerStanding,
  type ShipmentOrder,
  type ShipmentView,
} from "../chain/field";
import { rpcProvider } from "../chain/provider";
import { env } from "../env";
import { runtime } from "./runtime";
import {
  actorOf,
  chainUnavailableReply,
  fieldError,
  type ErrorReply,
  type FieldResponse,
  type FieldStatus,
} from "./session";
import { fieldWords, type FieldWords } from "./field-words";
import { FALLBACK_LOCALE, type Locale } from "../domain/locale";
import { translatorFor } from "../i18n/translator";
import type { Messages } from "../i18n/catalogues";

export type { QueuedComplaint, SellerEntry, SellerStanding, ShipmentOrder, ShipmentView };

export interface Confirmed {
  txHash: string;
  blockNumber: number;
}

const provider = () => rpcProvider(env().rpcUrl, runtime().deployment.chainId);
const now = () => Math.floor(Date.now() / 1000);

/** Contract refusals that are about who is asking, what does not exist, or what already happened. */
const STATUS_OF: Record<string, FieldStatus> = {
  CallerLacksRole: 403,
  AccessControlUnauthorizedAccount: 403,
  NotShipmentRecipient: 403,
  ParticipantIsSuspended: 403,
  PartySuspendedForBond: 403,
  SenderNotLicensed: 403,
  ShipmentNotFound: 404,
  ComplaintNotFound: 404,
  BatchNotFound: 404,
  ShipmentNotPending: 409,
  AlreadyDecommissioned: 409,
  ComplaintAlreadyRuled: 409,
  FindingAlreadyRecorded: 409,
  chain_unavailable: 503,
};

/** One transaction per account at a time, so two quick clicks never race for the same nonce. */
const queues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(address: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(address) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(task);
  queues.set(address, next);
  return next;
}

/** A failure in words under its status: never a 500. */
function refusal(error: unknown, statuses: Record<string, FieldStatus>, locale: Locale): ErrorReply {
  if (error instanceof DemoKeysRefusedError)
    return fieldError(
      403,
      "demo_keys_refused",
      fieldWords(locale)("demoKeysRefused", { local: LOCAL_CHAIN_ID, chain: String(error.chainId) }),
    );
  // A read before the transaction can fail too: every failure is answered in words, never a 500.
  const plain = error instanceof ActionError ? error.plainIn(locale) : describeError(error, locale);
  return fieldError(statuses[plain.code] ?? STATUS_OF[plain.code] ?? 422, plain.code, plain.message);
}

/** Signs `action` as the acting party; a refusal is answered under STATUS_OF, then `statuses`, else 422. */
/**
 * After a confirmed write: its state on disk (on the embedded chain), and no cached read older than it,
 * so the page reloaded next shows it. False when the state could not be saved.
 */
async function settled(): Promise<boolean> {
  if (!(await onDisk(runtime().durability))) return false;
  runtime().forgetCachedReads();
  return true;
}

export async function actAs<T>(
  party: PartyKey | null,
  action: (actor: Actor) => Promise<T>,
  statuses: Record<string, FieldStatus> = {},
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<T>> {
  if (party === null) return fieldError(401, "not_signed_in", fieldWords(locale)("notSignedIn"));
  try {
    const actor = await actorOf(party);
    const body = await oneAtATime(actor.address, () => action(actor));
    // Outside the account's queue, so its next action is sent while this one's state is saved.
    if (!(await settled())) return chainUnavailableReply(locale);
    return { status: 200, body };
  } catch (error) {
    return refusal(error, statuses, locale);
  }
}

export const confirmed = (tx: TxResult): Confirmed => ({ txHash: tx.txHash, blockNumber: tx.blockNumber });

/** The call a browser wallet is to send: `eth_sendTransaction` with these. */
export interface Prepared {
  prepared: PreparedTx;
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * One field action: with `from` (a wallet's account) in the request, the call prepared for that wallet,
 * simulated as it; otherwise signed as the acting demo party and read back by FINISH.
 */
async function perform<T>(
  party: PartyKey | null,
  input: unknown,
  locale: Locale,
  plan: () => Promise<ContractCall>,
): Promise<FieldResponse<T | Prepared>> {
  const t = fieldWords(locale);
  const from = typeof input === "object" && input !== null ? (input as { from?: unknown }).from : undefined;
  if (from === undefined)
    return actAs(
      party,
      async (actor) => {
        const call = await plan();
        return (await finish(await sendCall(runtime().deployment, actor, call), call)) as T;
      },
      {},
      locale,
    );
  if (typeof from !== "string" || !ADDRESS.test(from))
    return fieldError(400, "invalid_request", t("badFrom"), "from");
  try {
    return {
      status: 200,
      body: { prepared: await prepareCall(runtime().deployment, provider(), from, await plan()) },
    };
  } catch (error) {
    return refusal(error, {}, locale);
  }
}

/** A confirmed tip's finding on chain: the tip named by its evidence leaves the open queue. */
async function tipConfirmed(tx: TxResult, args: readonly unknown[]): Promise<TipDecided> {
  const store = runtime().tipStore;
  const tip = await store.byEvidence(String(args[2]));
  const finding = Number(tx.created.findingId);
  if (tip !== null) {
    await store.decide(tip.id, {
      status: "confirmed",
      at: now(),
      by: `finding ${finding}`,
      findingTx: tx.txHash,
    });
  }
  return { ...confirmed(tx), tipId: tip?.id ?? null, findingId: finding, status: "confirmed" };
}

/** A receipt (accepted or rejected), with the purchase order it settled in the same transaction. */
const shipmentDecided = async (tx: TxResult, [shipmentId]: readonly unknown[]): Promise<ShipmentDecided> => ({
  ...confirmed(tx),
  order: await readOrderOfShipment(runtime().deployment, provider(), Number(shipmentId)),
});

/** What each field call's answer says beyond its block and hash, read back from the chain. */
const FINISH: Record<string, (tx: TxResult, args: readonly unknown[]) => Promise<object>> = {
  recordPrice: async (tx) => ({
    ...confirmed(tx),
    ...(await readPriceRecord(runtime().deployment, provider(), Number(tx.created.recordId))),
  }),
  acceptShipment: shipmentDecided,
  rejectShipment: shipmentDecided,
  decommission: async (tx) => confirmed(tx),
  rule: async (tx) => confirmed(tx),
  recordCounterfeitFinding: tipConfirmed,
};

const finish = (tx: TxResult, call: ContractCall) =>
  (FINISH[call.method] ?? (async () => confirmed(tx)))(tx, call.args);

const receiptSchema = (t: FieldWords) =>
  z.object({ txHash: z.string({ error: t("badTxHash") }).regex(/^0x[0-9a-fA-F]{64}$/, t("badTxHash")) });

/**
 * A wallet's field transaction once mined, answered as the demo path answers the same action; a revert
 * in the contract's words. Only the field desk's calls are read.
 */
export async function finishWalletTx(
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<object>> {
  const t = fieldWords(locale);
  const parsed = receiptSchema(t).safeParse(input);
  if (!parsed.success) return invalid(parsed.error, t);
  try {
    const tx = await awaitWalletTx(runtime().deployment, provider(), parsed.data.txHash);
    const read = FINISH[tx.method];
    if (read === undefined) return fieldError(400, "not_a_field_action", t("notFieldAction"));
    if (!(await settled())) return chainUnavailableReply(locale);
    return { status: 200, body: await read(tx, tx.args) };
  } catch (error) {
    return refusal(error, {}, locale);
  }
}

export function invalid(error: z.ZodError, t: FieldWords = fieldWords()): ErrorReply {
  const issue = error.issues[0];
  return fieldError(
    400,
    "invalid_request",
    issue?.message ?? t("incomplete"),
    issue?.path.join(".") || undefined,
  );
}

type BoxRef = { gtin: string; lot: string; serial: string | null };

/** A scanned code naming a batch (and maybe a box), or a 400 saying what is missing. */
function boxOf(text: string, t: FieldWords): BoxRef | ErrorReply {
  const parsed = parseScannedCode(text);
  if (!parsed.ok) return fieldError(400, "invalid_code", parsed.error.message, "code");
  if (parsed.code.lot === null) return fieldError(400, "code_without_lot", t("codeWithoutLot"), "code");
  return { gtin: parsed.code.gtin, lot: parsed.code.lot, serial: parsed.code.serial };
}

const codeField = (t: FieldWords) =>
  z
    .string({ error: t("code") })
    .min(1, t("code"))
    .max(1024, t("code"));

const priceSchema = (t: FieldWords) =>
  z.object({
    seller: z.string({ error: t("seller") }).regex(ADDRESS, t("seller")),
    code: codeField(t),
    yuanPerPiece: z
      .union([z.number(), z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, t("price"))], { error: t("price") })
      .transform(Number)
      .refine((yuan) => Number.isFinite(yuan) && yuan > 0 && yuan < 10_000, { message: t("price") }),
    photoHash: z.string({ error: t("photoHash") }).regex(/^0x[0-9a-fA-F]{64}$/, t("photoHash")),
  });

export interface PriceRecorded extends Confirmed, PriceRecordView {}

/** An inspector records the price a seller asks, against the batch of a box on its shelf. */
export async function recordPrice(
  party: PartyKey | null,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<PriceRecorded | Prepared>> {
  const t = fieldWords(locale);
  const parsed = priceSchema(t).safeParse(input);
  if (!parsed.success) return invalid(parsed.error, t);
  const box = boxOf(parsed.data.code, t);
  if ("status" in box) return box;
  const { deployment } = runtime();
  return perform(party, input, locale, async () => {
    const seller = await readAccount(deployment, provider(), parsed.data.seller);
    return fieldCalls.recordPrice({
      seller: parsed.data.seller,
      batchId: await batchIdOf(deployment, provider(), box.gtin, box.lot),
      // The shop's own region: the cap in force where the price was asked.
      region: seller.region,
      channel: "retail",
      fen: Math.round(parsed.data.yuanPerPiece * 100),
      evidence: parsed.data.photoHash,
    });
  });
}

const saleSchema = (t: FieldWords) => z.object({ code: codeField(t) });

/** A pharmacy decommissions a box it sells, so a copy of its code is caught later. */
export async function sellBox(
  party: PartyKey | null,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<Confirmed | Prepared>> {
  const t = fieldWords(locale);
  const parsed = saleSchema(t).safeParse(input);
  if (!parsed.success) return invalid(parsed.error, t);
  const box = boxOf(parsed.data.code, t);
  if ("status" in box) return box;
  const serial = box.serial;
  if (serial === null || !/^\d{1,19}$/.test(serial))
    return fieldError(400, "code_without_serial", t("codeWithoutSerial"), "code");
  const { deployment } = runtime();
  return perform(party, input, locale, async () =>
    fieldCalls.decommission({
      batchId: await batchIdOf(deployment, provider(), box.gtin, box.lot),
      serial: Number(serial),
    }),
  );
}

const ID = /^\d{1,12}$/;
const decisionSchema = (t: FieldWords) =>
  z.discriminatedUnion("decision", [
    z.object({ decision: z.literal("accept") }),
    z.object({
      decision: z.literal("reject"),
      reason: z
        .string({ error: t("rejectReason") })
        .trim()
        .min(3, t("rejectReason"))
        .max(500, t("rejectReason")),
    }),
  ]);

/** The receipt, and the purchase order it settled in the same transaction (null when none). */
export interface ShipmentDecided extends Confirmed {
  order: ShipmentOrder | null;
}

/**
 * The recipient accepts or rejects a whole shipment in one transaction, which also settles the purchase
 * order the shipment fulfils: accepted → the seller is paid from escrow, rejected → the buyer refunded.
 */
export async function decideShipment(
  party: PartyKey | null,
  idText: string,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<ShipmentDecided | Prepared>> {
  const t = fieldWords(locale);
  if (!ID.test(idText)) return fieldError(400, "invalid_id", t("shipmentId"));
  const parsed = decisionSchema(t).safeParse(input);
  if (!parsed.success) return invalid(parsed.error, t);
  const decision = parsed.data;
  const shipmentId = Number(idText);
  return perform(party, input, locale, async () =>
    decision.decision === "accept"
      ? fieldCalls.acceptShipment({ shipmentId })
      : fieldCalls.rejectShipment({ shipmentId, reason: decision.reason }),
  );
}

const rulingSchema = (t: FieldWords) =>
  z.object({
    upheld: z.boolean({ error: t("upheld") }),
    reason: z
      .string({ error: t("rulingReason") })
      .trim()
      .min(3, t("rulingReason"))
      .max(500, t("rulingReason")),
  });

/** An inspector rules on a complaint; the reason's hash goes on chain. */
export async function ruleOnComplaint(
  party: PartyKey | null,
  idText: string,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<Confirmed | Prepared>> {
  const t = fieldWords(locale);
  if (!ID.test(idText)) return fieldError(400, "invalid_id", t("complaintId"));
  const parsed = rulingSchema(t).safeParse(input);
  if (!parsed.success) return invalid(parsed.error, t);
  return perform(party, input, locale, async () =>
    fieldCalls.ruleOnComplaint({
      complaintId: Number(idText),
      upheld: parsed.data.upheld,
      reason: parsed.data.reason,
    }),
  );
}

export interface TipDecided extends Confirmed {
  tipId: number | null;
  findingId: number;
  status: "confirmed";
}

export interface TipDismissed {
  tipId: number;
  status: "dismissed";
}

const tipDecisionSchema = (t: TipWords) =>
  z.object({
    decision: z.enum(["confirm", "dismiss"], { error: t("decision") }),
  });

type TipWords = (key: "decision") => string;

/**
 * An inspector's decision on a tip. Dismissing only closes it (a tip charges nobody). Confirming records
 * a counterfeit finding against the named seller on chain, sent as every field action is (the acting
 * demo party, or prepared for the inspector's wallet): the tip leaves the queue once the finding is
 * confirmed (tipConfirmed). `session` is who the request's cookies name, for the role check.
 */
export async function decideTip(
  party: PartyKey | null,
  session: { address: string; roles: readonly string[] } | null,
  idText: string,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<TipDecided | TipDismissed | Prepared>> {
  const tips = translatorFor(locale, "tips");
  const t = (key: keyof Messages["tips"]["api"], values?: Record<string, string>) =>
    tips(`api.${key}`, values);
  if (session === null) return fieldError(401, "not_signed_in", fieldWords(locale)("notSignedIn"));
  if (!session.roles.includes("INSPECTOR")) return fieldError(403, "not_inspector", t("notInspector"));
  if (!ID.test(idText)) return fieldError(400, "invalid_id", t("tipId"), "id");
  const parsed = tipDecisionSchema(t).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const store = runtime().tipStore;
  const tip = await store.get(Number(idText));
  if (tip === null) return fieldError(404, "tip_not_found", t("tipNotFound", { id: idText }));
  if (tip.status !== "open") return fieldError(409, "tip_decided", t("tipDecided", { id: idText }));
  if (parsed.data.decision === "dismiss") {
    if (
      !(await store.decide(tip.id, { status: "dismissed", at: now(), by: session.address, findingTx: null }))
    )
      return fieldError(409, "tip_decided", t("tipDecided", { id: idText }));
    return { status: 200, body: { tipId: tip.id, status: "dismissed" } };
  }
  const seller = tip.sellerAddress;
  if (seller === null) return fieldError(422, "seller_not_registered", t("sellerNotRegistered"), "seller");
  return perform(party, input, locale, async () =>
    fieldCalls.recordCounterfeitFinding({ seller, batchId: tip.batchId, evidenceHash: tip.evidenceHash }),
  );
}

// ---- reads for the pages -------------------------------------------------------------------------

export const sellers = (): Promise<SellerEntry[]> => listSellers(runtime().deployment, provider());

/** A seller's standing, or null for a text that is not an address. */
export function sellerStanding(address: string): Promise<SellerStanding> | null {
  return ADDRESS.test(address) ? readSellerStanding(runtime().deployment, provider(), address, now()) : null;
}

export const pendingShipments = (recipient: string): Promise<ShipmentView[]> =>
  pendingShipmentsTo(runtime().deployment, provider(), recipient);

export function shipmentOrder(idText: string): Promise<ShipmentOrder | null> {
  return ID.test(idText)
    ? readOrderOfShipment(runtime().deployment, provider(), Number(idText))
    : Promise.resolve(null);
}

export function shipment(idText: string): Promise<ShipmentView | null> {
  return ID.test(idText)
    ? readShipment(runtime().deployment, provider(), Number(idText))
    : Promise.resolve(null);
}

/** Complaints not yet ruled on; `ruleable` once the party answered or its answer window closed. */
export async function complaintQueue(): Promise<(QueuedComplaint & { ruleable: boolean })[]> {
  const queue = await complaintsAwaitingRuling(runtime().deployment, provider());
  const at = now();
  return queue.map((c) => ({ ...c, ruleable: c.status === "answered" || at > c.answerDeadline }));
}
