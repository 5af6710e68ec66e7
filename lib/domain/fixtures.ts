// Test fixtures: the chain's record of one genuine box, as lib/chain would hand it over, with helpers to
// change one fact at a time. Modelled on the demo's genuine box (README.md, "Demo scenarios"): surgical
// masks 09521234500018, lot 260925A, made 60 days before FIXTURE_NOW. Fixed dates, so tests never go stale.
//
// Every builder returns fresh objects: a test may mutate what it gets without affecting another test.
import type { ScannedCode } from "./gs1";
import type {
  AttestationInfo,
  BatchInfo,
  BoxRecord,
  ComplaintInfo,
  HolderInfo,
  LicenceInfo,
  MaterialInfo,
  PartyInfo,
  PriceCapInfo,
  PriceRecordInfo,
  ProductInfo,
  ScanHistory,
  SerialInfo,
  ShipmentInfo,
  TestReportInfo,
} from "./record";
import { CATEGORY_RULE_DEFAULTS, RULE_SETS } from "./standards";
import { DAY, isoDateToSeconds } from "./time";
import type { VerdictInput } from "./verdict";

const HOUR = 3600;

/** Anvil's well-known test accounts, as the demo uses them; the serial signer is the maker's own key. */
export const FIXTURE_ACCOUNTS = {
  regulator: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  supplier: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  maker: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
  auditor: "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
  lab: "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
  distributor: "0x976EA74026E726554dB657fA54763abd0C3a0aa9",
  pharmacy: "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
  otherPharmacy: "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f",
  serialSigner: "0x2546BcD3c84621e976D8185a91A922aE77ECEc30",
  counterfeiter: "0xbDA5747bFD65F08deb54cb465eB87D40e51B197E",
} as const;

export const FIXTURE_GTIN = "09521234500018";
export const FIXTURE_LOT = "260925A";
export const FIXTURE_SERIAL = "100123";
export const FIXTURE_REGION = 320500;

/** The timeline of the genuine lot, unix seconds. */
export const FIXTURE_TIMES = (() => {
  const produced = isoDateToSeconds("2026-09-25");
  const sterilisationEnded = produced + DAY;
  return {
    materialRegistered: produced - 14 * DAY + 9 * HOUR,
    attested: isoDateToSeconds("2026-06-10") + 10 * HOUR,
    attestationFrom: isoDateToSeconds("2026-06-10"),
    attestationUntil: isoDateToSeconds("2027-06-09"),
    produced,
    batchRegistered: produced + 8 * HOUR,
    sterilisationStarted: produced + 5 * HOUR,
    sterilisationEnded,
    tested: produced + 6 * DAY + 15 * HOUR,
    // 16 days after sterilisation ended, as the demo's genuine lot.
    released: sterilisationEnded + 16 * DAY + 2 * HOUR,
    expiry: produced + 2 * 365 * DAY - DAY,
    shippedToDistributor: produced + 20 * DAY + 10 * HOUR,
    shippedToPharmacy: produced + 30 * DAY + 10 * HOUR,
    priceObserved: produced + 40 * DAY + 15 * HOUR,
    capsFrom: isoDateToSeconds("2024-02-01"),
    now: produced + 60 * DAY + 10 * HOUR,
  };
})();

/** 2026-11-24 10:00 China time: the moment the fixture box is scanned. */
export const FIXTURE_NOW = FIXTURE_TIMES.now;

export function makeParty(overrides: Partial<PartyInfo> = {}): PartyInfo {
  return {
    account: FIXTURE_ACCOUNTS.pharmacy,
    name: "仁心大药房（观前店）",
    creditCode: "92320508MA1X0DF63P",
    region: 320500,
    suspendedAt: null,
    hasValidFiling: true,
    bondSuspendedAt: null,
    ...overrides,
  };
}

export const makeMaker = (overrides: Partial<PartyInfo> = {}): PartyInfo =>
  makeParty({
    account: FIXTURE_ACCOUNTS.maker,
    name: "青禾医疗用品有限公司",
    creditCode: "91320505MA1MQH7K3U",
    hasValidFiling: false,
    ...overrides,
  });

export const makeSupplier = (overrides: Partial<PartyInfo> = {}): PartyInfo =>
  makeParty({
    account: FIXTURE_ACCOUNTS.supplier,
    name: "远岫熔喷材料有限公司",
    creditCode: "91320581MA1N4XQ27K",
    hasValidFiling: false,
    ...overrides,
  });

