// Reads for the field pages (inspectors and pharmacies): which roles an account holds, a seller's
// standing (distribution filing, suspensions, price violations, bond), the shipments waiting for a
// recipient, and the complaints still to be ruled on. Plain typed objects; the writes are backoffice.ts.
import { id, type Provider } from "ethers";
import type { FunctionResult } from "./abi-types";
import { bindContracts } from "./contracts";
import type { Deployment } from "./deployment";
import { readEvents } from "./logs";
import { bondOf, readOrder, type PurchaseOrder } from "./backoffice";
import type { ComplaintKind, ComplaintStatus, ShipmentInfo, ShipmentStatus } from "../domain/record";
import { isLicenceValidAt } from "../domain/licences";

type Shipment = FunctionResult<"CustodyRegistry", "shipment">;
export type Complaint = FunctionResult<"ComplaintRegistry", "complaint">;

export const ROLES = [
  "REGULATOR",
  "SUPPLIER",
  "MANUFACTURER",
  "AUDITOR",
  "LAB",
  "DISTRIBUTOR",
  "PHARMACY",
  "INSPECTOR",
] as const;
export type Role = (typeof ROLES)[number];

/** As in contracts/src/libraries/Roles.sol: keccak256 of the role's name. */
export const roleId = (role: Role) => id(`${role}_ROLE`);
const SELLER_ROLES: readonly Role[] = ["DISTRIBUTOR", "PHARMACY"];
/** IAccessRegistry.LicenceKind, in its order. */
export const LICENCE_KINDS = [
  "production-licence",
  "registration-certificate",
  "distribution-filing",
] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];
const SHIPMENT_STATUSES: ShipmentStatus[] = ["pending", "accepted", "rejected"];
const COMPLAINT_KINDS: ComplaintKind[] = ["spec-failure", "counterfeit", "price-above-cap"];
const COMPLAINT_STATUSES: ComplaintStatus[] = ["open", "answered", "upheld", "dismissed"];

const num = (value: unknown) => Number(value as bigint);
const optionalTime = (value: unknown) => (num(value) === 0 ? null : num(value));

export interface AccountView {
  address: string;
  name: string;
  /** 统一社会信用代码 */
  creditCode: string;
  registered: boolean;
  /** Administrative division code, e.g. 320500 (苏州): where a shop's price caps apply. */
  region: number;
  roles: Role[];
}

/** Who an address is on the record, and the roles it holds there. */
export async function readAccount(
  deployment: Deployment,
  provider: Provider,
  address: string,
): Promise<AccountView> {
  const access = bindContracts(deployment.addresses, provider).AccessRegistry;
  const [participant, held] = await Promise.all([
    access.getFunction("participant")(address),
    Promise.all(ROLES.map((role) => access.getFunction("hasRole")(roleId(role), address))),
  ]);
  return {
    address,
    name: String(participant.name),
    creditCode: String(participant.creditCode),
    registered: Boolean(participant.registered),
    region: num(participant.region),
    roles: ROLES.filter((_, index) => held[index]),
  };
}

export interface SellerEntry {
  address: string;
  name: string;
}

/** Every registered distributor and pharmacy, from the registrations on the record. */
export async function listSellers(deployment: Deployment, provider: Provider): Promise<SellerEntry[]> {
  const registered = await readEvents(deployment, provider, "AccessRegistry", "ParticipantRegistered", [
    null,
    SELLER_ROLES.map(roleId),
  ]);
  return registered.map(({ args }) => ({
    address: String(args.account),
    name: String(args.name),
  }));
}

export interface LicenceView {
  id: number;
  kind: LicenceKind;
  number: string;
  /** Mask category ids it covers. */
  categories: number[];
  validFrom: number;
  validUntil: number;
  revokedAt: number | null;
  revocationReason: string;
  validNow: boolean;
}

export interface ViolationView {
  recordId: number;
  batchId: string;
  lot: string | null;
  fenPerPiece: number;
  capFenPerPiece: number | null;
  observedAt: number;
}

/** A finding's batch id when the fake's code named no batch on the record. */
const NO_BATCH = /^0x0{64}$/;

