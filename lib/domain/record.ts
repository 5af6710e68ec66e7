// The chain's record of one box, as plain data: what lib/chain reads through the lens in one eth_call
// and hands to the verdict rules. Times are unix seconds; masses grams; prices fen (0.01 yuan) per piece.
// Absent data is null or an empty list, never an exception.
import type { CategoryId, MetricId } from "./standards";

export interface PartyInfo {
  account: string;
  name: string;
  creditCode: string;
  region: number;
  /** When the regulator suspended the party, or null. */
  suspendedAt: number | null;
  /** Holds a Class II distribution filing valid now (matters for sellers). */
  hasValidFiling: boolean;
  /** Since when the party is suspended because its bond fell below its minimum, or null. */
  bondSuspendedAt: number | null;
}

export type LicenceKind = "production" | "certificate" | "filing";

export interface LicenceInfo {
  kind: LicenceKind;
  number: string;
  categories: CategoryId[];
  validFrom: number;
  validUntil: number;
  /** From this moment the licence is no longer valid; null when never revoked. */
  revokedAt: number | null;
  revocationReason: string;
}

export interface CategoryRulesInfo {
  minHoldDays: number;
  typicalMasksPerKg: number;
  maxMasksPerKg: number;
}

export interface ProductInfo {
  gtin: string;
  category: CategoryId;
  name: string;
  manufacturer: PartyInfo;
  certificate: LicenceInfo | null;
  rules: CategoryRulesInfo;
}

export interface MaterialInfo {
  lotId: number;
  code: string;
  grade: string;
  massGrams: number;
  /** By every batch made from the lot. */
  consumedGrams: number;
  /** By this batch. */
  usedGrams: number;
  reportHash: string;
  registeredAt: number;
  supplier: PartyInfo;
}

export interface AttestationInfo {
  auditor: string;
  workshopName: string;
  cleanClass: number;
  particles05PerM3: number;
  particles5PerM3: number;
  airborneCfuPerM3: number;
  settlingCfuPerPlate: number;
  /** 0.1 °C */
  temperatureDeciC: number;
  /** 0.1 %RH */
  humidityDeciPct: number;
  /** 0.1 Pa */
  pressureDeciPa: number;
  staffHealthChecked: boolean;
  staffTrained: boolean;
  validFrom: number;
  validUntil: number;
  attestedAt: number;
}

export interface SterilisationInfo {
  sterilizer: string;
  method: string;
  startedAt: number;
  endedAt: number;
}

export interface MetricRuleInfo {
  metric: MetricId;
  /** Inclusive fixed-point bounds; null for an open side. */
  min: number | null;
  max: number | null;
}

export interface RuleSetInfo {
  standard: string;
  effectiveFrom: number;
  rules: MetricRuleInfo[];
}

export interface TestReportInfo {
  lab: string;
  testedAt: number;
  passed: boolean;
  retest: boolean;
  /** The first metric outside its limits, or null when the report passed. */
  firstFailedMetric: MetricId | null;
  results: { metric: MetricId; value: number }[];
}

export type ShipmentStatus = "pending" | "accepted" | "rejected";

export interface ShipmentInfo {
  from: string;
  to: string;
  boxes: number;
  shippedAt: number;
  settledAt: number | null;
  status: ShipmentStatus;
  note: string;
}

export interface HolderInfo {
  party: PartyInfo;
  boxes: number;
}

export type PriceChannel = "ex-factory" | "wholesale" | "retail";

export interface PriceCapInfo {
  category: CategoryId;
  region: number;
  channel: PriceChannel;
  fenPerPiece: number;
  effectiveFrom: number;
  legalBasis: string;
}

export interface PriceRecordInfo {
  seller: PartyInfo;
  region: number;
  channel: PriceChannel;
  fenPerPiece: number;
  /** The cap in force when the price was observed, or null. */
  cap: PriceCapInfo | null;
  violation: boolean;
  observedAt: number;
}

export interface BatchInfo {
  id: string;
  lot: string;
  productionDate: number;
  expiryDate: number;
  masks: number;
  masksPerBox: number;
  boxes: number;
  /** Serials of this batch are serialStart … serialStart + boxes − 1. */
  serialStart: number;
  /** The key that signs the codes printed on the boxes. */
  signer: string;
  /** Commitment to the secrets printed inside the boxes (zero when the maker committed none). */
  possessionRoot: string;
  registeredAt: number;
  releasedAt: number | null;
  recall: { at: number; reason: string } | null;
  /** The production licence the batch was registered under. */
  productionLicence: LicenceInfo | null;
  sterilisation: SterilisationInfo | null;
  materials: MaterialInfo[];
  attestation: AttestationInfo | null;
  /** The rule set in force on the production date. */
  ruleSet: RuleSetInfo | null;
  tests: TestReportInfo[];
  holders: HolderInfo[];
  shipments: ShipmentInfo[];
  prices: PriceRecordInfo[];
  complaints: ComplaintsInfo;
  /** Parties the record names elsewhere only by address: the workshop's auditor, the test labs. */
  namedParties: PartyInfo[];
}

export type ComplaintKind = "spec-failure" | "counterfeit" | "price-above-cap";
export type ComplaintStatus = "open" | "answered" | "upheld" | "dismissed";

export interface ComplaintInfo {
  id: number;
  kind: ComplaintKind;
  status: ComplaintStatus;
  serial: number;
  filedAt: number;
  /** The respondent may answer until then; an unanswered complaint can be ruled after it. */
  answerDeadline: number;
  ruledAt: number | null;
  /** The party named responsible by rule (the lot's supplier when a retest traced the failure there). */
  respondent: PartyInfo;
  /** Awarded when upheld, in fen. */
  compensationFen: number;
  fineFen: number;
  /** What the respondent's bond could not pay. */
  shortfallFen: number;
  byRetest: boolean;
  tracedToLot: boolean;
}

export interface ComplaintsInfo {
  /** About the batch, oldest first. */
  list: ComplaintInfo[];
  upheld: number;
  /** The batch reached the regulator's threshold of upheld complaints. */
  underInvestigation: boolean;
}

export interface SerialInfo {
  /** The serial is within the batch's issued range. */
  inRange: boolean;
  sale: { seller: PartyInfo; soldAt: number } | null;
}

export interface BoxRecord {
  blockNumber: number;
  /** Timestamp of the block the record was read at. */
  blockTimestamp: number;
  product: ProductInfo | null;
  batch: BatchInfo | null;
  /** Null when the code carried no serial or the batch is unknown. */
  serial: SerialInfo | null;
  /** Every price cap of the product's category. */
  caps: PriceCapInfo[];
}

/**
 * What the scan log knows about earlier verifications of the same serial that count: those since the
 * box was sold, or since its lot was delivered (lib/domain/scan-window.ts). Earlier ones are left out,
 * so pre-scanning a lot's serials cannot make a later buyer's box look checked by someone else.
 */
export interface ScanHistory {
  /**
   * Verifications before this one. Exact unless the serial was scanned in bulk: then at least this many,
   * and the first one is no longer known (null time and place).
   */
  count: number;
  firstVerifiedAt: number | null;
  /** A plain place name, e.g. "苏州", or null when the scan gave none. */
  firstPlace: string | null;
  /** Distinct devices among the latest of those verifications. */
  devices: number;
}
