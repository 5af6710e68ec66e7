// Reads for the regulator's back office (/regulator): every participant with its roles, licences and
// suspension; the price caps; the inspectors' price records (observations and violations); complaints;
// recalls; and the batches a recall can name. Plain typed objects; the writes are backoffice.ts.
import type { Provider } from "ethers";
import { bindContracts } from "./contracts";
import type { Deployment } from "./deployment";
import { readEvents } from "./logs";
import {
  allComplaints,
  batchLots,
  complaintKindOf,
  complaintStatusOf,
  readSellerStanding,
  type SellerStanding,
} from "./field";
import type { ComplaintKind, ComplaintStatus, PriceChannel } from "../domain/record";

const CHANNELS: PriceChannel[] = ["ex-factory", "wholesale", "retail"];
const num = (value: unknown) => Number(value as bigint);

/** Every registered participant, in the order the regulator registered them (itself first). */
export async function readParticipants(
  deployment: Deployment,
  provider: Provider,
  now: number,
): Promise<SellerStanding[]> {
  const registered = await readEvents(deployment, provider, "AccessRegistry", "ParticipantRegistered");
  const addresses = [...new Set(registered.map(({ args }) => String(args.account)))];
  return Promise.all(addresses.map((address) => readSellerStanding(deployment, provider, address, now)));
}

export interface PriceCapView {
  id: number;
  category: number;
  region: number;
  channel: PriceChannel;
  fenPerPiece: number;
  effectiveFrom: number;
  legalBasis: string;
}

/** Every price cap ever set, by id (they are numbered from 1). */
export async function readPriceCaps(deployment: Deployment, provider: Provider): Promise<PriceCapView[]> {
  const prices = bindContracts(deployment.addresses, provider).PriceRegistry;
  const count = num(await prices.getFunction("capCount")());
  const caps = await Promise.all(
    Array.from({ length: count }, (_, index) => prices.getFunction("cap")(index + 1)),
  );
  return caps.map((cap, index) => ({
    id: index + 1,
    category: num(cap.category),
    region: num(cap.region),
    channel: CHANNELS[num(cap.channel)] ?? "retail",
    fenPerPiece: num(cap.fenPerPiece),
    effectiveFrom: num(cap.effectiveFrom),
    legalBasis: String(cap.legalBasis),
  }));
}

export interface PriceObservation {
  recordId: number;
  seller: string;
  sellerName: string;
  batchId: string;
  lot: string | null;
  category: number;
  region: number;
  channel: PriceChannel;
  fenPerPiece: number;
  /** The cap in force when it was observed, or null when there was none. */
  capFenPerPiece: number | null;
  violation: boolean;
  observedAt: number;
}

/** Every price an inspector recorded, oldest first, with the batch's category and the seller's name. */
export async function readPriceObservations(
  deployment: Deployment,
  provider: Provider,
  caps: readonly PriceCapView[],
): Promise<PriceObservation[]> {
  const contracts = bindContracts(deployment.addresses, provider);
  const prices = contracts.PriceRegistry;
  const recorded = await readEvents(deployment, provider, "PriceRegistry", "PriceRecorded");
  const ids = recorded.map(({ args }) => num(args.recordId));
  const records = await Promise.all(ids.map((id) => prices.getFunction("record")(id)));
  const batchIds = [...new Set(records.map((r) => String(r.batchId)))];
  const sellers = [...new Set(records.map((r) => String(r.seller)))];
  const [lots, categories, names] = await Promise.all([
    batchLots(deployment, provider, batchIds),
    Promise.all(
      batchIds.map(async (b) => [b, num(await contracts.BatchRegistry.getFunction("category")(b))] as const),
    ),
    Promise.all(
      sellers.map(async (s) => {
        const participant = await contracts.AccessRegistry.getFunction("participant")(s);
        return [s, String(participant.name)] as const;
      }),
    ),
  ]);
  const categoryOf = new Map(categories);
  const nameOf = new Map(names);
  const capFen = new Map(caps.map((cap) => [cap.id, cap.fenPerPiece]));
  return records
    .map((record, index): PriceObservation => {
      const batchId = String(record.batchId);
      const seller = String(record.seller);
      return {
        recordId: ids[index] ?? 0,
        seller,
        sellerName: nameOf.get(seller) ?? "",
        batchId,
        lot: lots.get(batchId)?.lot ?? null,
        category: categoryOf.get(batchId) ?? 0,
        region: num(record.region),
        channel: CHANNELS[num(record.channel)] ?? "retail",
        fenPerPiece: num(record.fenPerPiece),
        capFenPerPiece: capFen.get(num(record.capId)) ?? null,
        violation: Boolean(record.violation),
        observedAt: num(record.observedAt),
      };
    })
    .sort((a, b) => a.observedAt - b.observedAt || a.recordId - b.recordId);
}