/** An inspector's confirmed finding that the seller sold a fake (ComplaintRegistry.recordCounterfeitFinding). */
export interface CounterfeitFindingView {
  findingId: number;
  /** The batch the fake's code names, or null when it names none on the record. */
  batchId: string | null;
  lot: string | null;
  recordedAt: number;
  fineFen: number;
  shortfallFen: number;
  txHash: string;
}

export interface SellerStanding extends AccountView {
  /** Every licence it was granted, of any kind, revoked and expired ones included. */
  licences: LicenceView[];
  filings: LicenceView[];
  /** The regulator's suspension, or null. */
  suspension: { at: number; reason: string } | null;
  /** Since when the seller is suspended because its bond fell below its minimum, or null. */
  bondSuspendedAt: number | null;
  bond: { bondFen: number; minimumFen: number };
  violations: ViolationView[];
  /** Counterfeit findings against it, oldest first: each a violation, and a fine charged to its bond. */
  counterfeitFindings: CounterfeitFindingView[];
}

/** A seller's standing as an inspector checks it at the counter. */
export async function readSellerStanding(
  deployment: Deployment,
  provider: Provider,
  address: string,
  now: number,
): Promise<SellerStanding> {
  const contracts = bindContracts(deployment.addresses, provider);
  const access = contracts.AccessRegistry;
  const prices = contracts.PriceRegistry;
  const [account, participant, licenceIds, violationIds, bond, found] = await Promise.all([
    readAccount(deployment, provider, address),
    access.getFunction("participant")(address),
    access.getFunction("licencesOf")(address),
    prices.getFunction("violationsOf")(address),
    bondOf(deployment, provider, address),
    readEvents(deployment, provider, "ComplaintRegistry", "CounterfeitFindingRecorded", [null, address]),
  ]);
  const licences = await Promise.all(licenceIds.map((licenceId) => access.getFunction("licence")(licenceId)));
  const records = await Promise.all(
    violationIds.map(async (recordId) => {
      const record = await prices.getFunction("record")(recordId);
      const capId = record.capId;
      const cap = capId === 0n ? null : await prices.getFunction("cap")(capId);
      return { recordId, record, cap };
    }),
  );
  const findings = await Promise.all(
    found.map(async ({ args, transactionHash }) => ({
      finding: await contracts.ComplaintRegistry.getFunction("counterfeitFinding")(args.findingId),
      txHash: transactionHash,
    })),
  );
  const lots = await batchLots(deployment, provider, [
    ...records.map(({ record }) => String(record.batchId)),
    ...findings.map(({ finding }) => String(finding.batchId)).filter((id) => !NO_BATCH.test(id)),
  ]);
  const suspendedAt = optionalTime(participant.suspendedAt);
  const licenceViews = licences.map((licence, index): LicenceView => ({
    id: Number(licenceIds[index]),
    kind: LICENCE_KINDS[num(licence.kind)] ?? "production-licence",
    number: String(licence.number),
    categories: [1, 2, 3, 4].filter((category) => (num(licence.categories) >> category) & 1),
    validFrom: num(licence.validFrom),
    validUntil: num(licence.validUntil),
    revokedAt: optionalTime(licence.revokedAt),
    revocationReason: String(licence.revocationReason),
    validNow: false,
  }));
  return licencesValidAt(
    {
      ...account,
      licences: licenceViews,
      filings: [],
      suspension:
        suspendedAt === null ? null : { at: suspendedAt, reason: String(participant.suspensionReason) },
      bondSuspendedAt: optionalTime(participant.bondSuspendedAt),
      bond: { bondFen: bond.bondFen, minimumFen: bond.minimumFen },
      violations: records.map(({ recordId, record, cap }) => {
        const batchId = String(record.batchId);
        return {
          recordId: Number(recordId),
          batchId,
          lot: lots.get(batchId)?.lot ?? null,
          fenPerPiece: num(record.fenPerPiece),
          capFenPerPiece: cap === null ? null : num(cap.fenPerPiece),
          observedAt: num(record.observedAt),
        };
      }),
      counterfeitFindings: findings.map(({ finding, txHash }): CounterfeitFindingView => {
        const batchId = NO_BATCH.test(String(finding.batchId)) ? null : String(finding.batchId);
        return {
          findingId: num(finding.id),
          batchId,
          lot: batchId === null ? null : (lots.get(batchId)?.lot ?? null),
          recordedAt: num(finding.recordedAt),
          fineFen: num(finding.fineFen),
          shortfallFen: num(finding.shortfallFen),
          txHash,
        };
      }),
    },
    now,
  );
}