export const makeAuditor = (overrides: Partial<PartyInfo> = {}): PartyInfo =>
  makeParty({
    account: FIXTURE_ACCOUNTS.auditor,
    name: "苏州华信洁净技术检测有限公司",
    creditCode: "91320594MA1P2LW80G",
    hasValidFiling: false,
    ...overrides,
  });

export const makeLab = (overrides: Partial<PartyInfo> = {}): PartyInfo =>
  makeParty({
    account: FIXTURE_ACCOUNTS.lab,
    name: "澄明检测技术服务有限公司",
    creditCode: "91320506MA1W7RJ41B",
    hasValidFiling: false,
    ...overrides,
  });

export const makeDistributor = (overrides: Partial<PartyInfo> = {}): PartyInfo =>
  makeParty({
    account: FIXTURE_ACCOUNTS.distributor,
    name: "苏州康达医药有限公司",
    creditCode: "91320508MA1T3GK56H",
    ...overrides,
  });

export const makePharmacy = (overrides: Partial<PartyInfo> = {}): PartyInfo => makeParty(overrides);

export const makeOtherPharmacy = (overrides: Partial<PartyInfo> = {}): PartyInfo =>
  makeParty({
    account: FIXTURE_ACCOUNTS.otherPharmacy,
    name: "便民大药房（石路店）",
    creditCode: "92320508MA1Y5HN72R",
    ...overrides,
  });

export function makeProductionLicence(overrides: Partial<LicenceInfo> = {}): LicenceInfo {
  // The maker's renewed licence (the number is kept on renewal).
  return {
    kind: "production",
    number: "苏药监械生产许20219901号",
    categories: [1, 2, 3],
    validFrom: isoDateToSeconds("2026-05-20"),
    validUntil: isoDateToSeconds("2031-05-19"),
    revokedAt: null,
    revocationReason: "",
    ...overrides,
  };
}

export function makeCertificate(overrides: Partial<LicenceInfo> = {}): LicenceInfo {
  return {
    kind: "certificate",
    number: "苏械注准20212149901",
    categories: [1],
    validFrom: isoDateToSeconds("2024-01-08"),
    validUntil: isoDateToSeconds("2029-01-07"),
    revokedAt: null,
    revocationReason: "",
    ...overrides,
  };
}

export function makeProduct(overrides: Partial<ProductInfo> = {}): ProductInfo {
  return {
    gtin: FIXTURE_GTIN,
    category: 1,
    name: "医用外科口罩（灭菌级，50只/盒）",
    manufacturer: makeMaker(),
    certificate: makeCertificate(),
    rules: { ...CATEGORY_RULE_DEFAULTS[1] },
    ...overrides,
  };
}

export function makeMaterial(overrides: Partial<MaterialInfo> = {}): MaterialInfo {
  // 209 kg bought (10 % over need), 190 kg used: 200,000 masks → 1,053 masks per kg.
  return {
    lotId: 2,
    code: "MB-2609-60",
    grade: "BFE99 25 g/m²",
    massGrams: 209_000,
    consumedGrams: 190_000,
    usedGrams: 190_000,
    reportHash: "0x6d656c74626c6f776e207265706f7274206d622d323630392d36300000000000",
    registeredAt: FIXTURE_TIMES.materialRegistered,
    supplier: makeSupplier(),
    ...overrides,
  };
}

export function makeAttestation(overrides: Partial<AttestationInfo> = {}): AttestationInfo {
  return {
    auditor: FIXTURE_ACCOUNTS.auditor,
    workshopName: "A栋二层十万级洁净车间",
    cleanClass: 100_000,
    particles05PerM3: 2_150_000,
    particles5PerM3: 8_600,
    airborneCfuPerM3: 180,
    settlingCfuPerPlate: 4,
    temperatureDeciC: 225,
    humidityDeciPct: 520,
    pressureDeciPa: 150,
    staffHealthChecked: true,
    staffTrained: true,
    validFrom: FIXTURE_TIMES.attestationFrom,
    validUntil: FIXTURE_TIMES.attestationUntil,
    attestedAt: FIXTURE_TIMES.attested,
    ...overrides,
  };
}

/** The surgical values the demo's labs report: BFE 98.6 %, PFE 41 %, Δp 38 Pa, blood 120 mmHg … */
export const PASSING_SURGICAL_RESULTS: TestReportInfo["results"] = [
  { metric: 1, value: 9860 },
  { metric: 2, value: 4100 },
  { metric: 3, value: 380 },
  { metric: 4, value: 120 },
  { metric: 5, value: 0 },
  { metric: 6, value: 20 },
  { metric: 7, value: 32 },
];