export interface ComplaintSummary {
  id: number;
  kind: ComplaintKind;
  status: ComplaintStatus;
  lot: string | null;
  respondentName: string;
  filedAt: number;
  ruledAt: number | null;
}

/** Every complaint on the record, newest first. */
export async function readComplaints(
  deployment: Deployment,
  provider: Provider,
): Promise<ComplaintSummary[]> {
  const access = bindContracts(deployment.addresses, provider).AccessRegistry;
  const complaints = await allComplaints(deployment, provider);
  const lots = await batchLots(
    deployment,
    provider,
    complaints.map((c) => String(c.batchId)),
  );
  const respondents = [...new Set(complaints.map((c) => String(c.respondent)))];
  const names = new Map(
    await Promise.all(
      respondents.map(async (r) => {
        const participant = await access.getFunction("participant")(r);
        return [r, String(participant.name)] as const;
      }),
    ),
  );
  return complaints
    .map((c) => ({
      id: num(c.id),
      kind: complaintKindOf(c),
      status: complaintStatusOf(c),
      lot: lots.get(String(c.batchId))?.lot ?? null,
      respondentName: names.get(String(c.respondent)) ?? "",
      filedAt: num(c.filedAt),
      ruledAt: num(c.ruledAt) === 0 ? null : num(c.ruledAt),
    }))
    .reverse();
}

export interface BatchEntry {
  batchId: string;
  gtin: string;
  lot: string;
  manufacturerName: string;
  registeredBlock: number;
  releasedAt: number | null;
  recall: { at: number; reason: string } | null;
}

/** Every registered batch with its release and recall, newest first, from the batch registry's events. */
export async function readBatches(deployment: Deployment, provider: Provider): Promise<BatchEntry[]> {
  const contracts = bindContracts(deployment.addresses, provider);
  const [registered, released, recalled] = await Promise.all([
    readEvents(deployment, provider, "BatchRegistry", "BatchRegistered"),
    readEvents(deployment, provider, "BatchRegistry", "BatchReleased"),
    readEvents(deployment, provider, "BatchRegistry", "BatchRecalled"),
  ]);
  const releaseOf = new Map(released.map(({ args: a }) => [String(a.batchId), num(a.releasedAt)]));
  const recallOf = new Map(
    recalled.map(({ args: a }) => [String(a.batchId), { at: num(a.recalledAt), reason: String(a.reason) }]),
  );
  const makers = [...new Set(registered.map(({ args: a }) => String(a.manufacturer)))];
  const names = new Map(
    await Promise.all(
      makers.map(async (m) => {
        const participant = await contracts.AccessRegistry.getFunction("participant")(m);
        return [m, String(participant.name)] as const;
      }),
    ),
  );
  return (registered ?? [])
    .map(({ args, blockNumber }): BatchEntry => {
      const batchId = String(args.batchId);
      return {
        batchId,
        gtin: String(args.gtin).padStart(14, "0"),
        lot: String(args.lot),
        manufacturerName: names.get(String(args.manufacturer)) ?? "",
        registeredBlock: blockNumber,
        releasedAt: releaseOf.get(batchId) ?? null,
        recall: recallOf.get(batchId) ?? null,
      };
    })
    .reverse();
}
