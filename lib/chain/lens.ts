// Turns MedProofLens.report's and party's decoded results (plain objects keyed by the ABI's names)
// into the BoxRecord the verdict rules take.
import { ZeroAddress } from "ethers";
import type {
  AttestationInfo,
  ComplaintInfo,
  ComplaintKind,
  ComplaintStatus,
  BatchInfo,
  BoxRecord,
  LicenceInfo,
  LicenceKind,
  MaterialInfo,
  PartyInfo,
  PriceCapInfo,
  PriceChannel,
  PriceRecordInfo,
  RuleSetInfo,
  SerialInfo,
  ShipmentStatus,
  TestReportInfo,
} from "../domain/record";
import { isCategoryId, type CategoryId, type MetricId, METRICS } from "../domain/standards";
import { INT64_MAX, INT64_MIN } from "./units";

// A decoded struct: plain objects keyed by the ABI's field names (see abi-decode.ts).
type Struct = Record<string, unknown>;
const field = (s: Struct, name: string): Struct => s[name] as Struct;
const num = (value: unknown): number => Number(value as bigint);
const str = (value: unknown): string => String(value);
const optionalTime = (value: unknown): number | null => (num(value) === 0 ? null : num(value));
const list = (value: unknown): Struct[] => value as Struct[];

const LICENCE_KINDS: LicenceKind[] = ["production", "certificate", "filing"];
const CHANNELS: PriceChannel[] = ["ex-factory", "wholesale", "retail"];
const SHIPMENT_STATUSES: ShipmentStatus[] = ["pending", "accepted", "rejected"];
const COMPLAINT_KINDS: ComplaintKind[] = ["spec-failure", "counterfeit", "price-above-cap"];
const COMPLAINT_STATUSES: ComplaintStatus[] = ["open", "answered", "upheld", "dismissed"];

function categoriesOf(mask: number): CategoryId[] {
  return [1, 2, 3, 4].filter((c): c is CategoryId => isCategoryId(c) && (mask & (1 << c)) !== 0);
}

function category(value: unknown): CategoryId {
  const n = num(value);
  if (!isCategoryId(n)) throw new RangeError(`Unknown category ${n} on chain`);
  return n;
}

function metric(value: unknown): MetricId {
  const n = num(value);
  if (!(n in METRICS)) throw new RangeError(`Unknown metric ${n} on chain`);
  return n as MetricId;
}

/** Maps the lens's `Party` (of a Report, or of `party`) to what the verdict takes. */
export function toParty(s: Struct): PartyInfo {
  return {
    account: str(s.account),
    name: str(s.name),
    creditCode: str(s.creditCode),
    region: num(s.region),
    suspendedAt: optionalTime(s.suspendedAt),
    hasValidFiling: Boolean(s.hasValidFiling),
    bondSuspendedAt: optionalTime(s.bondSuspendedAt),
  };
}

function licence(s: Struct): LicenceInfo | null {
  if (str(s.holder).toLowerCase() === ZeroAddress) return null;
  return {
    kind: LICENCE_KINDS[num(s.kind)] ?? "production",
    number: str(s.number),
    categories: categoriesOf(num(s.categories)),
    validFrom: num(s.validFrom),
    validUntil: num(s.validUntil),
    revokedAt: optionalTime(s.revokedAt),
    revocationReason: str(s.revocationReason),
  };
}

function cap(s: Struct): PriceCapInfo {
  return {
    category: category(s.category),
    region: num(s.region),
    channel: CHANNELS[num(s.channel)] ?? "retail",
    fenPerPiece: num(s.fenPerPiece),
    effectiveFrom: num(s.effectiveFrom),
    legalBasis: str(s.legalBasis),
  };
}

function bound(value: unknown): number | null {
  const b = value as bigint;
  return b === INT64_MIN || b === INT64_MAX ? null : Number(b);
}

