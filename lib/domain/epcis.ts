// A batch's record as an EPCIS 2.0 JSON-LD document (GS1 EPCIS 2.0 / CBV 2.0), for inspectors' and
// pharmacies' GS1 systems: GET /api/epcis?gtin=&lot= serves it. Pure: the same record gives the same
// events; only `creationDate` is the caller's clock.
//
// Identifiers:
// - Trade items by their canonical GS1 Digital Link URIs, as EPCIS 2.0 recommends: the batch as the
//   class-level https://id.gs1.org/01/<GTIN>/10/<lot>, a box as https://id.gs1.org/01/<GTIN>/21/<serial>.
// - Parties by `<origin>/parties/<address>`: a party is an account on chain, and the record has no GLN
//   for it (a PGLN needs the party's GS1 Company Prefix, which no one registered), so a valid
//   urn:epc:id:pgln: cannot be derived. Meltblown lots have no GTIN: `<origin>/materials/<lot id>`.
//   Both are identifiers under this app's public base (DIGITAL_LINK_BASE), not yet pages.
// - Facts EPCIS has no field for (lab results, the recall's reason …) are extension fields in the
//   `medproof:` namespace, declared in the document's @context.
import type { BatchInfo, BoxRecord, PartyInfo, ShipmentInfo, TestReportInfo } from "./record";
import { toDigitalLink } from "./gs1";
import { formatMetricValue, metricShortName } from "./format";
import { heldDays, isRecalled, isReleased } from "./batch-status";
import { knownParties } from "./parties";
import { CST_OFFSET_ISO, inTimeOrder, secondsToIsoDate, secondsToIsoDateTime } from "./time";

export const EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
/** The extension namespace; a name for our terms, not a page. */
export const MEDPROOF_VOCABULARY = "https://medproof.example/voc/";
/** EPCIS 2.0 wants EPCs as GS1 Digital Link URIs on GS1's canonical domain. */
const CANONICAL_DIGITAL_LINK_BASE = "https://id.gs1.org";
/** EPCIS 2.0 master data type of source/destination identifiers: here, the parties. */
const PARTY_VOCABULARY = "urn:epcglobal:epcis:vtype:SourceDest";
const NAME_ATTRIBUTE = "urn:epcglobal:cbv:mda#name";

// CBV 2.0 terms, in the bare-word form EPCIS 2.0 JSON uses (the @context maps them to their URIs).
export type BizStep =
  | "commissioning"
  | "creating_class_instance"
  | "holding"
  | "inspecting"
  | "stocking"
  | "shipping"
  | "receiving"
  | "decommissioning";
export type Disposition =
  | "active"
  | "non_sellable_other"
  | "conformant"
  | "non_conformant"
  | "sellable_accessible"
  | "in_transit"
  | "in_progress"
  | "returned"
  | "retail_sold"
  | "recalled";

type Extensions = { [term: `medproof:${string}`]: unknown };

export interface QuantityElement {
  epcClass: string;
  /** Without `uom`, a count of instances (boxes). */
  quantity: number;
  /** UN/CEFACT Rec. 20, e.g. KGM. */
  uom?: string;
}

type PartyRole = "owning_party" | "possessing_party";
export interface SourceParty {
  type: PartyRole;
  source: string;
}
export interface DestinationParty {
  type: PartyRole;
  destination: string;
}

interface EventTime {
  eventTime: string;
  eventTimeZoneOffset: typeof CST_OFFSET_ISO;
}

export type ObjectEvent = EventTime &
  Extensions & {
    type: "ObjectEvent";
    action: "ADD" | "OBSERVE" | "DELETE";
    epcList?: string[];
    quantityList?: QuantityElement[];
    bizStep?: BizStep;
    disposition: Disposition;
    persistentDisposition?: { set: Disposition[] };
    sourceList?: SourceParty[];
    destinationList?: DestinationParty[];
    ilmd?: Record<string, string>;
  };

export type TransformationEvent = EventTime &
  Extensions & {
    type: "TransformationEvent";
    inputQuantityList: QuantityElement[];
    outputQuantityList: QuantityElement[];
    bizStep: BizStep;
    disposition: Disposition;
  };