/**
 * The standing with each licence's `validNow` as of `now`: the contract's rule (within its dates, not
 * yet revoked) applied to the licence as read, so a standing kept in memory stays right as time passes.
 */
export function licencesValidAt<S extends SellerStanding>(standing: S, now: number): S {
  const licences = standing.licences.map((licence) => ({
    ...licence,
    validNow: licence.validUntil !== 0 && isLicenceValidAt(licence, now),
  }));
  return {
    ...standing,
    licences,
    filings: licences.filter((licence) => licence.kind === "distribution-filing"),
  };
}

export interface PriceRecordView {
  recordId: number;
  fenPerPiece: number;
  violation: boolean;
  capFenPerPiece: number | null;
}

export async function readPriceRecord(
  deployment: Deployment,
  provider: Provider,
  recordId: number,
): Promise<PriceRecordView> {
  const prices = bindContracts(deployment.addresses, provider).PriceRegistry;
  const record = await prices.getFunction("record")(recordId);
  const capId = record.capId;
  const cap = capId === 0n ? null : await prices.getFunction("cap")(capId);
  return {
    recordId,
    fenPerPiece: num(record.fenPerPiece),
    violation: Boolean(record.violation),
    capFenPerPiece: cap === null ? null : num(cap.fenPerPiece),
  };
}

/** GTIN and lot of each batch id, from the batches' registrations. */
export async function batchLots(
  deployment: Deployment,
  provider: Provider,
  batchIds: string[],
): Promise<Map<string, { gtin: string; lot: string }>> {
  const unique = [...new Set(batchIds)];
  if (unique.length === 0) return new Map();
  const registered = await readEvents(deployment, provider, "BatchRegistry", "BatchRegistered", [unique]);
  return new Map(
    registered.map(({ args }) => [
      String(args.batchId),
      { gtin: String(args.gtin).padStart(14, "0"), lot: String(args.lot) },
    ]),
  );
}

/** A shipment as the record keeps it (ShipmentInfo), with its id, batch and the sender's name. */
export interface ShipmentView extends ShipmentInfo {
  id: number;
  batchId: string;
  gtin: string | null;
  lot: string | null;
  fromName: string;
}

async function toShipmentViews(
  deployment: Deployment,
  provider: Provider,
  shipments: { id: number; shipment: Shipment }[],
): Promise<ShipmentView[]> {
  const access = bindContracts(deployment.addresses, provider).AccessRegistry;
  const lots = await batchLots(
    deployment,
    provider,
    shipments.map(({ shipment }) => String(shipment.batchId)),
  );
  const senders = [...new Set(shipments.map(({ shipment }) => String(shipment.from)))];
  const names = new Map(
    await Promise.all(
      senders.map(
        async (sender) => [sender, String((await access.getFunction("participant")(sender)).name)] as const,
      ),
    ),
  );
  return shipments.map(({ id: shipmentId, shipment }) => {
    const batchId = String(shipment.batchId);
    const from = String(shipment.from);
    return {
      id: shipmentId,
      batchId,
      gtin: lots.get(batchId)?.gtin ?? null,
      lot: lots.get(batchId)?.lot ?? null,
      from,
      fromName: names.get(from) ?? "",
      to: String(shipment.to),
      boxes: num(shipment.boxes),
      shippedAt: num(shipment.shippedAt),
      settledAt: optionalTime(shipment.settledAt),
      status: SHIPMENT_STATUSES[num(shipment.status)] ?? "pending",
      note: String(shipment.note),
    };
  });
}

