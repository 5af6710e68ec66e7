// A participant's public record: its standing (as the inspector reads it in field.ts), plus the recalls
// of batches it made, the complaints upheld against it and the purchase orders it settled.
import { getAddress, isAddress, zeroPadValue, type Provider, type Result } from "ethers";
import { bindContracts } from "./contracts";
import type { Deployment } from "./deployment";
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
  const participant = (await access.getFunction("participant")(address)) as Result;
  return Boolean(participant.getValue("registered"));
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
  const batches = bindContracts(deployment.addresses, provider).BatchRegistry;
  const registered = await batches.queryFilter(
    batches.getEvent("BatchRegistered")(null, null, manufacturer),
    deployment.deployedAtBlock,
  );
  const batchIds = registered.flatMap((log) => ("args" in log ? [String(log.args.getValue("batchId"))] : []));
  if (batchIds.length === 0) return [];
  const recalled = await batches.queryFilter(
    batches.getEvent("BatchRecalled")(batchIds.map((batchId) => zeroPadValue(batchId, 32))),
    deployment.deployedAtBlock,
  );
  const lots = await batchLots(deployment, provider, batchIds);
  return recalled.flatMap((log): RecallView[] => {
    if (!("args" in log)) return [];
    const batchId = String(log.args.getValue("batchId"));
    return [
      {
        batchId,
        lot: lots.get(batchId)?.lot ?? null,
        recalledAt: num(log.args.getValue("recalledAt")),
        reason: String(log.args.getValue("reason")),
      },
    ];
  });
}

async function upheldComplaintsAgainst(deployment: Deployment, provider: Provider, respondent: string) {
  const upheld = (await allComplaints(deployment, provider)).filter(
    (c) => sameAddress(c.getValue("respondent"), respondent) && complaintStatusOf(c) === "upheld",
  );
  const lots = await batchLots(
    deployment,
    provider,
    upheld.map((c) => String(c.getValue("batchId"))),
  );
  return upheld.map((c): UpheldComplaintView => ({
    id: num(c.getValue("id")),
    kind: complaintKindOf(c),
    lot: lots.get(String(c.getValue("batchId")))?.lot ?? null,
    ruledAt: num(c.getValue("ruledAt")),
    compensationFen: num(c.getValue("compensationFen")),
    fineFen: num(c.getValue("fineFen")),
  }));
}

/** Orders it bought or sold that have settled, from OrderSettled (its parties are not indexed there). */
async function settledOrdersOf(deployment: Deployment, provider: Provider, party: string) {
  const book = bindContracts(deployment.addresses, provider).OrderBook;
  const settled = await book.queryFilter("OrderSettled", deployment.deployedAtBlock);
  const orders = await Promise.all(
    settled.flatMap((log) =>
      "args" in log
        ? [
            (async () => ({
              order: (await book.getFunction("order")(log.args.getValue("orderId"))) as Result,
              accepted: num(log.args.getValue("rule")) === RECEIPT_ACCEPTED,
            }))(),
          ]
        : [],
    ),
  );
  return orders.flatMap(({ order, accepted }): SettledOrderView[] => {
    const role = sameAddress(order.getValue("seller"), party)
      ? "seller"
      : sameAddress(order.getValue("buyer"), party)
        ? "buyer"
        : null;
    if (role === null) return [];
    return [
      {
        id: num(order.getValue("id")),
        role,
        boxes: num(order.getValue("boxes")),
        amountFen: num(order.getValue("amountFen")),
        accepted,
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
