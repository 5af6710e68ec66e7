// A participant's public record: its standing (as the inspector reads it in field.ts), plus the recalls
// of batches it made, the complaints upheld against it and the purchase orders it settled.
import { getAddress, isAddress, type Provider } from "ethers";
import { bindContracts } from "./contracts";
import type { Deployment } from "./deployment";
import { readEvents } from "./logs";
import { allComplaints, batchLots, complaintKindOf, complaintStatusOf, readSellerStanding } from "./field";
import type { SellerStanding } from "./field";
import type { ComplaintKind } from "../domain/record";

/** IOrderBook.SettlementRule.ReceiptAccepted */
const RECEIPT_ACCEPTED = 0;

const num = (value: unknown) => Number(value as bigint);
const sameAddress = (a: unknown, b: string) => String(a).toLowerCase() === b.toLowerCase();

/** The checksummed address, or null for a text that is not one. */
export function participantAddress(text: string): string | null {
  return isAddress(text) ? getAddress(text) : null;
}

/** Whether the address is a registered participant: one call, for deciding a 404 before rendering. */
export async function isRegisteredParticipant(
  deployment: Deployment,
  provider: Provider,
  address: string,
): Promise<boolean> {
  const access = bindContracts(deployment.addresses, provider).AccessRegistry;
  const participant = await access.getFunction("participant")(address);
  return Boolean(participant.registered);
}

export interface RecallView {
  batchId: string;
  lot: string | null;
  recalledAt: number;
  reason: string;
}

export interface UpheldComplaintView {
  id: number;
  kind: ComplaintKind;
  lot: string | null;
  ruledAt: number;
  compensationFen: number;
  fineFen: number;
}

export interface SettledOrderView {
  id: number;
  role: "buyer" | "seller";
  boxes: number;
  amountFen: number;
  /** The delivery was accepted (rather than rejected or settled by a deadline). */
  accepted: boolean;
}

export interface ParticipantRecord extends SellerStanding {
  recalls: RecallView[];
  upheldComplaints: UpheldComplaintView[];
  settledOrders: SettledOrderView[];
}

/** Batches this manufacturer registered that were recalled, from the batches' events. */
async function recallsOf(deployment: Deployment, provider: Provider, manufacturer: string) {
  const registered = await readEvents(deployment, provider, "BatchRegistry", "BatchRegistered", [
    null,
    null,
    manufacturer,
  ]);
  const lots = new Map(registered.map(({ args }) => [String(args.batchId), String(args.lot)]));
  if (lots.size === 0) return [];
  const recalled = await readEvents(deployment, provider, "BatchRegistry", "BatchRecalled", [
    [...lots.keys()],
  ]);
  return recalled.map(({ args }): RecallView => {
    const batchId = String(args.batchId);
    return {
      batchId,
      lot: lots.get(batchId) ?? null,
      recalledAt: num(args.recalledAt),
      reason: String(args.reason),
    };
  });
}

async function upheldComplaintsAgainst(deployment: Deployment, provider: Provider, respondent: string) {
  const upheld = (await allComplaints(deployment, provider)).filter(
    (c) => sameAddress(c.respondent, respondent) && complaintStatusOf(c) === "upheld",
  );
  const lots = await batchLots(
    deployment,
    provider,
    upheld.map((c) => String(c.batchId)),
  );
  return upheld.map((c): UpheldComplaintView => ({
    id: num(c.id),
    kind: complaintKindOf(c),
    lot: lots.get(String(c.batchId))?.lot ?? null,
    ruledAt: num(c.ruledAt),
    compensationFen: num(c.compensationFen),
    fineFen: num(c.fineFen),
  }));
}

/**
 * Orders it bought or sold that have settled, from the events alone: its orders by OrderPlaced (buyer
 * and seller are indexed there, and an order's boxes and amount never change), then their settlements.
 */
async function settledOrdersOf(deployment: Deployment, provider: Provider, party: string) {
  const [bought, sold] = await Promise.all([
    readEvents(deployment, provider, "OrderBook", "OrderPlaced", [null, party]),
    readEvents(deployment, provider, "OrderBook", "OrderPlaced", [null, null, party]),
  ]);
  const placed = new Map(
    [
      ...bought.map(({ args }) => ({ args, role: "buyer" as const })),
      ...sold.map(({ args }) => ({ args, role: "seller" as const })),
    ].map(({ args, role }) => [num(args.orderId), { args, role }]),
  );
  if (placed.size === 0) return [];
  const settled = await readEvents(deployment, provider, "OrderBook", "OrderSettled", [[...placed.keys()]]);
  return settled.flatMap(({ args: settlement }): SettledOrderView[] => {
    const order = placed.get(num(settlement.orderId));
    if (order === undefined) return [];
    return [
      {
        id: num(order.args.orderId),
        role: order.role,
        boxes: num(order.args.boxes),
        amountFen: num(order.args.amountFen),
        accepted: num(settlement.rule) === RECEIPT_ACCEPTED,
      },
    ];
  });
}

/** The whole public record of a registered participant, or null when the address is not registered. */
export async function readParticipantRecord(
  deployment: Deployment,
  provider: Provider,
  address: string,
  now: number,
): Promise<ParticipantRecord | null> {
  const standing = await readSellerStanding(deployment, provider, address, now);
  if (!standing.registered) return null;
  const [recalls, upheldComplaints, settledOrders] = await Promise.all([
    standing.roles.includes("MANUFACTURER") ? recallsOf(deployment, provider, address) : [],
    upheldComplaintsAgainst(deployment, provider, address),
    settledOrdersOf(deployment, provider, address),
  ]);
  return { ...standing, recalls, upheldComplaints, settledOrders };
}