/** Passing results with some metrics replaced, e.g. `{ 1: 9120 }` for a failing BFE. */
export function surgicalResults(replaced: Partial<Record<number, number>> = {}): TestReportInfo["results"] {
  return PASSING_SURGICAL_RESULTS.map(({ metric, value }) => ({ metric, value: replaced[metric] ?? value }));
}

export function makeTestReport(overrides: Partial<TestReportInfo> = {}): TestReportInfo {
  return {
    lab: FIXTURE_ACCOUNTS.lab,
    testedAt: FIXTURE_TIMES.tested,
    passed: true,
    retest: false,
    firstFailedMetric: null,
    results: surgicalResults(),
    ...overrides,
  };
}

function surgicalRuleSet2011(): NonNullable<BatchInfo["ruleSet"]> {
  const spec = RULE_SETS.find((r) => r.standard === "YY 0469-2011");
  if (!spec) throw new Error("standards.ts lost YY 0469-2011");
  return {
    standard: spec.standard,
    effectiveFrom: isoDateToSeconds(spec.effectiveFrom),
    rules: spec.rules.map((rule) => ({ ...rule })),
  };
}

export function makeShipment(overrides: Partial<ShipmentInfo> = {}): ShipmentInfo {
  return {
    from: FIXTURE_ACCOUNTS.maker,
    to: FIXTURE_ACCOUNTS.distributor,
    boxes: 3000,
    shippedAt: FIXTURE_TIMES.shippedToDistributor,
    settledAt: FIXTURE_TIMES.shippedToDistributor + DAY,
    status: "accepted",
    note: "",
    ...overrides,
  };
}

export function makeHolder(party: PartyInfo, boxes: number): HolderInfo {
  return { party, boxes };
}

export function makePriceCap(overrides: Partial<PriceCapInfo> = {}): PriceCapInfo {
  return {
    category: 1,
    region: FIXTURE_REGION,
    channel: "retail",
    fenPerPiece: 180,
    effectiveFrom: FIXTURE_TIMES.capsFrom,
    legalBasis: "国市监竞争〔2020〕21号",
    ...overrides,
  };
}

/** Suzhou's surgical-mask caps: 1.20 ex-factory, 1.50 wholesale, 1.80 retail yuan per piece. */
export function makeCaps(): PriceCapInfo[] {
  return [
    makePriceCap({ channel: "ex-factory", fenPerPiece: 120 }),
    makePriceCap({ channel: "wholesale", fenPerPiece: 150 }),
    makePriceCap({ channel: "retail", fenPerPiece: 180 }),
  ];
}

export function makePriceRecord(overrides: Partial<PriceRecordInfo> = {}): PriceRecordInfo {
  return {
    seller: makePharmacy(),
    region: FIXTURE_REGION,
    channel: "retail",
    fenPerPiece: 150,
    cap: makePriceCap(),
    violation: false,
    observedAt: FIXTURE_TIMES.priceObserved,
    ...overrides,
  };
}

/** A price record above the retail cap: 3.00 yuan/piece at 便民大药房. */
export function makePriceViolation(overrides: Partial<PriceRecordInfo> = {}): PriceRecordInfo {
  return makePriceRecord({
    seller: makeOtherPharmacy(),
    fenPerPiece: 300,
    violation: true,
    observedAt: FIXTURE_NOW - 5 * DAY,
    ...overrides,
  });
}

export function makeBatch(overrides: Partial<BatchInfo> = {}): BatchInfo {
  const t = FIXTURE_TIMES;
  return {
    id: "0x8f3c2d7a1b9e4f60c5d8a7b6e3f2019c4d5e6f708192a3b4c5d6e7f8091a2b3c",
    lot: FIXTURE_LOT,
    productionDate: t.produced,
    expiryDate: t.expiry,
    masks: 200_000,
    masksPerBox: 50,
    boxes: 4000,
    serialStart: 100_001,
    signer: FIXTURE_ACCOUNTS.serialSigner,
    possessionRoot: "0x" + "5a".repeat(32),
    registeredAt: t.batchRegistered,
    releasedAt: t.released,
    recall: null,
    productionLicence: makeProductionLicence(),
    sterilisation: {
      sterilizer: "清衡灭菌技术有限公司",
      method: "EO",
      startedAt: t.sterilisationStarted,
      endedAt: t.sterilisationEnded,
    },
    materials: [makeMaterial()],
    attestation: makeAttestation(),
    ruleSet: surgicalRuleSet2011(),
    tests: [makeTestReport()],
    holders: [
      makeHolder(makeMaker(), 1000),
      makeHolder(makeDistributor(), 2600),
      makeHolder(makePharmacy(), 400),
    ],
    shipments: [
      makeShipment(),
      makeShipment({
        from: FIXTURE_ACCOUNTS.distributor,
        to: FIXTURE_ACCOUNTS.pharmacy,
        boxes: 400,
        shippedAt: t.shippedToPharmacy,
        settledAt: t.shippedToPharmacy + DAY,
      }),
    ],
    prices: [makePriceRecord()],
    complaints: { list: [], upheld: 0, underInvestigation: false },
    namedParties: [makeAuditor(), makeLab()],
    ...overrides,
  };
}

