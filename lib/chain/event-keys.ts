// What a MedProof event changes, as the invalidation keys of the read cache (keyed-cache.ts): read from
// the event's indexed topics, so no event needs decoding beyond its topics. The same keys name what a
// cached read was built from (readKeys below), so an event invalidates exactly the reads it can change.
// An event this table does not know clears everything: a safe default for a contract that grows.
import { CONTRACT_NAMES, contractInterface } from "./contracts";
import type { BoxRecord } from "../domain/record";

/** A log as eth_subscribe "logs" delivers it. */
export interface ChainLog {
  address: string;
  topics: string[];
  blockNumber: string;
  /** True when a reorg took the log out of the chain. */
  removed?: boolean;
}

type KeyKind = "batch" | "party" | "category" | "product" | "lot" | "complaint" | "serial";

/** A number as a key writes it, whether it came as a topic's decimal text, a number or a bigint. */
type Numeric = string | number | bigint;
export const batchKey = (batchId: string) => `batch:${batchId.toLowerCase()}`;
export const partyKey = (account: string) => `party:${account.toLowerCase()}`;
export const categoryKey = (category: Numeric) => `category:${BigInt(category)}`;
export const productKey = (gtin: Numeric) => `product:${BigInt(gtin)}`;
export const lotKey = (lotId: Numeric) => `lot:${BigInt(lotId)}`;
export const complaintKey = (id: Numeric) => `complaint:${BigInt(id)}`;
export const serialKey = (batchId: string, serial: Numeric) =>
  `serial:${batchId.toLowerCase()}/${BigInt(serial)}`;

/**
 * For each event, the keys its indexed parameters give (parameter name → kind). An empty table means the
 * event changes nothing the lens reads (orders, payouts, token transfers). The serial of Decommissioned
 * combines with its batch id into one box's key.
 */
const EVENT_KEYS: Record<string, Record<string, KeyKind>> = {
  ParticipantRegistered: { account: "party" },
  RoleAdded: { account: "party" },
  RoleGranted: { account: "party" },
  RoleRevoked: { account: "party" },
  ParticipantSuspended: { account: "party" },
  ParticipantReinstated: { account: "party" },
  ParticipantSuspendedForBond: { account: "party" },
  ParticipantReinstatedAfterBond: { account: "party" },
  LicenceGranted: { holder: "party" },
  LicenceRevoked: { holder: "party" },
  ProductRegistered: { gtin: "product" },
  CategoryRulesSet: { category: "category" },
  BatchRegistered: { batchId: "batch" },
  BatchSterilised: { batchId: "batch" },
  BatchReleased: { batchId: "batch" },
  BatchRecalled: { batchId: "batch" },
  LotRegistered: { lotId: "lot" },
  LotTransferred: { lotId: "lot" },
  // A lot's consumption shows in every batch made from it.
  LotConsumed: { lotId: "lot", batchId: "batch" },
  // A batch keeps the attestation it was registered with; a new one changes only the maker's record.
  WorkshopAttested: { manufacturer: "party" },
  RuleSetAdded: { category: "category" },
  TestReportPosted: { batchId: "batch" },
  Shipped: { batchId: "batch" },
  ReceiptAccepted: { batchId: "batch" },
  ReceiptRejected: { batchId: "batch" },
  // The seller's custody total of the batch changes too.
  Decommissioned: { batchId: "batch", serial: "serial" },
  PriceCapSet: { category: "category" },
  PriceRecorded: { batchId: "batch", seller: "party" },
  ViolationRecorded: { seller: "party" },
  BondPosted: { party: "party" },
  BondWithdrawn: { party: "party" },
  ComplaintFiled: { complaintId: "complaint", batchId: "batch", respondent: "party" },
  ComplaintAnswered: { complaintId: "complaint", respondent: "party" },
  ComplaintRuled: { complaintId: "complaint" },
  ResponsibilityTracedToLot: { complaintId: "complaint", lotId: "lot", supplier: "party" },
  PenaltyApplied: { complaintId: "complaint", respondent: "party" },
  PenaltyShortfall: { complaintId: "complaint", respondent: "party" },
  BatchPlacedUnderInvestigation: { batchId: "batch" },
  PayoutWithdrawn: {},
  TreasurySet: {},
  OrderPlaced: {},
  OrderFulfilled: {},
  OrderSettled: {},
  OrderCancelled: {},
  Transfer: {},
  Approval: {},
};

