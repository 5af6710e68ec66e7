// The field desk behind /inspector and /pharmacy: each action is one transaction signed as the acting
// party (see session.ts), answered with its block and hash or with the contract's refusal in words
// under a named 4xx. The contracts decide who may do what; nothing here second-guesses them.
import { z } from "zod";
import { parseScannedCode } from "../domain/gs1";
import { ActionError, backoffice, batchIdOf, type Actor, type TxResult } from "../chain/backoffice";
import { DemoKeysRefusedError } from "../chain/demo/accounts";
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
  type PriceRecordView,
  type QueuedComplaint,
  type SellerEntry,
  type SellerStanding,
  type ShipmentView,
} from "../chain/field";
import { rpcProvider } from "../chain/provider";
import { env } from "../env";
import { runtime } from "./runtime";
import { actorOf, fieldError, type ErrorReply, type FieldResponse, type FieldStatus } from "./session";

export type { QueuedComplaint, SellerEntry, SellerStanding, ShipmentView };

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
  // the back office (manufacturer, lab, auditor)
  NotBatchManufacturer: 403,
  BatchAlreadyRegistered: 409,
  LotAlreadyRegistered: 409,
  SterilisationAlreadyRecorded: 409,
  BatchAlreadyReleased: 409,
  BatchIsRecalled: 409,
  NotSterilised: 409,
  TestsNotPassed: 409,
  HoldNotElapsed: 409,
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

export async function actAs<T>(
  party: PartyKey | null,
  action: (actor: Actor) => Promise<T>,
): Promise<FieldResponse<T>> {
  if (party === null)
    return fieldError(401, "not_signed_in", "Choose who acts first (Demo: act as …) on the local chain.");
  try {
    const actor = await actorOf(party);
    return { status: 200, body: await oneAtATime(actor.address, () => action(actor)) };
  } catch (error) {
    if (error instanceof DemoKeysRefusedError) return fieldError(403, "demo_keys_refused", error.message);
    // A read before the transaction can fail too: every failure is answered in words, never a 500.
    const plain = error instanceof ActionError ? error.plain : describeError(error);
    return fieldError(STATUS_OF[plain.code] ?? 422, plain.code, plain.message);
  }
}

export const confirmed = (tx: TxResult): Confirmed => ({ txHash: tx.txHash, blockNumber: tx.blockNumber });

export function invalid(error: z.ZodError): ErrorReply {
  const issue = error.issues[0];
  return fieldError(
    400,
    "invalid_request",
    issue?.message ?? "The request is incomplete.",
    issue?.path.join(".") || undefined,
  );
}

type BoxRef = { gtin: string; lot: string; serial: string | null };

/** A scanned code naming a batch (and maybe a box), or a 400 saying what is missing. */
function boxOf(text: string): BoxRef | ErrorReply {
  const parsed = parseScannedCode(text);
  if (!parsed.ok) return fieldError(400, "invalid_code", parsed.error.message, "code");
  if (parsed.code.lot === null)
    return fieldError(
      400,
      "code_without_lot",
      "Scan the 2D code on the box, which carries its lot (a retail barcode does not).",
      "code",
    );
  return { gtin: parsed.code.gtin, lot: parsed.code.lot, serial: parsed.code.serial };
}

const codeField = z.string({ error: "Scan or type the code on the box." }).min(1).max(1024);
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

const priceSchema = z.object({
  seller: z.string().regex(ADDRESS, "Choose the seller (its address on the record, 0x…)."),
  code: codeField,
  yuanPerPiece: z
    .union([z.number(), z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, "The price is yuan per piece, e.g. 2.50.")])
    .transform(Number)
    .refine((yuan) => Number.isFinite(yuan) && yuan > 0 && yuan < 10_000, {
      message: "The price is yuan per piece, more than zero, e.g. 2.50.",
    }),
  photoHash: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, "The photo's hash is 0x followed by 64 hex digits (SHA-256)."),
});

export interface PriceRecorded extends Confirmed, PriceRecordView {}

/** An inspector records the price a seller asks, against the batch of a box on its shelf. */
export async function recordPrice(
  party: PartyKey | null,
  input: unknown,
): Promise<FieldResponse<PriceRecorded>> {
  const parsed = priceSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const box = boxOf(parsed.data.code);
  if ("status" in box) return box;
  const { deployment } = runtime();
  return actAs(party, async (actor) => {
    const seller = await readAccount(deployment, provider(), parsed.data.seller);
    const tx = await backoffice.recordPrice(deployment, actor, {
      seller: parsed.data.seller,
      batchId: await batchIdOf(deployment, provider(), box.gtin, box.lot),
      // The shop's own region: the cap in force where the price was asked.
      region: seller.region,
      channel: "retail",
      fen: Math.round(parsed.data.yuanPerPiece * 100),
      evidence: parsed.data.photoHash,
    });
    const record = await readPriceRecord(deployment, provider(), Number(tx.created.recordId));
    return { ...confirmed(tx), ...record };
  });
}

const saleSchema = z.object({ code: codeField });

/** A pharmacy decommissions a box it sells, so a copy of its code is caught later. */
export async function sellBox(party: PartyKey | null, input: unknown): Promise<FieldResponse<Confirmed>> {
  const parsed = saleSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const box = boxOf(parsed.data.code);
  if ("status" in box) return box;
  const serial = box.serial;
  if (serial === null || !/^\d{1,19}$/.test(serial))
    return fieldError(
      400,
      "code_without_serial",
      "Scan the 2D code on the box: it carries the serial.",
      "code",
    );
  const { deployment } = runtime();
  return actAs(party, async (actor) =>
    confirmed(
      await backoffice.decommission(deployment, actor, {
        batchId: await batchIdOf(deployment, provider(), box.gtin, box.lot),
        serial: Number(serial),
      }),
    ),
  );
}

const ID = /^\d{1,12}$/;
const decisionSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("accept") }),
  z.object({
    decision: z.literal("reject"),
    reason: z.string({ error: "Say why the delivery is rejected." }).trim().min(3).max(500),
  }),
]);

/** The recipient accepts or rejects a whole shipment in one transaction. */
export async function decideShipment(
  party: PartyKey | null,
  idText: string,
  input: unknown,
): Promise<FieldResponse<Confirmed>> {
  if (!ID.test(idText)) return fieldError(400, "invalid_id", "A shipment number is a whole number, e.g. 12.");
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const decision = parsed.data;
  const { deployment } = runtime();
  const shipmentId = Number(idText);
  return actAs(party, async (actor) =>
    confirmed(
      decision.decision === "accept"
        ? await backoffice.acceptShipment(deployment, actor, { shipmentId })
        : await backoffice.rejectShipment(deployment, actor, { shipmentId, reason: decision.reason }),
    ),
  );
}

const rulingSchema = z.object({
  upheld: z.boolean({ error: "Say whether the complaint is upheld (true) or dismissed (false)." }),
  reason: z.string({ error: "Give the reason for the ruling." }).trim().min(3).max(500),
});

/** An inspector rules on a complaint; the reason's hash goes on chain. */
export async function ruleOnComplaint(
  party: PartyKey | null,
  idText: string,
  input: unknown,
): Promise<FieldResponse<Confirmed>> {
  if (!ID.test(idText))
    return fieldError(400, "invalid_id", "A complaint number is a whole number, e.g. 12.");
  const parsed = rulingSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { deployment } = runtime();
  return actAs(party, async (actor) =>
    confirmed(
      await backoffice.ruleOnComplaint(deployment, actor, {
        complaintId: Number(idText),
        upheld: parsed.data.upheld,
        reason: parsed.data.reason,
      }),
    ),
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
