// One scan, one verdict: a pure function of (scanned code, chain record, scan history, now, region).
// Each of the 14 checks reads one part of the record and says pass, warn, fail or unknown with a plain
// sentence and the facts behind it; the overall verdict follows from the checks alone, so what the page
// shows and why can never disagree. See DESIGN.md, "One scan, one verdict".
//
// The record comes from the chain and the code from a stranger's camera: nothing here throws, and a
// check that cannot be completed says so (unknown) instead of guessing.
import type { ScannedCode } from "../gs1";
import type {
  BatchInfo,
  BoxRecord,
  ComplaintInfo,
  LicenceInfo,
  PartyInfo,
  PriceCapInfo,
  PriceRecordInfo,
  ProductInfo,
  RuleSetInfo,
  ScanHistory,
  SerialInfo,
  ShipmentInfo,
  SterilisationInfo,
  TestReportInfo,
} from "../record";
import { DAY, daysBetween, startOfDay } from "../time";
import { scanWindowStart } from "../scan-window";
import {
  categoryName,
  formatBoxes,
  formatCleanClass,
  formatCount,
  formatDate,
  formatDateTime,
  formatDays,
  formatHumidity,
  formatInteger,
  formatKg,
  formatList,
  formatMasks,
  formatMasksPerKg,
  formatMetricAgainstLimit,
  formatPressure,
  formatSerialRange,
  formatTemperature,
  formatTimes,
  formatYuan,
  formatYuanPerPiece,
  isWithinLimits,
  metricShortName,
  shortAddress,
  shortPartyName,
  sterilisationMethodName,
} from "../format";
import { regionName } from "../regions";
import type { Locale } from "../locale";
import { zhCN } from "./zh-CN";

export const CHECK_IDS = [
  "code",
  "registered",
  "signature",
  "licence",
  "workshop",
  "material",
  "tests",
  "release",
  "expiry",
  "recall",
  "custody",
  "clone",
  "price",
  "complaints",
] as const;

export type CheckId = (typeof CHECK_IDS)[number];
export type CheckStatus = "pass" | "warn" | "fail" | "unknown";

export interface Check {
  id: CheckId;
  status: CheckStatus;
  title: string;
  detail: string;
}

export type VerdictLevel = "genuine" | "caution" | "suspect" | "not_found";

export interface Verdict {
  verdict: VerdictLevel;
  headline: string;
  /** Always all 14 checks, in CHECK_IDS order. */
  checks: Check[];
}

export interface VerdictInput {
  code: ScannedCode;
  record: BoxRecord;
  /** Address recovered from the code's signature (AI 8030) over (GTIN, lot, serial) by lib/chain; null when there is no signature or it is malformed. */
  recoveredSigner: string | null;
  /** Earlier verifications of this serial from the scan log; null when the log is unavailable. */
  scans: ScanHistory | null;
  /** Unix seconds. */
  now: number;
  /** Administrative division code of the scan, e.g. 320500 (苏州); picks the price cap. */
  region: number;
}

/**
 * Checks whose `unknown` keeps a box from being called genuine: without them we cannot say the box is
 * the maker's, fit to use and not withdrawn. The others (custody, clone, price, complaints) are context.
 */
export const ESSENTIAL_CHECKS: readonly CheckId[] = [
  "registered",
  "signature",
  "tests",
  "release",
  "expiry",
  "recall",
];

/** A box this close to its expiry date is shown with caution: a shopper may not use it all in time. */
export const NEAR_EXPIRY_DAYS = 90;

/** The regulator's default EO hold, used only when the record lacks the category's own rule. */
const DEFAULT_MIN_HOLD_DAYS = 14;

/** Bounds the work of tracing routes through a pathological shipment graph. */
const MAX_CUSTODY_ROUTES = 10;

// ---------------------------------------------------------------------------------------------
// Messages. Every sentence a shopper reads is built here in English; verdict.zh-CN.ts builds the same
// sentences in Chinese (same type, checked by the compiler), and evaluateVerdict picks one by locale.
// ---------------------------------------------------------------------------------------------

interface Outcome {
  title: string;
  detail: string;
}

type Sentence = string;