export type EpcisEvent = ObjectEvent | TransformationEvent;

export interface EpcisDocument {
  "@context": [typeof EPCIS_CONTEXT, { medproof: typeof MEDPROOF_VOCABULARY }];
  type: "EPCISDocument";
  schemaVersion: "2.0";
  creationDate: string;
  epcisHeader: {
    epcisMasterData: {
      vocabularyList: {
        type: string;
        vocabularyElementList: { id: string; attributes: { id: string; attribute: string }[] }[];
      }[];
    };
  };
  epcisBody: { eventList: EpcisEvent[] };
  /** The block the record was read at. */
  "medproof:blockNumber": number;
}

export interface EpcisRequest {
  /** The batch's GTIN-14: the record's product may be missing, the request's GTIN never is. */
  gtin: string;
  /** A box of the batch asked about; its sale, if any, is told as its decommissioning. */
  serial: string | null;
  /** This app's public base URL (DIGITAL_LINK_BASE), for party and material identifiers. */
  origin: string;
  /** Unix seconds. */
  createdAt: number;
}

/** An event and when it happened, before its time is written out. */
interface Dated {
  at: number;
  event: (time: EventTime) => EpcisEvent;
}

/** The batch's events as an EPCIS 2.0 document, oldest first; null when the record has no such batch. */
export function buildEpcisDocument(record: BoxRecord, request: EpcisRequest): EpcisDocument | null {
  const batch = record.batch;
  if (batch === null) return null;
  const ids = identifiers(request, batch);
  const events = inTimeOrder(
    [
      transformation(batch, ids, record),
      commissioning(batch, ids, record),
      ...sterilisationHold(batch, ids),
      ...batch.tests.map((report) => inspection(report, batch, ids)),
      ...release(batch, ids),
      ...batch.shipments.flatMap((shipment) => custody(shipment, ids)),
      ...decommissioning(record, ids),
      ...recall(batch, ids),
    ],
    (dated) => dated.at,
  );
  return {
    "@context": [EPCIS_CONTEXT, { medproof: MEDPROOF_VOCABULARY }],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: secondsToIsoDateTime(request.createdAt),
    epcisHeader: { epcisMasterData: { vocabularyList: [partyMasterData(record, ids)] } },
    epcisBody: {
      eventList: events.map(({ at, event }) =>
        event({ eventTime: secondsToIsoDateTime(at), eventTimeZoneOffset: CST_OFFSET_ISO }),
      ),
    },
    "medproof:blockNumber": record.blockNumber,
  };
}

interface Identifiers {
  /** The batch: GTIN + lot, class level. */
  lot: string;
  /** The box asked about, instance level, or null. */
  box: string | null;
  party: (address: string) => string;
  material: (lotId: number) => string;
}

function identifiers(request: EpcisRequest, batch: BatchInfo): Identifiers {
  const origin = request.origin.replace(/\/+$/, "");
  return {
    lot: toDigitalLink({ gtin: request.gtin, lot: batch.lot }, CANONICAL_DIGITAL_LINK_BASE),
    box:
      request.serial === null
        ? null
        : toDigitalLink({ gtin: request.gtin, serial: request.serial }, CANONICAL_DIGITAL_LINK_BASE),
    // Lower case: one party, one identifier, whichever checksum casing the chain returned.
    party: (address) => `${origin}/parties/${address.toLowerCase()}`,
    material: (lotId) => `${origin}/materials/${lotId}`,
  };
}

const wholeBatch = (batch: BatchInfo, ids: Identifiers): QuantityElement[] => [
  { epcClass: ids.lot, quantity: batch.boxes },
];