interface KnownEvent {
  indexed: { name: string; type: string }[];
  keys: Record<string, KeyKind>;
}

/** topic0 → the event's indexed parameters, over every MedProof contract's ABI. */
const EVENTS = new Map<string, KnownEvent>();
for (const name of CONTRACT_NAMES) {
  contractInterface(name).forEachEvent((event) => {
    const keys = EVENT_KEYS[event.name];
    if (keys === undefined) return;
    const indexed = event.inputs.filter((p) => p.indexed).map((p) => ({ name: p.name, type: p.type }));
    // A key the table reads must be an indexed topic of the event, or the table is out of date.
    for (const param of Object.keys(keys)) {
      if (!indexed.some((p) => p.name === param)) {
        throw new Error(`${name}.${event.name} has no indexed parameter "${param}" (event-keys.ts)`);
      }
    }
    EVENTS.set(event.topicHash, { indexed, keys });
  });
}

function topicValue(type: string, topic: string): string {
  if (type === "address") return "0x" + topic.slice(-40);
  return /^u?int/.test(type) ? BigInt(topic).toString() : topic;
}

/** The keys a log invalidates, or "all" for an event this table does not know. */
export function eventKeys(log: Pick<ChainLog, "topics">): string[] | "all" {
  const event = log.topics[0] && EVENTS.get(log.topics[0].toLowerCase());
  if (!event) return "all";
  const values = new Map<string, string>();
  event.indexed.forEach((param, i) => {
    const topic = log.topics[i + 1];
    if (topic !== undefined) values.set(param.name, topicValue(param.type, topic));
  });
  const keys: string[] = [];
  for (const [name, kind] of Object.entries(event.keys)) {
    const value = values.get(name);
    // A key the table expects but the log lacks: the ABI changed under us.
    if (value === undefined) return "all";
    if (kind === "batch") keys.push(batchKey(value));
    else if (kind === "party") keys.push(partyKey(value));
    else if (kind === "category") keys.push(categoryKey(value));
    else if (kind === "product") keys.push(productKey(value));
    else if (kind === "lot") keys.push(lotKey(value));
    else if (kind === "complaint") keys.push(complaintKey(value));
    else keys.push(serialKey(values.get("batchId") ?? "", value));
  }
  return keys;
}

/**
 * The keys a batch's record (a BoxRecord without its serial) was built from: its batch, product and
 * category, every party it describes, its material lots and its complaints.
 */
export function recordKeys(gtin: string, batchId: string, record: BoxRecord): string[] {
  const keys = new Set([batchKey(batchId), productKey(gtin)]);
  const { product, batch } = record;
  if (product) {
    keys.add(categoryKey(product.category));
    keys.add(partyKey(product.manufacturer.account));
  }
  if (batch) {
    const parties = [
      ...batch.holders.map((h) => h.party),
      ...batch.prices.map((p) => p.seller),
      ...batch.materials.map((m) => m.supplier),
      ...batch.namedParties,
      ...batch.complaints.list.map((c) => c.respondent),
    ];
    for (const party of parties) keys.add(partyKey(party.account));
    for (const shipment of batch.shipments) {
      keys.add(partyKey(shipment.from));
      keys.add(partyKey(shipment.to));
    }
    if (batch.attestation) keys.add(partyKey(batch.attestation.auditor));
    for (const material of batch.materials) keys.add(lotKey(material.lotId));
    for (const complaint of batch.complaints.list) keys.add(complaintKey(complaint.id));
  }
  return [...keys];
}