/** One shipment, or null when there is none with that id. */
export async function readShipment(
  deployment: Deployment,
  provider: Provider,
  shipmentId: number,
): Promise<ShipmentView | null> {
  const custody = bindContracts(deployment.addresses, provider).CustodyRegistry;
  const shipment = await custody
    .getFunction("shipment")(shipmentId)
    .catch(() => null);
  if (shipment === null) return null;
  const [view] = await toShipmentViews(deployment, provider, [{ id: shipmentId, shipment }]);
  return view ?? null;
}

/** The purchase order a shipment fulfils, with its seller's name. */
export interface ShipmentOrder extends PurchaseOrder {
  sellerName: string;
}

/** The order shipment `shipmentId` fulfils, or null when it fulfils none. */
export async function readOrderOfShipment(
  deployment: Deployment,
  provider: Provider,
  shipmentId: number,
): Promise<ShipmentOrder | null> {
  const contracts = bindContracts(deployment.addresses, provider);
  const orderId = num(await contracts.OrderBook.getFunction("orderOfShipment")(shipmentId));
  if (orderId === 0) return null;
  const order = await readOrder(deployment, provider, orderId);
  const seller = await contracts.AccessRegistry.getFunction("participant")(order.seller);
  return { ...order, sellerName: String(seller.name) };
}

/**
 * Shipments to `recipient` still waiting for its answer, oldest first. The recipient is not an indexed
 * field of Shipped, so every shipment's event is read and filtered here.
 */
export async function pendingShipmentsTo(
  deployment: Deployment,
  provider: Provider,
  recipient: string,
): Promise<ShipmentView[]> {
  const custody = bindContracts(deployment.addresses, provider).CustodyRegistry;
  const shipped = await readEvents(deployment, provider, "CustodyRegistry", "Shipped");
  const mine = shipped.flatMap(({ args }) =>
    String(args.to).toLowerCase() === recipient.toLowerCase() ? [Number(args.shipmentId)] : [],
  );
  const shipments = await Promise.all(
    mine.map(async (shipmentId) => ({
      id: shipmentId,
      shipment: await custody.getFunction("shipment")(shipmentId),
    })),
  );
  const pending = shipments.filter(({ shipment }) => num(shipment.status) === 0);
  return toShipmentViews(deployment, provider, pending);
}

/** Every complaint on the record, by id (they are numbered from 1). */
export async function allComplaints(deployment: Deployment, provider: Provider): Promise<Complaint[]> {
  const registry = bindContracts(deployment.addresses, provider).ComplaintRegistry;
  const count = num(await registry.getFunction("complaintCount")());
  return Promise.all(
    Array.from({ length: count }, (_, index) => registry.getFunction("complaint")(index + 1)),
  );
}

export const complaintKindOf = (complaint: Complaint): ComplaintKind =>
  COMPLAINT_KINDS[num(complaint.kind)] ?? "spec-failure";
export const complaintStatusOf = (complaint: Complaint): ComplaintStatus =>
  COMPLAINT_STATUSES[num(complaint.status)] ?? "open";

export interface QueuedComplaint {
  id: number;
  kind: ComplaintKind;
  status: ComplaintStatus;
  serial: number;
  lot: string | null;
  respondent: string;
  respondentName: string;
  filedAt: number;
  answerDeadline: number;
}

/** Complaints not yet ruled on (open or answered), oldest first. */
export async function complaintsAwaitingRuling(
  deployment: Deployment,
  provider: Provider,
): Promise<QueuedComplaint[]> {
  const contracts = bindContracts(deployment.addresses, provider);
  const all = await allComplaints(deployment, provider);
  const waiting = all.filter((c) => num(c.status) <= 1);
  const lots = await batchLots(
    deployment,
    provider,
    waiting.map((c) => String(c.batchId)),
  );
  return Promise.all(
    waiting.map(async (c) => {
      const respondent = String(c.respondent);
      const participant = await contracts.AccessRegistry.getFunction("participant")(respondent);
      return {
        id: num(c.id),
        kind: complaintKindOf(c),
        status: complaintStatusOf(c),
        serial: num(c.serial),
        lot: lots.get(String(c.batchId))?.lot ?? null,
        respondent,
        respondentName: String(participant.name),
        filedAt: num(c.filedAt),
        answerDeadline: num(c.answerDeadline),
      };
    }),
  );
}