/** The meltblown consumed (kg of each lot) became the batch's boxes, on the production date. */
function transformation(batch: BatchInfo, ids: Identifiers, record: BoxRecord): Dated {
  const maker = record.product?.manufacturer.account;
  return {
    at: batch.productionDate,
    event: (time) => ({
      type: "TransformationEvent",
      ...time,
      inputQuantityList: batch.materials.map((lot) => ({
        epcClass: ids.material(lot.lotId),
        quantity: lot.usedGrams / 1000,
        uom: "KGM",
      })),
      outputQuantityList: wholeBatch(batch, ids),
      bizStep: "creating_class_instance",
      disposition: "active",
      "medproof:inputLots": batch.materials.map((lot) => ({
        id: ids.material(lot.lotId),
        lotCode: lot.code,
        grade: lot.grade,
        massKg: lot.massGrams / 1000,
        supplier: ids.party(lot.supplier.account),
      })),
      ...(maker === undefined ? {} : { "medproof:manufacturer": ids.party(maker) }),
    }),
  };
}

/** The maker registered the batch on chain: the lot's identity and its boxes' serials came to be. */
function commissioning(batch: BatchInfo, ids: Identifiers, record: BoxRecord): Dated {
  const maker = record.product?.manufacturer.account;
  return {
    at: batch.registeredAt,
    event: (time) => ({
      type: "ObjectEvent",
      ...time,
      action: "ADD",
      quantityList: wholeBatch(batch, ids),
      bizStep: "commissioning",
      disposition: "active",
      ilmd: {
        "cbvmda:lotNumber": batch.lot,
        "cbvmda:itemExpirationDate": secondsToIsoDate(batch.expiryDate),
      },
      "medproof:productionDate": secondsToIsoDate(batch.productionDate),
      "medproof:masks": batch.masks,
      "medproof:masksPerBox": batch.masksPerBox,
      "medproof:firstSerial": String(batch.serialStart),
      "medproof:lastSerial": String(batch.serialStart + batch.boxes - 1),
      ...(maker === undefined ? {} : { "medproof:manufacturer": ids.party(maker) }),
    }),
  };
}

/**
 * CBV has no sterilising step. What matters downstream is the ethylene-oxide hold that follows: from the
 * end of sterilisation the batch is held (CBV "holding": segregated for further review) and not sellable.
 */
function sterilisationHold(batch: BatchInfo, ids: Identifiers): Dated[] {
  const sterilisation = batch.sterilisation;
  if (sterilisation === null) return [];
  return [
    {
      at: sterilisation.endedAt,
      event: (time) => ({
        type: "ObjectEvent",
        ...time,
        action: "OBSERVE",
        quantityList: wholeBatch(batch, ids),
        bizStep: "holding",
        disposition: "non_sellable_other",
        "medproof:sterilisationMethod": sterilisation.method,
        "medproof:sterilisationStarted": secondsToIsoDateTime(sterilisation.startedAt),
        "medproof:sterilizer": sterilisation.sterilizer,
      }),
    },
  ];
}

/** A lab's report: CBV "inspecting", conformant or not to the standard in force on the production date. */
function inspection(report: TestReportInfo, batch: BatchInfo, ids: Identifiers): Dated {
  return {
    at: report.testedAt,
    event: (time) => ({
      type: "ObjectEvent",
      ...time,
      action: "OBSERVE",
      quantityList: wholeBatch(batch, ids),
      bizStep: "inspecting",
      disposition: report.passed ? "conformant" : "non_conformant",
      "medproof:lab": ids.party(report.lab),
      "medproof:retest": report.retest,
      "medproof:standard": batch.ruleSet?.standard ?? null,
      "medproof:results": report.results.map(({ metric, value }) => ({
        metric: metricShortName(metric),
        value: formatMetricValue(metric, value),
      })),
      ...(report.firstFailedMetric === null
        ? {}
        : { "medproof:firstFailedMetric": metricShortName(report.firstFailedMetric) }),
    }),
  };
}

/**
 * The maker released the batch for sale. CBV has no releasing step; "stocking" (made available for order
 * fulfilment) with "sellable_accessible" is the closest: the hold is over and the boxes may be sold.
 */
function release(batch: BatchInfo, ids: Identifiers): Dated[] {
  if (!isReleased(batch)) return [];
  const releasedAt = batch.releasedAt;
  const sterilisation = batch.sterilisation;
  return [
    {
      at: releasedAt,
      event: (time) => ({
        type: "ObjectEvent",
        ...time,
        action: "OBSERVE",
        quantityList: wholeBatch(batch, ids),
        bizStep: "stocking",
        disposition: "sellable_accessible",
        ...(sterilisation === null ? {} : { "medproof:heldDays": heldDays(sterilisation, releasedAt) }),
      }),
    },
  ];
}

