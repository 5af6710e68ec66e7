// The field desk behind /inspector and /pharmacy: each action is one transaction, answered with its block
// and hash or with the contract's refusal in words under a named 4xx. The acting account's wallet sends
// it (the server prepares it, then reads its receipt) or, on the demo chain, the demo's key: see
// desk-action.ts. The contracts decide who may do what; nothing here second-guesses them.
import { z } from "zod";
import { parseScannedCode } from "../domain/gs1";
import { batchIdOf, fieldCalls, type ContractCall, type TxResult } from "../chain/backoffice";
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
import { fieldError, type DeskActor, type ErrorReply, type FieldResponse } from "./session";
import { confirmed, deskAction, invalid, type Confirmed, type Prepared } from "./desk-action";
import { fieldWords, type FieldWords } from "./field-words";
import { FALLBACK_LOCALE, type Locale } from "../domain/locale";
import { translatorFor } from "../i18n/translator";
import type { Messages } from "../i18n/catalogues";

export type { QueuedComplaint, SellerEntry, SellerStanding, ShipmentOrder, ShipmentView };

export type { Confirmed, Prepared };

const provider = () => rpcProvider(env().rpcUrl, runtime().deployment.chainId);
const now = () => Math.floor(Date.now() / 1000);

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** One field action: one call, answered as FINISH reads it back (desk-action.ts runs it for either signer). */
function perform<T>(
  actor: DeskActor | null,
  input: unknown,
  locale: Locale,
  plan: () => Promise<ContractCall>,
): Promise<FieldResponse<T | Prepared>> {
  return deskAction<T>(
    actor,
    input,
    {
      first: plan,
      next: async ({ tx, method, args }) => {
        const read = FINISH[method];
        return read === undefined ? null : { done: (await read(tx, args)) as T };
      },
    },
    { locale },
  );
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
  actor: DeskActor | null,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<PriceRecorded | Prepared>> {
  const t = fieldWords(locale);
  const parsed = priceSchema(t).safeParse(input);
  if (!parsed.success) return invalid(parsed.error, t);
  const box = boxOf(parsed.data.code, t);
  if ("status" in box) return box;
  const { deployment } = runtime();
  return perform(actor, input, locale, async () => {
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
  actor: DeskActor | null,
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
  return perform(actor, input, locale, async () =>
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
  actor: DeskActor | null,
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
  return perform(actor, input, locale, async () =>
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
  actor: DeskActor | null,
  idText: string,
  input: unknown,
  locale: Locale = FALLBACK_LOCALE,
): Promise<FieldResponse<Confirmed | Prepared>> {
  const t = fieldWords(locale);
  if (!ID.test(idText)) return fieldError(400, "invalid_id", t("complaintId"));
  const parsed = rulingSchema(t).safeParse(input);
  if (!parsed.success) return invalid(parsed.error, t);
  return perform(actor, input, locale, async () =>
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
  actor: DeskActor | null,
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
  return perform(actor, input, locale, async () =>
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