function ruleSet(s: Struct): RuleSetInfo {
  return {
    standard: str(s.standard),
    effectiveFrom: num(s.effectiveFrom),
    rules: list(s.rules).map((r) => ({ metric: metric(r.metric), min: bound(r.min), max: bound(r.max) })),
  };
}

function testReport(s: Struct): TestReportInfo {
  return {
    lab: str(s.lab),
    testedAt: num(s.testedAt),
    passed: Boolean(s.passed),
    retest: Boolean(s.retest),
    firstFailedMetric: num(s.firstFailedMetric) === 0 ? null : metric(s.firstFailedMetric),
    results: list(s.results).map((r) => ({ metric: metric(r.metric), value: num(r.value) })),
  };
}

function material(s: Struct): MaterialInfo {
  const lot = field(s, "lot");
  return {
    lotId: num(s.lotId),
    code: str(lot.code),
    grade: str(lot.grade),
    massGrams: num(lot.massGrams),
    consumedGrams: num(lot.consumedGrams),
    usedGrams: num(s.usedGrams),
    reportHash: str(lot.reportHash),
    registeredAt: num(lot.registeredAt),
    supplier: toParty(field(s, "supplier")),
  };
}

function attestation(s: Struct): AttestationInfo {
  return {
    auditor: str(s.auditor),
    workshopName: str(s.workshopName),
    cleanClass: num(s.cleanClass),
    particles05PerM3: num(s.particles05PerM3),
    particles5PerM3: num(s.particles5PerM3),
    airborneCfuPerM3: num(s.airborneCfuPerM3),
    settlingCfuPerPlate: num(s.settlingCfuPerPlate),
    temperatureDeciC: num(s.temperatureDeciC),
    humidityDeciPct: num(s.humidityDeciPct),
    pressureDeciPa: num(s.pressureDeciPa),
    staffHealthChecked: Boolean(s.staffHealthChecked),
    staffTrained: Boolean(s.staffTrained),
    validFrom: num(s.validFrom),
    validUntil: num(s.validUntil),
    attestedAt: num(s.attestedAt),
  };
}

function priceRecord(s: Struct): PriceRecordInfo {
  const record = field(s, "record");
  return {
    seller: toParty(field(s, "seller")),
    region: num(record.region),
    channel: CHANNELS[num(record.channel)] ?? "retail",
    fenPerPiece: num(record.fenPerPiece),
    cap: num(record.capId) === 0 ? null : cap(field(s, "cap")),
    violation: Boolean(record.violation),
    observedAt: num(record.observedAt),
  };
}

function complaint(s: Struct): ComplaintInfo {
  const kind = COMPLAINT_KINDS[num(s.kind)];
  const status = COMPLAINT_STATUSES[num(s.status)];
  if (kind === undefined || status === undefined)
    throw new RangeError(`Unknown complaint ${str(s.id)} on chain`);
  return {
    id: num(s.id),
    kind,
    status,
    serial: num(s.serial),
    filedAt: num(s.filedAt),
    answerDeadline: num(s.answerDeadline),
    ruledAt: optionalTime(s.ruledAt),
    respondent: toParty(field(s, "respondent")),
    compensationFen: num(s.compensationFen),
    fineFen: num(s.fineFen),
    shortfallFen: num(s.shortfallFen),
    byRetest: Boolean(s.byRetest),
    tracedToLot: Boolean(s.tracedToLot),
  };
}

/** What a batch was registered with, as BatchRegistry keeps it: the verdict's and the back office's. */
export type BatchRegistration = Pick<
  BatchInfo,
  | "productionDate"
  | "expiryDate"
  | "masks"
  | "masksPerBox"
  | "boxes"
  | "serialStart"
  | "signer"
  | "possessionRoot"
  | "registeredAt"
  | "releasedAt"
>;