// Between licensed parties, ownership and possession change hands together: both roles, one party.
const ROLES: PartyRole[] = ["owning_party", "possessing_party"];
const sources = (party: string): SourceParty[] => ROLES.map((type) => ({ type, source: party }));
const destinations = (party: string): DestinationParty[] =>
  ROLES.map((type) => ({ type, destination: party }));

/**
 * A shipment between licensed parties, then its outcome: received into the buyer's stock (CBV
 * "in_progress", the usual disposition of receiving), or refused on inspection and sent back.
 */
function custody(shipment: ShipmentInfo, ids: Identifiers): Dated[] {
  const from = ids.party(shipment.from);
  const to = ids.party(shipment.to);
  const boxes: QuantityElement[] = [{ epcClass: ids.lot, quantity: shipment.boxes }];
  const shipped: Dated = {
    at: shipment.shippedAt,
    event: (time) => ({
      type: "ObjectEvent",
      ...time,
      action: "OBSERVE",
      quantityList: boxes,
      bizStep: "shipping",
      disposition: "in_transit",
      sourceList: sources(from),
      destinationList: destinations(to),
    }),
  };
  const settledAt = shipment.settledAt;
  if (shipment.status === "pending" || settledAt === null) return [shipped];
  const accepted = shipment.status === "accepted";
  const note = shipment.note.trim();
  return [
    shipped,
    {
      at: settledAt,
      event: (time) => ({
        type: "ObjectEvent",
        ...time,
        action: "OBSERVE",
        quantityList: boxes,
        bizStep: accepted ? "receiving" : "inspecting",
        disposition: accepted ? "in_progress" : "returned",
        sourceList: sources(accepted ? from : to),
        destinationList: destinations(accepted ? to : from),
        ...(note === "" ? {} : { "medproof:note": note }),
      }),
    },
  ];
}

/**
 * A pharmacy decommissions a box's serial when it sells the box: the code is used up and a later scan of
 * it is a copy. Only for the box asked about: the record lists one serial's sale, not the batch's.
 */
function decommissioning(record: BoxRecord, ids: Identifiers): Dated[] {
  const sale = record.serial?.sale ?? null;
  const box = ids.box;
  if (sale === null || box === null) return [];
  return [
    {
      at: sale.soldAt,
      event: (time) => ({
        type: "ObjectEvent",
        ...time,
        action: "DELETE",
        epcList: [box],
        bizStep: "decommissioning",
        disposition: "retail_sold",
        sourceList: sources(ids.party(sale.seller.account)),
      }),
    },
  ];
}

/**
 * The regulator's recall: a change of status, not a business step, so no bizStep. "recalled" is also set
 * as a persistent disposition, which stays with the boxes whatever later events say.
 */
function recall(batch: BatchInfo, ids: Identifiers): Dated[] {
  if (!isRecalled(batch)) return [];
  const recalled = batch.recall;
  const reason = recalled.reason.trim();
  return [
    {
      at: recalled.at,
      event: (time) => ({
        type: "ObjectEvent",
        ...time,
        action: "OBSERVE",
        quantityList: wholeBatch(batch, ids),
        disposition: "recalled",
        persistentDisposition: { set: ["recalled"] },
        ...(reason === "" ? {} : { "medproof:recallReason": reason }),
      }),
    },
  ];
}

/** Names of the parties the events identify, so a reader need not look the addresses up. */
function partyMasterData(record: BoxRecord, ids: Identifiers) {
  const described = [...knownParties(record).values()];
  return {
    type: PARTY_VOCABULARY,
    vocabularyElementList: described.map((party: PartyInfo) => ({
      id: ids.party(party.account),
      attributes: [
        { id: NAME_ATTRIBUTE, attribute: party.name },
        ...(party.creditCode === ""
          ? []
          : [{ id: `${MEDPROOF_VOCABULARY}unifiedSocialCreditCode`, attribute: party.creditCode }]),
      ],
    })),
  };
}