/** Shared by the three ways a batch can be unreleased. */
function divertedWarning(): Sentence {
  return "No box of an unreleased batch may be sold: boxes in trade from it were diverted before release.";
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** ": reason", or nothing when the record gives none. */
function reasonSuffix(reason: string): string {
  return reason.trim() ? `: ${reason.trim()}` : "";
}

/** " (legal basis)", or nothing when the record gives none. */
function basisSuffix(basis: string): string {
  return basis.trim() ? ` (${basis.trim()})` : "";
}

/** Why an unsold box's earlier checks are counted from its lot's delivery (scan-window.ts). */
const PRE_DELIVERY_SCANS =
  "Checks before the delivery are not counted: anyone can scan a lot's codes before its boxes reach a shop.";

function joinAfter(sentences: Sentence[]): string {
  return sentences.length === 0 ? "" : ` ${sentences.join(" ")}`;
}

const en = {
  couldNotCheck: (): Outcome => ({
    title: "This check could not be completed",
    detail: "Part of the record for this check could not be read. The other checks are unaffected.",
  }),
  code: {
    bareGtin: (gtin: string): Outcome => ({
      title: "This barcode only identifies the product — scan the square 2D code for the box",
      detail:
        `A retail barcode carries only the product number (GTIN ${gtin}). The lot, the box's serial ` +
        "number and the maker's signature are in the square 2D code (DataMatrix or QR) on the box.",
    }),
    noSerial: (gtin: string, lot: string): Outcome => ({
      title: "This code identifies the lot but not the box",
      detail:
        `The code names product ${gtin}, lot ${lot}, but no serial number, so this particular box ` +
        "cannot be checked. Look for a 2D code that also carries a serial number.",
    }),
    expiryMismatch: (printed: string, recorded: string, lot: string): Outcome => ({
      title: "The expiry date on the code does not match the record",
      detail:
        `The code says use by ${printed}, but lot ${lot} was registered with expiry ${recorded}. ` +
        "A genuine box carries its lot's own date: this box may have been relabelled.",
    }),
    productionMismatch: (printed: string, recorded: string, lot: string): Outcome => ({
      title: "The production date on the code does not match the record",
      detail:
        `The code says made on ${printed}, but lot ${lot} was registered as made on ${recorded}. ` +
        "A genuine box carries its lot's own date: this box may have been relabelled.",
    }),
    complete: (
      code: { gtin: string; lot: string; serial: string },
      printedExpiry: string | null,
    ): Outcome => ({
      title: "The code identifies this box",
      detail:
        `Product ${code.gtin}, lot ${code.lot}, serial ${code.serial}` +
        (printedExpiry === null ? "." : `, use by ${printedExpiry} as printed.`),
    }),
  },
  registered: {
    unknownProduct: (gtin: string): Outcome => ({
      title: "This product is not on the record",
      detail:
        `No manufacturer has registered product ${gtin}. Every genuine product of a participating maker ` +
        "is registered before its first box is made.",
    }),
    productOnly: (product: ProductInfo): Outcome => ({
      title: `${product.name} is registered by ${product.manufacturer.name}`,
      detail:
        `The product (GTIN ${product.gtin}, ${categoryName(product.category)}) is registered, but without ` +
        "a lot number the box itself cannot be checked.",
    }),
    unknownLot: (lot: string, product: ProductInfo): Outcome => ({
      title: `No lot ${lot} is registered for this product`,
      detail:
        `${product.manufacturer.name} registered ${product.name} (GTIN ${product.gtin}) but never a lot ` +
        `${lot}. A box with an unregistered lot number is not one of the maker's.`,
    }),
    noSerial: (batch: BatchInfo, maker: string): Outcome => ({
      title: "No serial number to check",
      detail:
        `Lot ${batch.lot} was registered by ${maker} on ${formatDate(batch.registeredAt)}, but the code ` +
        "carries no serial number, so it cannot show that this box is one of the lot's.",
    }),
    serialNotIssued: (serial: string, batch: BatchInfo): Outcome => ({
      title: `Serial ${serial} was never issued for lot ${batch.lot}`,
      detail:
        `Lot ${batch.lot} was issued ${formatBoxes(batch.boxes)} with serials ` +
        `${formatSerialRange(batch.serialStart, batch.boxes)}; ${serial} is not one of them. ` +
        "A code with a serial the maker never issued is a copy.",
    }),
    issued: (serial: string, batch: BatchInfo, product: ProductInfo): Outcome => ({
      title: `Registered by ${product.manufacturer.name}`,
      detail:
        `Lot ${batch.lot} of ${product.name} (GTIN ${product.gtin}) was registered by ` +
        `${product.manufacturer.name} on ${formatDate(batch.registeredAt)}. Serial ${serial} is one of the ` +
        `${formatInteger(batch.boxes)} issued (${formatSerialRange(batch.serialStart, batch.boxes)}).`,
    }),
  },
  signature: {
    noLot: (): Outcome => ({
      title: "No lot to check the signature against",
      detail: "The maker's signing key is registered per lot, and this code names no registered lot.",
    }),
    noSerial: (): Outcome => ({
      title: "No serial number to check the signature of",
      detail: "The maker signs each box's product, lot and serial number; this code carries no serial.",
    }),
    missing: (maker: string): Outcome => ({
      title: "No maker's signature on the code",
      detail:
        `Every box of this lot carries ${maker}'s digital signature in its 2D code; this code has none. ` +
        "A code without it was not printed by the maker.",
    }),
    malformed: (): Outcome => ({
      title: "The signature on the code is damaged or forged",
      detail:
        "The code carries something in the signature field, but it is not a valid signature over this " +
        "product, lot and serial number.",
    }),
    wrongSigner: (recovered: string, expected: string, maker: string, lot: string): Outcome => ({
      title: "The code was not signed by the maker",
      detail:
        `The code was signed by key ${shortAddress(recovered)}, but ${maker} signs lot ${lot} with key ` +
        `${shortAddress(expected)}. Someone else made this code.`,
    }),
    valid: (maker: string, lot: string, signer: string): Outcome => ({
      title: "Signed by the maker",
      detail:
        `The signature over this product, lot and serial number was made with the signing key that ${maker} ` +
        `registered for lot ${lot} (${shortAddress(signer)}). It cannot be forged without that key.`,
    }),
  },
  licence: {
    noBatch: (): Outcome => ({
      title: "No lot to check the licences against",
      detail: "Licences are checked against a lot's production date, and this code names no registered lot.",
    }),
    invalidAtProduction: (document: Sentence, licence: LicenceInfo, producedAt: number): Outcome => ({
      title: `Made without a valid ${document}`,
      detail:
        `${capitalised(document)} ${licence.number} was valid from ${formatDate(licence.validFrom)} to ` +
        `${formatDate(licence.validUntil)}` +
        (licence.revokedAt === null
          ? ""
          : ` and revoked on ${formatDate(licence.revokedAt)}${reasonSuffix(licence.revocationReason)}`) +
        `. The lot was made on ${formatDate(producedAt)}, when it was not valid.`,
    }),
    notCovering: (document: Sentence, licence: LicenceInfo, category: number): Outcome => ({
      title: `The ${document} does not cover this kind of mask`,
      detail: `${capitalised(document)} ${licence.number} does not include ${categoryName(category).toLowerCase()}s.`,
    }),
    revokedSince: (
      document: Sentence,
      licence: LicenceInfo,
      revokedAt: number,
      producedAt: number,
    ): Outcome => ({
      title: `Made while licensed; ${document} revoked on ${formatDate(revokedAt)}`,
      detail:
        `Made on ${formatDate(producedAt)} under ${document} ${licence.number}, which was valid then. ` +
        `Licence ${licence.number} was revoked on ${formatDate(revokedAt)}` +
        `${reasonSuffix(licence.revocationReason)}. Boxes made before the revocation stay on the record.`,
    }),
    makerSuspended: (maker: PartyInfo, suspendedAt: number): Outcome => ({
      title: `${maker.name} is suspended`,
      detail:
        `The regulator suspended ${maker.name} on ${formatDate(suspendedAt)}. ` +
        "This lot was registered under its licences; watch for a recall notice.",
    }),
    missing: (documents: Sentence[]): Outcome => ({
      title: "Licence information is missing",
      detail: `The record does not include the ${formatList(documents)} for this lot.`,
    }),
    valid: (
      production: LicenceInfo,
      certificate: LicenceInfo,
      producedAt: number,
      maker: string,
    ): Outcome => ({
      title: "Made under a valid licence",
      detail:
        `Made by ${maker} on ${formatDate(producedAt)} under production licence ${production.number} ` +
        `(valid ${formatDate(production.validFrom)} to ${formatDate(production.validUntil)}) and ` +
        `registration certificate ${certificate.number} (valid ${formatDate(certificate.validFrom)} to ` +
        `${formatDate(certificate.validUntil)}).`,
    }),
  },
  workshop: {
    noBatch: (): Outcome => ({
      title: "No lot to check the workshop of",
      detail: "Workshops are named per lot, and this code names no registered lot.",
    }),
    none: (): Outcome => ({
      title: "No workshop attestation on the record",
      detail: "The record does not say which clean workshop made this lot or how clean it was.",
    }),
    notCovering: (workshop: string, validFrom: number, validUntil: number, producedAt: number): Outcome => ({
      title: "The workshop was not attested on the production date",
      detail:
        `${workshop}'s attestation was valid from ${formatDate(validFrom)} to ${formatDate(validUntil)}, ` +
        `but the lot was made on ${formatDate(producedAt)}.`,
    }),
    attested: (
      attestation: NonNullable<BatchInfo["attestation"]>,
      auditor: string,
      producedAt: number,
    ): Outcome => ({
      title: `Made in a ${formatCleanClass(attestation.cleanClass)} clean workshop`,
      detail:
        `${attestation.workshopName} was attested by ${auditor} on ${formatDate(attestation.attestedAt)}: ` +
        `particles ≥0.5 µm ${formatInteger(attestation.particles05PerM3)}/m³ and ≥5 µm ` +
        `${formatInteger(attestation.particles5PerM3)}/m³, airborne microbes ` +
        `${formatInteger(attestation.airborneCfuPerM3)} CFU/m³, settling microbes ` +
        `${formatInteger(attestation.settlingCfuPerPlate)} CFU/plate, ` +
        `${formatTemperature(attestation.temperatureDeciC)}, ${formatHumidity(attestation.humidityDeciPct)}, ` +
        `pressure difference ${formatPressure(attestation.pressureDeciPa)}; ` +
        (attestation.staffHealthChecked && attestation.staffTrained
          ? "staff health checks and training on record. "
          : "staff health checks or training not on record. ") +
        `Valid ${formatDate(attestation.validFrom)} to ${formatDate(attestation.validUntil)}, covering the ` +
        `production date ${formatDate(producedAt)}.`,
    }),
  },
  material: {
    noBatch: (): Outcome => ({
      title: "No lot to check the filter material of",
      detail: "Meltblown use is recorded per lot, and this code names no registered lot.",
    }),
    none: (): Outcome => ({
      title: "No filter material on the record",
      detail: "The record does not say which meltblown fabric lot this batch was made from.",
    }),
    noRules: (): Outcome => ({
      title: "No material rules for this product",
      detail: "Without the product's category the masks made per kg of meltblown cannot be judged.",
    }),
    noUsage: (lots: Sentence): Outcome => ({
      title: "No meltblown use recorded",
      detail: `The batch names ${lots} but records no mass used, so masks per kg cannot be worked out.`,
    }),
    aboveCeiling: (
      masks: number,
      grams: number,
      perKg: number,
      ceiling: number,
      lots: Sentence,
    ): Outcome => ({
      title: "Too many masks for the filter material used",
      detail:
        `${formatMasks(masks)} from ${formatKg(grams)} of meltblown is ${formatMasksPerKg(perKg)}, above ` +
        `the ceiling of ${formatInteger(ceiling)} for this category: there cannot have been enough filter ` +
        `layer for every mask. Material: ${lots}.`,
    }),
    aboveTypical: (
      perKg: number,
      typical: number,
      ceiling: number,
      masks: number,
      grams: number,
      lots: Sentence,
    ): Outcome => ({
      title: "More masks per kg of meltblown than usual",
      detail:
        `${formatMasksPerKg(perKg)} of meltblown, above the typical ${formatInteger(typical)} for this ` +
        `category (ceiling ${formatInteger(ceiling)}). ${formatMasks(masks)} were made from ` +
        `${formatKg(grams)}: ${lots}. More masks from the same material can mean a thinner filter layer; ` +
        "the lab tests show whether the masks still filter well enough.",
    }),
    normal: (
      perKg: number,
      typical: number,
      ceiling: number,
      masks: number,
      grams: number,
      lots: Sentence,
    ): Outcome => ({
      title: "Enough filter material for every mask",
      detail:
        `${formatMasks(masks)} from ${formatKg(grams)} of meltblown: ${lots}. That is ` +
        `${formatMasksPerKg(perKg)} (typical ${formatInteger(typical)}, ceiling ${formatInteger(ceiling)}).`,
    }),
    /** The mass is named per lot only when there are several; one lot's is the batch's total. */
    lot: (code: string, grade: string, supplier: string, usedGrams: number | null): Sentence =>
      `lot ${code} (${grade}${usedGrams === null ? "" : `, ${formatKg(usedGrams)}`}) from ${supplier}`,
  },
  tests: {
    noBatch: (): Outcome => ({
      title: "No lot to check the test results of",
      detail: "Labs test each lot, and this code names no registered lot.",
    }),
    none: (): Outcome => ({
      title: "No test results on the record",
      detail: "No lab has posted results for this lot against the standard in force on its production date.",
    }),
    failed: (report: TestReportInfo, lab: string, standard: string, failure: Sentence | null): Outcome => ({
      title: failure === null ? "Failed its lab test" : `Failed its lab test: ${failure}`,
      detail:
        `The ${report.retest ? "retest" : "test"} by ${lab} on ${formatDate(report.testedAt)} against ` +
        `${standard} failed` +
        (failure === null ? "." : `: ${failure}.`) +
        " Masks that fail their standard may not protect you.",
    }),
    passed: (
      report: TestReportInfo,
      lab: string,
      ruleSet: RuleSetInfo,
      results: Sentence[],
      earlierFailed: boolean,
    ): Outcome => ({
      title: `Passed all ${formatCount(ruleSet.rules.length, "lab test", "lab tests")} of ${ruleSet.standard}`,
      detail:
        `Tested by ${lab} on ${formatDate(report.testedAt)} against ${ruleSet.standard}: ` +
        `${results.join(", ")}.` +
        (report.retest
          ? earlierFailed
            ? " This is a retest: an earlier report failed, and the lab tested the lot again."
            : " This result is from a retest ordered after the first report."
          : ""),
    }),
  },
  release: {
    noBatch: (): Outcome => ({
      title: "No lot to check the release of",
      detail: "This code names no registered lot.",
    }),
    inHold: (sterilisation: SterilisationInfo, holdEnds: number, minHoldDays: number): Outcome => ({
      title: "Not released by the maker",
      detail:
        `Sterilised with ${sterilisationMethodName(sterilisation.method)} by ${sterilisation.sterilizer} until ` +
        `${formatDate(sterilisation.endedAt)}; the ${minHoldDays}-day hold for the gas to clear ends on ` +
        `${formatDate(holdEnds)} and the maker has not released the batch. ${divertedWarning()}`,
    }),
    holdOver: (sterilisation: SterilisationInfo, holdEnded: number, minHoldDays: number): Outcome => ({
      title: "Not released by the maker",
      detail:
        `Sterilised with ${sterilisationMethodName(sterilisation.method)} by ${sterilisation.sterilizer} until ` +
        `${formatDate(sterilisation.endedAt)}; the ${minHoldDays}-day hold ended on ${formatDate(holdEnded)}, ` +
        `but the maker has not released the batch. ${divertedWarning()}`,
    }),
    notSterilised: (): Outcome => ({
      title: "Not released by the maker",
      detail: `No sterilisation is recorded and the maker has not released the batch. ${divertedWarning()}`,
    }),
    early: (
      releasedAt: number,
      sterilisation: SterilisationInfo,
      heldDays: number,
      minHoldDays: number,
    ): Outcome => ({
      title: `Released after only ${formatDays(heldDays)}`,
      detail:
        `Released on ${formatDate(releasedAt)}, ${formatDays(heldDays)} after ${sterilisationMethodName(sterilisation.method)} ` +
        `sterilisation ended on ${formatDate(sterilisation.endedAt)}; at least ${formatDays(minHoldDays)} ` +
        "are required for the gas to clear from the masks.",
    }),
    afterHold: (
      releasedAt: number,
      sterilisation: SterilisationInfo,
      heldDays: number,
      minHoldDays: number,
    ): Outcome => ({
      title: `Released after a ${formatInteger(heldDays)}-day hold`,
      detail:
        `Released on ${formatDate(releasedAt)} after ${formatDays(heldDays)}' hold: sterilised with ` +
        `${sterilisationMethodName(sterilisation.method)} by ${sterilisation.sterilizer} from ${formatDate(sterilisation.startedAt)} ` +
        `to ${formatDate(sterilisation.endedAt)}, and at least ${formatDays(minHoldDays)} are required ` +
        "for the gas to clear.",
    }),
    releasedWithoutSterilisation: (releasedAt: number): Outcome => ({
      title: `Released on ${formatDate(releasedAt)}`,
      detail: `The maker released the batch on ${formatDate(releasedAt)}. No sterilisation record is shown.`,
    }),
  },
  expiry: {
    noBatch: (): Outcome => ({
      title: "No lot to check the expiry date of",
      detail: "This code names no registered lot, so its expiry date cannot be confirmed.",
    }),
    expired: (expiry: number, lot: string): Outcome => ({
      title: `Expired on ${formatDate(expiry)}`,
      detail: `Lot ${lot} could be used until ${formatDate(expiry)}. Expired masks may no longer filter or be sterile.`,
    }),
    soon: (expiry: number, daysLeft: number): Outcome => ({
      title:
        daysLeft < 1
          ? `Use by ${formatDate(expiry)}: this is the last day`
          : `Use by ${formatDate(expiry)}: ${formatDays(daysLeft)} left`,
      detail:
        `The lot can be used until ${formatDate(expiry)}. Buy only what you will use by then, ` +
        "and check the date before using a mask.",
    }),
    fine: (expiry: number, producedAt: number): Outcome => ({
      title: `Use by ${formatDate(expiry)}`,
      detail: `Made on ${formatDate(producedAt)}; the lot can be used until ${formatDate(expiry)}.`,
    }),
  },
  recall: {
    noBatch: (): Outcome => ({
      title: "No lot to check for recalls",
      detail: "Recalls are issued per lot, and this code names no registered lot.",
    }),
    recalled: (at: number, reason: string): Outcome => ({
      title: `Recalled on ${formatDate(at)}`,
      detail:
        `The regulator recalled this lot on ${formatDate(at)}${reasonSuffix(reason)}. ` +
        "Do not use the masks; return them to the seller.",
    }),
    none: (lot: string, asOf: number): Outcome => ({
      title: "Not recalled",
      detail: `No recall of lot ${lot} is on the record as of ${formatDate(asOf)}.`,
    }),
  },
  custody: {
    noBatch: (): Outcome => ({
      title: "No lot to trace",
      detail: "Custody is recorded per lot, and this code names no registered lot.",
    }),
    neverShipped: (maker: string): Outcome => ({
      title: "Never shipped by the maker",
      detail:
        `${maker} has not released this lot, and it was never shipped by the maker: boxes in a shop did ` +
        "not come through licensed custody.",
    }),

    unlicensedHolder: (problems: Sentence[], held: Sentence): Outcome => ({
      title: "A holder of this lot lacks a valid licence",
      detail: `${problems.join(" ")} ${held}`,
    }),
    holderWithoutFiling: (holder: string, boxes: number): Sentence =>
      `${holder} holds ${formatBoxes(boxes)} without a valid Class II distribution filing.`,
    holderSuspended: (holder: string, boxes: number, at: number): Sentence =>
      `${holder}, holding ${formatBoxes(boxes)}, was suspended by the regulator on ${formatDate(at)}.`,
    withMaker: (maker: string, held: Sentence): Outcome => ({
      title: "Not shipped yet: all boxes are with the maker",
      detail: `${maker} has released the lot but not shipped any of it. ${held}`,
    }),
    traced: (routes: Sentence[], shipments: Sentence[], held: Sentence): Outcome => ({
      title:
        routes.length <= 1
          ? (routes[0] ?? "Shipped through licensed hands")
          : `${routes[0]} and ${formatCount(routes.length - 1, "other route", "other routes")}`,
      detail: `${shipments.join(". ")}. ${held}`,
    }),
    makerHop: (): Sentence => "Maker",
    shipment: (from: string, to: string, shipment: ShipmentInfo): Sentence =>
      `${from} shipped ${formatBoxes(shipment.boxes)} to ${to} on ${formatDate(shipment.shippedAt)}` +
      (shipment.status === "accepted"
        ? shipment.settledAt === null
          ? ", accepted"
          : `, accepted on ${formatDate(shipment.settledAt)}`
        : shipment.status === "rejected"
          ? (shipment.settledAt === null ? ", rejected" : `, rejected on ${formatDate(shipment.settledAt)}`) +
            reasonSuffix(shipment.note)
          : ", awaiting receipt"),
    held: (holdings: Sentence[]): Sentence =>
      holdings.length === 0
        ? "No one holds boxes of this lot now."
        : `Boxes held now: ${holdings.join(", ")}.`,
    holding: (holder: string, boxes: number): Sentence => `${holder} ${formatInteger(boxes)}`,
  },
  clone: {
    noSerial: (): Outcome => ({
      title: "No serial number to check for copies",
      detail: "Copies are recognised by a box's serial number, and this code names no registered box.",
    }),
    saleUnknown: (): Outcome => ({
      title: "Sale record unavailable",
      detail: "Whether this box has been sold could not be read from the record.",
    }),
    sold: (seller: PartyInfo, soldAt: number, devicesAfterSale: number | null): Outcome => ({
      title: `This code was sold at ${shortPartyName(seller.name)} on ${formatDate(soldAt)}`,
      detail:
        `This box was sold at ${seller.name} on ${formatDateTime(soldAt)}. If you bought it there then, it ` +
        "is your box; a box with this code anywhere else is a copy." +
        (devicesAfterSale !== null && devicesAfterSale > 1
          ? ` Since the sale it has been checked from ${formatCount(devicesAfterSale, "device", "different devices")}.`
          : ""),
    }),
    historyUnavailable: (): Outcome => ({
      title: "Scan history unavailable",
      detail:
        "The box has not been sold through a registered pharmacy. The scan history is unavailable right " +
        "now, so earlier checks of this code cannot be shown.",
    }),
    firstCheck: (deliveredAt: number | null): Outcome => ({
      title: "First check of this box",
      detail:
        deliveredAt === null
          ? "No one has checked this code before, and it has not been sold through a registered pharmacy."
          : `No one has checked this code since its lot was delivered on ${formatDate(deliveredAt)}, and it ` +
            "has not been sold through a registered pharmacy. " +
            PRE_DELIVERY_SCANS,
    }),
    checkedBefore: (scans: ScanHistory, deliveredAt: number | null): Outcome => ({
      title:
        `Checked ${formatTimes(scans.count)} before` +
        (scans.firstVerifiedAt === null ? "" : `; first on ${formatDate(scans.firstVerifiedAt)}`) +
        (scans.firstPlace ? `, ${scans.firstPlace}` : ""),
      detail:
        `This code was checked ${formatTimes(scans.count)} ` +
        (deliveredAt === null ? "before" : `since its lot was delivered on ${formatDate(deliveredAt)}`) +
        (scans.firstVerifiedAt === null ? "" : `, first on ${formatDateTime(scans.firstVerifiedAt)}`) +
        (scans.firstPlace ? ` in ${scans.firstPlace}` : "") +
        ". It has not been sold through a registered pharmacy. If those checks were not yours, someone " +
        "else has seen this code." +
        (deliveredAt === null ? "" : ` ${PRE_DELIVERY_SCANS}`),
    }),
  },
  price: {
    noProduct: (): Outcome => ({
      title: "No price information",
      detail: "Price caps are set per kind of mask, and this product is not registered.",
    }),
    violations: (records: Sentence[], seller: string): Outcome => ({
      title: `Sold above the price cap at ${seller}`,
      detail:
        `${records.join(" ")} An inspector's record counts against the seller; it says nothing about ` +
        "the masks themselves.",
    }),
    violation: (record: PriceRecordInfo): Sentence =>
      `Recorded at ${formatYuanPerPiece(record.fenPerPiece)} at ${record.seller.name} on ` +
      `${formatDate(record.observedAt)}, above ` +
      (record.cap === null
        ? "the price cap."
        : `the ${record.cap.channel} cap of ${formatYuanPerPiece(record.cap.fenPerPiece)}` +
          `${basisSuffix(record.cap.legalBasis)}.`),
    noCap: (recorded: Sentence[]): Outcome => ({
      title: "No retail price cap here",
      detail: `No retail price cap for this kind of mask is recorded for this region.${joinAfter(recorded)}`,
    }),
    capHere: (cap: PriceCapInfo, recorded: Sentence[]): Outcome => ({
      title: `Retail cap here: ${formatYuanPerPiece(cap.fenPerPiece)}`,
      detail:
        `The retail price cap in force in ${regionName(cap.region) ?? `region ${cap.region}`} since ` +
        `${formatDate(cap.effectiveFrom)} is ` +
        `${formatYuanPerPiece(cap.fenPerPiece)}${basisSuffix(cap.legalBasis)}.${joinAfter(recorded)}`,
    }),
    withinCap: (record: PriceRecordInfo): Sentence =>
      `Recorded at ${formatYuanPerPiece(record.fenPerPiece)} at ${record.seller.name} on ` +
      `${formatDate(record.observedAt)}, within the cap.`,
  },
  complaints: {
    noBatch: (): Outcome => ({
      title: "No complaint record",
      detail: "Complaints are recorded per batch, and this box's batch is not on the record.",
    }),
    none: (): Outcome => ({
      title: "No complaints",
      detail: "No one has filed a complaint about this batch.",
    }),
    dismissedOnly: (dismissed: number): Outcome => ({
      title: "No upheld complaints",
      detail: `${formatCount(dismissed, "complaint", "complaints")} about this batch ${dismissed === 1 ? "was" : "were"} dismissed.`,
    }),
    underInvestigation: (upheld: number, details: Sentence[]): Outcome => ({
      title: "This batch is under investigation",
      detail:
        `${formatCount(upheld, "complaint", "complaints")} about this batch ${upheld === 1 ? "was" : "were"} upheld, enough ` +
        `for the regulator to investigate it. ${details.join(" ")}`,
    }),
    upheld: (details: Sentence[]): Outcome => ({
      title: "A complaint about this batch was upheld",
      detail: details.join(" "),
    }),
    pending: (details: Sentence[]): Outcome => ({
      title: "A complaint about this batch is open",
      detail: `${details.join(" ")} It has not been ruled on yet; until then it says nothing for certain.`,
    }),
    kind: (kind: ComplaintInfo["kind"]): Sentence =>
      ({
        "spec-failure": "masks that fail their standard",
        counterfeit: "a counterfeit sold under this code",
        "price-above-cap": "a price above the cap",
      })[kind],
    upheldOne: (c: ComplaintInfo, thisBox: boolean): Sentence =>
      `A complaint about ${en.complaints.kind(c.kind)}${thisBox ? " (this very box)" : ""}, filed on ` +
      `${formatDate(c.filedAt)}, was upheld on ${formatDate(c.ruledAt ?? c.filedAt)} ` +
      `${c.byRetest ? "by a laboratory retest" : "by an inspector"}` +
      `${c.tracedToLot ? ", traced to the meltblown lot" : ""}: ${c.respondent.name} paid ` +
      `${formatYuan(c.compensationFen)} to the buyer and a ${formatYuan(c.fineFen)} fine from its bond.` +
      (c.shortfallFen > 0 ? ` ${formatYuan(c.shortfallFen)} of it could not be paid from the bond.` : ""),
    pendingOne: (c: ComplaintInfo, thisBox: boolean): Sentence =>
      `A complaint about ${en.complaints.kind(c.kind)}${thisBox ? " (this very box)" : ""} was filed on ` +
      `${formatDate(c.filedAt)} against ${c.respondent.name}` +
      (c.status === "answered"
        ? ", which has answered; an inspector will rule."
        : `, which may answer until ${formatDate(c.answerDeadline)}.`),
  },
  headline: {
    not_found: (): string => "No registered manufacturer uses this product number",
    genuine: (): string => "Made, tested and released by licensed parties, and traced to the shelf",
    incomplete: (): string => "The record is incomplete: read what it does not say below",
  },
  documents: {
    production: (): Sentence => "production licence",
    certificate: (): Sentence => "registration certificate",
  },
  theMaker: (): Sentence => "the maker",
};

/** The shape every language's catalogue has: the compiler checks the Chinese one against it. */
export type VerdictMessages = typeof en;

const VERDICT_MESSAGES: Record<Locale, VerdictMessages> = { en, "zh-CN": zhCN };

// ---------------------------------------------------------------------------------------------
// Reading the record. Exported where the timeline tells the same facts.
// ---------------------------------------------------------------------------------------------

/**
 * Names for the addresses the record mentions. Shipments and reports carry only addresses; the parties
 * the record describes in full (maker, suppliers, holders, price records' sellers, the serial's seller)
 * give them names. An address no one named is shown shortened.
 */
export function partyDirectory(record: BoxRecord, locale: Locale = "en"): (address: string) => string {
  const parties = knownParties(record);
  return (address: string) => parties.get(address.toLowerCase())?.name ?? shortAddress(address, locale);
}

/** Every named party the record describes in full, by lower-case address; the first description wins. */
export function knownParties(record: BoxRecord): Map<string, PartyInfo> {
  const parties = new Map<string, PartyInfo>();
  const add = (party: PartyInfo | null | undefined) => {
    if (party?.account && party.name && !parties.has(party.account.toLowerCase())) {
      parties.set(party.account.toLowerCase(), party);
    }
  };
  add(record.product?.manufacturer);
  for (const holder of record.batch?.holders ?? []) add(holder.party);
  for (const price of record.batch?.prices ?? []) add(price.seller);
  for (const material of record.batch?.materials ?? []) add(material.supplier);
  add(record.serial?.sale?.seller);
  for (const party of record.batch?.namedParties ?? []) add(party);
  for (const complaint of record.batch?.complaints.list ?? []) add(complaint.respondent);
  return parties;
}

export function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Valid on `at`: within its dates and not yet revoked (revocation takes effect at `revokedAt`). */
export function isLicenceValidAt(
  licence: Pick<LicenceInfo, "validFrom" | "validUntil" | "revokedAt">,
  at: number,
): boolean {
  return (
    licence.validFrom <= at &&
    at <= licence.validUntil &&
    (licence.revokedAt === null || at < licence.revokedAt)
  );
}

/** The regulator's minimum EO hold for the product's category. */
export function minHoldDaysOf(product: ProductInfo | null): number {
  const days = product?.rules.minHoldDays;
  return days !== undefined && Number.isFinite(days) && days >= 0 ? days : DEFAULT_MIN_HOLD_DAYS;
}

/** Whole days between the end of sterilisation and release. */
export function heldDays(sterilisation: SterilisationInfo, releasedAt: number): number {
  return daysBetween(sterilisation.endedAt, releasedAt);
}

/** The most recent report; on a tie the one posted last, since reports are appended in order. */
export function latestReport(reports: readonly TestReportInfo[]): TestReportInfo | null {
  let latest: TestReportInfo | null = null;
  for (const report of reports) if (latest === null || report.testedAt >= latest.testedAt) latest = report;
  return latest;
}

/** "BFE 98.6 % (must be ≥ 95 %)" for every rule of the rule set, in the rule set's order. */
export function describeResults(
  ruleSet: RuleSetInfo,
  report: TestReportInfo,
  locale: Locale = "en",
): string[] {
  return ruleSet.rules.map((rule) => {
    const result = report.results.find((r) => r.metric === rule.metric);
    return formatMetricAgainstLimit(rule.metric, result?.value ?? null, rule.min, rule.max, locale);
  });
}

/** The failed metric as "BFE 91.2 % (must be ≥ 95 %)": the lab's own, or the first outside its limits. */
export function describeFirstFailure(
  ruleSet: RuleSetInfo | null,
  report: TestReportInfo,
  locale: Locale = "en",
): string | null {
  const rules = ruleSet?.rules ?? [];
  const failedRule =
    report.firstFailedMetric !== null
      ? rules.find((rule) => rule.metric === report.firstFailedMetric)
      : rules.find((rule) => {
          const result = report.results.find((r) => r.metric === rule.metric);
          return result === undefined || !isWithinLimits(result.value, rule.min, rule.max);
        });
  const metric = failedRule?.metric ?? report.firstFailedMetric;
  if (metric === null || metric === undefined) return null;
  const value = report.results.find((r) => r.metric === metric)?.value ?? null;
  if (failedRule === undefined)
    return value === null
      ? metricShortName(metric, locale)
      : formatMetricAgainstLimit(metric, value, null, null, locale);
  return formatMetricAgainstLimit(metric, value, failedRule.min, failedRule.max, locale);
}

/**
 * The cap in force at `now` for the category, channel and region: the latest one effective by then.
 * A district without its own cap (320508) falls back to its city's (320500), then its province's
 * (320000), because that is where the region's caps are set.
 */
export function capInForce(
  caps: readonly PriceCapInfo[],
  category: number,
  channel: PriceCapInfo["channel"],
  region: number,
  now: number,
): PriceCapInfo | null {
  const regions = [region, Math.floor(region / 100) * 100, Math.floor(region / 10_000) * 10_000];
  for (const candidate of regions) {
    let best: PriceCapInfo | null = null;
    for (const cap of caps) {
      if (cap.category !== category || cap.channel !== channel || cap.region !== candidate) continue;
      if (cap.effectiveFrom > now) continue;
      if (best === null || cap.effectiveFrom >= best.effectiveFrom) best = cap;
    }
    if (best !== null) return best;
  }
  return null;
}

/** A serial the maker issued: all digits, inside the batch's range, and not contradicted by the chain. */
function isIssuedSerial(serial: string, batch: BatchInfo, serialInfo: SerialInfo | null): boolean {
  if (!/^\d{1,20}$/.test(serial)) return false;
  if (serialInfo?.inRange === false) return false;
  if (!Number.isSafeInteger(batch.serialStart) || !Number.isSafeInteger(batch.boxes)) {
    return serialInfo?.inRange === true;
  }
  // Serials may be longer than a double holds exactly.
  const value = BigInt(serial);
  const start = BigInt(batch.serialStart);
  return value >= start && value < start + BigInt(batch.boxes);
}

/**
 * The printed expiry date is the last day of use (GS1), so a box expires when the next day begins in
 * China time, not at the first second of its expiry date.
 */
function endOfUse(expiryDate: number): number {
  return startOfDay(expiryDate) + DAY;
}

// ---------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------

interface Context {
  code: ScannedCode;
  record: BoxRecord;
  product: ProductInfo | null;
  batch: BatchInfo | null;
  recoveredSigner: string | null;
  scans: ScanHistory | null;
  now: number;
  region: number;
  nameOf: (address: string) => string;
  locale: Locale;
  text: VerdictMessages;
}

type Result = Omit<Check, "id">;

const pass = (outcome: Outcome): Result => ({ status: "pass", ...outcome });
const warn = (outcome: Outcome): Result => ({ status: "warn", ...outcome });
const fail = (outcome: Outcome): Result => ({ status: "fail", ...outcome });
const unknown = (outcome: Outcome): Result => ({ status: "unknown", ...outcome });

function checkCode({ code, batch, text }: Context): Result {
  // A date that differs from the lot's is a relabelled box, whatever else the code says.
  if (batch !== null) {
    const recordedExpiry = formatDate(batch.expiryDate);
    if (code.expiry !== null && code.expiry !== recordedExpiry) {
      return fail(text.code.expiryMismatch(code.expiry, recordedExpiry, batch.lot));
    }
    const recordedProduction = formatDate(batch.productionDate);
    if (code.productionDate !== null && code.productionDate !== recordedProduction) {
      return fail(text.code.productionMismatch(code.productionDate, recordedProduction, batch.lot));
    }
  }
  if (code.lot === null) return warn(text.code.bareGtin(code.gtin));
  if (code.serial === null) return warn(text.code.noSerial(code.gtin, code.lot));
  return pass(text.code.complete({ gtin: code.gtin, lot: code.lot, serial: code.serial }, code.expiry));
}

function checkRegistered({ code, product, batch, record, text }: Context): Result {
  if (product === null) return fail(text.registered.unknownProduct(code.gtin));
  // A retail barcode cannot name a lot; that is not evidence against the box.
  if (code.lot === null) return unknown(text.registered.productOnly(product));
  if (batch === null) return fail(text.registered.unknownLot(code.lot, product));
  if (code.serial === null) return unknown(text.registered.noSerial(batch, product.manufacturer.name));
  if (!isIssuedSerial(code.serial, batch, record.serial)) {
    return fail(text.registered.serialNotIssued(code.serial, batch));
  }
  return pass(text.registered.issued(code.serial, batch, product));
}

function checkSignature({ code, batch, product, recoveredSigner, text }: Context): Result {
  if (batch === null) return unknown(text.signature.noLot());
  // The maker signs (GTIN, lot, serial); a code without a serial has nothing to sign.
  if (code.serial === null) return unknown(text.signature.noSerial());
  const maker = product?.manufacturer.name ?? text.theMaker();
  if (code.signature === null) return fail(text.signature.missing(maker));
  if (recoveredSigner === null) return fail(text.signature.malformed());
  if (!sameAddress(recoveredSigner, batch.signer)) {
    return fail(text.signature.wrongSigner(recoveredSigner, batch.signer, maker, batch.lot));
  }
  return pass(text.signature.valid(maker, batch.lot, batch.signer));
}

function checkLicence({ product, batch, now, text }: Context): Result {
  if (batch === null || product === null) return unknown(text.licence.noBatch());
  const producedAt = batch.productionDate;
  const documents = [
    { name: text.documents.production(), licence: batch.productionLicence },
    { name: text.documents.certificate(), licence: product.certificate },
  ];
  for (const { name, licence } of documents) {
    if (licence === null) continue;
    if (!isLicenceValidAt(licence, producedAt)) {
      return fail(text.licence.invalidAtProduction(name, licence, producedAt));
    }
    if (licence.categories.length > 0 && !licence.categories.includes(product.category)) {
      return fail(text.licence.notCovering(name, licence, product.category));
    }
  }
  // A revocation after production is news for the shopper, but the box was made lawfully.
  const warnings: Outcome[] = [];
  for (const { name, licence } of documents) {
    const revokedAt = licence?.revokedAt ?? null;
    if (licence && revokedAt !== null && revokedAt <= now) {
      warnings.push(text.licence.revokedSince(name, licence, revokedAt, producedAt));
    }
  }
  const suspendedAt = product.manufacturer.suspendedAt;
  if (suspendedAt !== null && suspendedAt <= now) {
    warnings.push(text.licence.makerSuspended(product.manufacturer, suspendedAt));
  }
  const [firstWarning] = warnings;
  if (firstWarning !== undefined) {
    return warn({ title: firstWarning.title, detail: warnings.map((w) => w.detail).join(" ") });
  }
  const production = batch.productionLicence;
  const certificate = product.certificate;
  if (production === null || certificate === null) {
    const missing = documents.filter((d) => d.licence === null).map((d) => d.name);
    return unknown(text.licence.missing(missing));
  }
  return pass(text.licence.valid(production, certificate, producedAt, product.manufacturer.name));
}

function checkWorkshop({ batch, nameOf, text }: Context): Result {
  if (batch === null) return unknown(text.workshop.noBatch());
  const attestation = batch.attestation;
  if (attestation === null) return unknown(text.workshop.none());
  const producedAt = batch.productionDate;
  if (producedAt < attestation.validFrom || producedAt > attestation.validUntil) {
    return fail(
      text.workshop.notCovering(
        attestation.workshopName,
        attestation.validFrom,
        attestation.validUntil,
        producedAt,
      ),
    );
  }
  return pass(text.workshop.attested(attestation, nameOf(attestation.auditor), producedAt));
}

function checkMaterial({ batch, product, text, locale }: Context): Result {
  if (batch === null) return unknown(text.material.noBatch());
  if (batch.materials.length === 0) return unknown(text.material.none());
  const lots = formatList(
    batch.materials.map((m, _, all) =>
      text.material.lot(m.code, m.grade, m.supplier.name, all.length > 1 ? m.usedGrams : null),
    ),
    locale,
  );
  if (product === null) return unknown(text.material.noRules());
  const grams = batch.materials.reduce((sum, m) => sum + m.usedGrams, 0);
  if (!(grams > 0) || !Number.isFinite(grams)) return unknown(text.material.noUsage(lots));
  const perKg = batch.masks / (grams / 1000);
  const { typicalMasksPerKg: typical, maxMasksPerKg: ceiling } = product.rules;
  if (perKg > ceiling) return fail(text.material.aboveCeiling(batch.masks, grams, perKg, ceiling, lots));
  if (perKg > typical)
    return warn(text.material.aboveTypical(perKg, typical, ceiling, batch.masks, grams, lots));
  return pass(text.material.normal(perKg, typical, ceiling, batch.masks, grams, lots));
}

function checkTests({ batch, nameOf, text, locale }: Context): Result {
  if (batch === null) return unknown(text.tests.noBatch());
  const ruleSet = batch.ruleSet;
  const latest = latestReport(batch.tests);
  if (ruleSet === null || latest === null) return unknown(text.tests.none());
  const lab = nameOf(latest.lab);
  if (!latest.passed) {
    return fail(
      text.tests.failed(latest, lab, ruleSet.standard, describeFirstFailure(ruleSet, latest, locale)),
    );
  }
  const earlierFailed = batch.tests.some((report) => report !== latest && !report.passed);
  return pass(
    text.tests.passed(latest, lab, ruleSet, describeResults(ruleSet, latest, locale), earlierFailed),
  );
}

function checkRelease({ batch, product, now, text }: Context): Result {
  if (batch === null) return unknown(text.release.noBatch());
  const minHoldDays = minHoldDaysOf(product);
  const sterilisation = batch.sterilisation;
  if (batch.releasedAt === null) {
    if (sterilisation === null) return fail(text.release.notSterilised());
    const holdEnds = sterilisation.endedAt + minHoldDays * DAY;
    return holdEnds > now
      ? fail(text.release.inHold(sterilisation, holdEnds, minHoldDays))
      : fail(text.release.holdOver(sterilisation, holdEnds, minHoldDays));
  }
  if (sterilisation === null) return pass(text.release.releasedWithoutSterilisation(batch.releasedAt));
  const held = heldDays(sterilisation, batch.releasedAt);
  if (batch.releasedAt < sterilisation.endedAt + minHoldDays * DAY) {
    return fail(text.release.early(batch.releasedAt, sterilisation, held, minHoldDays));
  }
  return pass(text.release.afterHold(batch.releasedAt, sterilisation, held, minHoldDays));
}

function checkExpiry({ batch, now, text }: Context): Result {
  if (batch === null) return unknown(text.expiry.noBatch());
  const usableUntil = endOfUse(batch.expiryDate);
  if (now >= usableUntil) return fail(text.expiry.expired(batch.expiryDate, batch.lot));
  if (usableUntil - now <= NEAR_EXPIRY_DAYS * DAY) {
    return warn(
      text.expiry.soon(batch.expiryDate, daysBetween(startOfDay(now), startOfDay(batch.expiryDate))),
    );
  }
  return pass(text.expiry.fine(batch.expiryDate, batch.productionDate));
}

function checkRecall({ batch, now, text }: Context): Result {
  if (batch === null) return unknown(text.recall.noBatch());
  if (batch.recall !== null) return fail(text.recall.recalled(batch.recall.at, batch.recall.reason));
  return pass(text.recall.none(batch.lot, now));
}

/**
 * Every route boxes took from the maker, following shipments that were not rejected (a rejection sends
 * the boxes back). Routes end where boxes were not shipped on.
 */
function custodyRoutes(shipments: readonly ShipmentInfo[], origin: string): string[][] {
  const next = new Map<string, string[]>();
  const receivers = new Set<string>();
  for (const shipment of shipments) {
    if (shipment.status === "rejected") continue;
    const from = shipment.from.toLowerCase();
    const to = shipment.to.toLowerCase();
    const targets = next.get(from) ?? [];
    if (!targets.includes(to)) targets.push(to);
    next.set(from, targets);
    receivers.add(to);
  }
  // Normally every route starts at the maker; if the maker is not among the senders, start from whoever
  // shipped without receiving, so the record is still told.
  const starts = next.has(origin.toLowerCase())
    ? [origin.toLowerCase()]
    : [...next.keys()].filter((sender) => !receivers.has(sender));
  const routes: string[][] = [];
  const walk = (path: string[]) => {
    if (routes.length >= MAX_CUSTODY_ROUTES) return;
    const last = path[path.length - 1] ?? "";
    const onward = (next.get(last) ?? []).filter((party) => !path.includes(party));
    if (onward.length === 0) {
      routes.push(path);
      return;
    }
    for (const party of onward) walk([...path, party]);
  };
  for (const start of starts) walk([start]);
  return routes;
}

function checkCustody({ batch, product, now, nameOf, text }: Context): Result {
  if (batch === null) return unknown(text.custody.noBatch());
  const makerAccount = product?.manufacturer.account ?? "";
  const makerName = product?.manufacturer.name ?? capitalised(text.theMaker());
  if (batch.releasedAt === null && batch.shipments.length === 0)
    return warn(text.custody.neverShipped(makerName));

  const holding = batch.holders.filter((h) => h.boxes > 0);
  const held = text.custody.held(
    holding.map((h) => text.custody.holding(h.party.name || nameOf(h.party.account), h.boxes)),
  );
  // Makers hold their own boxes under their production licence; everyone else needs a filing.
  const problems: string[] = [];
  for (const { party, boxes } of holding) {
    if (makerAccount && sameAddress(party.account, makerAccount)) continue;
    if (party.suspendedAt !== null && party.suspendedAt <= now) {
      problems.push(text.custody.holderSuspended(party.name, boxes, party.suspendedAt));
    } else if (!party.hasValidFiling) problems.push(text.custody.holderWithoutFiling(party.name, boxes));
  }
  if (problems.length > 0) return warn(text.custody.unlicensedHolder(problems, held));
  if (batch.shipments.length === 0) return pass(text.custody.withMaker(makerName, held));

  const hopName = (address: string) =>
    makerAccount && sameAddress(address, makerAccount)
      ? text.custody.makerHop()
      : shortPartyName(nameOf(address));
  const routes = custodyRoutes(batch.shipments, makerAccount).map((route) => route.map(hopName).join(" → "));
  const shipments = [...batch.shipments]
    .sort((a, b) => a.shippedAt - b.shippedAt)
    .map((s) => text.custody.shipment(nameOf(s.from), nameOf(s.to), s));
  return pass(text.custody.traced(routes, shipments, held));
}

function checkClone({ code, batch, record, scans, text }: Context): Result {
  if (code.serial === null || batch === null) return unknown(text.clone.noSerial());
  if (record.serial === null) return unknown(text.clone.saleUnknown());
  // A serial the batch never issued is no box's: it has no history to compare (the registered check fails it).
  if (!record.serial.inRange) return unknown(text.clone.noSerial());
  const sale = record.serial.sale;
  // A sold serial is final for the box that was sold: any other box with the code is a copy. The
  // shopper must be told when and where, so their own second scan is not mistaken for a copy. The scans
  // counted are those since the sale (scan-window.ts).
  if (sale !== null) return fail(text.clone.sold(sale.seller, sale.soldAt, scans?.devices ?? null));
  if (scans === null) return unknown(text.clone.historyUnavailable());
  // Unsold: the scans counted are those since the lot's latest delivery, if it has one.
  const deliveredAt = scanWindowStart(record);
  if (scans.count <= 0) return pass(text.clone.firstCheck(deliveredAt));
  return pass(text.clone.checkedBefore(scans, deliveredAt));
}

function checkPrice({ product, batch, record, region, now, text }: Context): Result {
  if (product === null) return unknown(text.price.noProduct());
  const prices = batch?.prices ?? [];
  const violations = prices.filter((p) => p.violation).sort((a, b) => a.observedAt - b.observedAt);
  const [firstViolation] = violations;
  if (firstViolation !== undefined) {
    return warn(
      text.price.violations(violations.map(text.price.violation), shortPartyName(firstViolation.seller.name)),
    );
  }
  const recorded = prices
    .filter((p) => p.channel === "retail")
    .sort((a, b) => a.observedAt - b.observedAt)
    .map(text.price.withinCap);
  const cap = capInForce(record.caps, product.category, "retail", region, now);
  if (cap === null) return unknown(text.price.noCap(recorded));
  return pass(text.price.capHere(cap, recorded));
}

function checkComplaints({ batch, code, text }: Context): Result {
  if (batch === null) return unknown(text.complaints.noBatch());
  const { list, upheld, underInvestigation } = batch.complaints;
  const thisBox = (c: ComplaintInfo) => code.serial !== null && String(c.serial) === code.serial;
  const upheldOnes = list
    .filter((c) => c.status === "upheld")
    .map((c) => text.complaints.upheldOne(c, thisBox(c)));
  const pending = list
    .filter((c) => c.status === "open" || c.status === "answered")
    .map((c) => text.complaints.pendingOne(c, thisBox(c)));
  // An upheld complaint or an open one is something to note, never proof that this box is bad.
  if (underInvestigation)
    return warn(text.complaints.underInvestigation(upheld, [...upheldOnes, ...pending]));
  if (upheldOnes.length > 0) return warn(text.complaints.upheld([...upheldOnes, ...pending]));
  if (pending.length > 0) return warn(text.complaints.pending(pending));
  if (list.length > 0) return pass(text.complaints.dismissedOnly(list.length));
  return pass(text.complaints.none());
}

const CHECKS: Record<CheckId, (context: Context) => Result> = {
  code: checkCode,
  registered: checkRegistered,
  signature: checkSignature,
  licence: checkLicence,
  workshop: checkWorkshop,
  material: checkMaterial,
  tests: checkTests,
  release: checkRelease,
  expiry: checkExpiry,
  recall: checkRecall,
  custody: checkCustody,
  clone: checkClone,
  price: checkPrice,
  complaints: checkComplaints,
};

function runCheck(id: CheckId, context: Context): Check {
  try {
    return { id, ...CHECKS[id](context) };
  } catch {
    // A record shaped in a way no rule foresaw must not take the whole verdict down with it.
    return { id, status: "unknown", ...context.text.couldNotCheck() };
  }
}

function overallLevel(product: ProductInfo | null, checks: readonly Check[]): VerdictLevel {
  if (product === null) return "not_found";
  if (checks.some((c) => c.status === "fail")) return "suspect";
  if (checks.some((c) => c.status === "warn")) return "caution";
  if (checks.some((c) => c.status === "unknown" && ESSENTIAL_CHECKS.includes(c.id))) return "caution";
  return "genuine";
}

/**
 * Which problem the headline names when there are several: what makes a box unusable for certain
 * (recalled, a copied or forged code) before what makes it doubtful.
 */
export const HEADLINE_PRIORITY: readonly CheckId[] = [
  "recall",
  "clone",
  "registered",
  "signature",
  "code",
  "expiry",
  "release",
  "tests",
  "licence",
  "workshop",
  "material",
  "custody",
  "price",
  "complaints",
];

function mostImportant(checks: readonly Check[], status: CheckStatus): Check | undefined {
  return HEADLINE_PRIORITY.map((id) => checks.find((c) => c.id === id)).find((c) => c?.status === status);
}

/** The reason behind the level, in one sentence (the level itself is shown beside it). */
function headlineFor(level: VerdictLevel, checks: readonly Check[], text: VerdictMessages): string {
  switch (level) {
    case "not_found":
      return text.headline.not_found();
    case "suspect":
      return mostImportant(checks, "fail")?.title ?? text.headline.incomplete();
    case "caution":
      return mostImportant(checks, "warn")?.title ?? text.headline.incomplete();
    case "genuine":
      return text.headline.genuine();
  }
}

/**
 * The verdict for one scan, its sentences in `locale`. Never throws: what cannot be read becomes an
 * `unknown` check. Levels, check ids and statuses are the same codes in every language.
 */
export function evaluateVerdict(input: VerdictInput, locale: Locale = "en"): Verdict {
  const record = input.record;
  const context: Context = {
    code: input.code,
    record,
    product: record?.product ?? null,
    batch: record?.batch ?? null,
    recoveredSigner: input.recoveredSigner ?? null,
    scans: input.scans ?? null,
    now: input.now,
    region: input.region,
    nameOf: (address) => shortAddress(address, locale),
    locale,
    text: VERDICT_MESSAGES[locale],
  };
  try {
    context.nameOf = partyDirectory(record, locale);
  } catch {
    // Names are a courtesy; shortened addresses still identify the parties.
  }
  const checks = CHECK_IDS.map((id) => runCheck(id, context));
  const verdict = overallLevel(context.product, checks);
  return { verdict, headline: headlineFor(verdict, checks, context.text), checks };
}