/** A spec-failure complaint about box 100149 of the fixture lot, upheld by an inspector. */
export function makeComplaint(overrides: Partial<ComplaintInfo> = {}): ComplaintInfo {
  const filedAt = FIXTURE_NOW - 25 * DAY;
  return {
    id: 1,
    kind: "spec-failure",
    status: "upheld",
    serial: 100149,
    filedAt,
    answerDeadline: filedAt + 7 * DAY,
    ruledAt: FIXTURE_NOW - 15 * DAY,
    respondent: makeMaker(),
    compensationFen: 50_000,
    fineFen: 100_000,
    shortfallFen: 0,
    byRetest: false,
    tracedToLot: false,
    ...overrides,
  };
}

export function makeSerial(overrides: Partial<SerialInfo> = {}): SerialInfo {
  return { inRange: true, sale: null, ...overrides };
}

/** What changes in a record: each part replaced, or patched field by field, or set to null. */
export interface RecordOverrides {
  product?: Partial<ProductInfo> | null;
  batch?: Partial<BatchInfo> | null;
  serial?: Partial<SerialInfo> | null;
  caps?: PriceCapInfo[];
  blockNumber?: number;
  blockTimestamp?: number;
}

/** The genuine box's record, with the given parts patched (`null` removes a part). */
export function makeBoxRecord(overrides: RecordOverrides = {}): BoxRecord {
  return {
    blockNumber: overrides.blockNumber ?? 1842,
    blockTimestamp: overrides.blockTimestamp ?? FIXTURE_NOW,
    product: overrides.product === null ? null : makeProduct(overrides.product),
    batch: overrides.batch === null ? null : makeBatch(overrides.batch),
    serial: overrides.serial === null ? null : makeSerial(overrides.serial),
    caps: overrides.caps ?? makeCaps(),
  };
}

/** A record with nothing on it: what lib/chain returns for a product no one registered. */
export function makeEmptyRecord(): BoxRecord {
  return { blockNumber: 0, blockTimestamp: 0, product: null, batch: null, serial: null, caps: [] };
}

/** The 2D code printed on the genuine box, as parsed from its Digital Link. */
export function makeScannedCode(overrides: Partial<ScannedCode> = {}): ScannedCode {
  return {
    gtin: FIXTURE_GTIN,
    lot: FIXTURE_LOT,
    serial: FIXTURE_SERIAL,
    expiry: "2028-09-23",
    productionDate: null,
    signature: "Zm9yLXRlc3RzLW9ubHktYS1zaWduYXR1cmUtb3Zlci1ndGluLWxvdC1zZXJpYWwtLS0tLS0tLS0tLS0tLS0tLS0tLS0",
    form: "digital-link",
    ...overrides,
  };
}

export function makeScanHistory(overrides: Partial<ScanHistory> = {}): ScanHistory {
  return { count: 0, firstVerifiedAt: null, firstPlace: null, devices: 0, ...overrides };
}

export interface VerdictInputOverrides {
  code?: Partial<ScannedCode>;
  record?: RecordOverrides;
  recoveredSigner?: string | null;
  scans?: ScanHistory | null;
  now?: number;
  region?: number;
}

/** A scan of the genuine box in Suzhou at FIXTURE_NOW, with the given changes. */
export function makeVerdictInput(overrides: VerdictInputOverrides = {}): VerdictInput {
  return {
    code: makeScannedCode(overrides.code),
    record: makeBoxRecord(overrides.record),
    recoveredSigner:
      overrides.recoveredSigner === undefined ? FIXTURE_ACCOUNTS.serialSigner : overrides.recoveredSigner,
    scans: overrides.scans === undefined ? makeScanHistory() : overrides.scans,
    now: overrides.now ?? FIXTURE_NOW,
    region: overrides.region ?? FIXTURE_REGION,
  };
}