/** The terms of a decoded BatchRegistry `Batch` struct (the lens report's, or `batch(id)`'s). */
export function batchRegistration(b: Struct): BatchRegistration {
  return {
    productionDate: num(b.productionDate),
    expiryDate: num(b.expiryDate),
    masks: num(b.masks),
    masksPerBox: num(b.masksPerBox),
    boxes: num(b.boxes),
    serialStart: num(b.serialStart),
    signer: str(b.signer),
    possessionRoot: str(b.possessionRoot),
    registeredAt: num(b.registeredAt),
    releasedAt: optionalTime(b.releasedAt),
  };
}

function batch(r: Struct, lot: string): BatchInfo {
  const b = field(r, "batch");
  const sterilisation = field(r, "sterilisation");
  return {
    id: str(r.batchId),
    lot,
    ...batchRegistration(b),
    recall: num(b.recalledAt) === 0 ? null : { at: num(b.recalledAt), reason: str(b.recallReason) },
    productionLicence: licence(field(r, "productionLicence")),
    sterilisation:
      num(sterilisation.endedAt) === 0
        ? null
        : {
            sterilizer: str(sterilisation.sterilizer),
            method: str(sterilisation.method),
            startedAt: num(sterilisation.startedAt),
            endedAt: num(sterilisation.endedAt),
          },
    materials: list(r.materials).map(material),
    attestation: r.attestationFound ? attestation(field(r, "attestation")) : null,
    ruleSet: r.ruleSetFound ? ruleSet(field(r, "ruleSet")) : null,
    tests: list(r.tests).map(testReport),
    holders: list(r.holders).map((h) => ({ party: toParty(field(h, "party")), boxes: num(h.boxes) })),
    shipments: list(r.shipments).map((s) => ({
      from: str(s.from),
      to: str(s.to),
      boxes: num(s.boxes),
      shippedAt: num(s.shippedAt),
      settledAt: optionalTime(s.settledAt),
      status: SHIPMENT_STATUSES[num(s.status)] ?? "pending",
      note: str(s.note),
    })),
    prices: list(r.prices).map(priceRecord),
    namedParties: [field(r, "auditor"), ...list(r.testLabs)]
      .filter((p) => str(p.account).toLowerCase() !== ZeroAddress)
      .map(toParty),
    complaints: {
      list: list(r.complaints).map(complaint),
      upheld: num(r.upheldComplaints),
      underInvestigation: Boolean(r.underInvestigation),
    },
  };
}

/** Maps the `serial` section of the lens's `Report` to what the verdict takes. */
export function toSerialInfo(serial: Struct): SerialInfo {
  const sale = field(serial, "sale");
  return {
    inRange: Boolean(serial.inRange),
    sale: serial.sold ? { seller: toParty(field(serial, "seller")), soldAt: num(sale.soldAt) } : null,
  };
}

/** Maps the lens's `Report` to a BoxRecord. `lot` and `hasSerial` come from the scanned code. */
export function toBoxRecord(r: Struct, gtin: string, lot: string | null, hasSerial: boolean): BoxRecord {
  const productKnown = Boolean(r.productRegistered);
  const product = field(r, "product");
  const rules = field(r, "rules");
  const batchKnown = productKnown && lot !== null && Boolean(r.batchRegistered);
  return {
    blockNumber: num(r.blockNumber),
    blockTimestamp: num(r.blockTimestamp),
    product: productKnown
      ? {
          gtin,
          category: category(product.category),
          name: str(product.name),
          manufacturer: toParty(field(r, "manufacturer")),
          certificate: licence(field(r, "certificate")),
          rules: {
            minHoldDays: num(rules.minHoldDays),
            typicalMasksPerKg: num(rules.typicalMasksPerKg),
            maxMasksPerKg: num(rules.maxMasksPerKg),
          },
        }
      : null,
    batch: batchKnown && lot !== null ? batch(r, lot) : null,
    serial: batchKnown && hasSerial ? toSerialInfo(field(r, "serial")) : null,
    caps: productKnown ? list(r.caps).map(cap) : [],
  };
}
