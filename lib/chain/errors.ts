// Revert decoding in one place: any custom error from any MedProof contract, or a provider failure,
// becomes one plain sentence a person understands, with a stable code for programs.
import { isError, type ErrorDescription } from "ethers";
import { CONTRACT_NAMES, contractInterface } from "./contracts";
import { secondsToIsoDate, secondsToIsoMinute } from "../domain/time";
import { formatYuan, formatYuanPerPiece } from "../domain/format";
import type { Locale } from "../domain/locale";
import { GENERAL_ZH, MESSAGES_ZH } from "./errors.zh-CN";

export interface PlainError {
  /** The contract's error name (e.g. "HoldNotElapsed"), or a provider condition ("chain_unavailable"). */
  code: string;
  message: string;
}

const date = (v: unknown) => secondsToIsoDate(Number(v));
const fen = (amount: unknown) => formatYuan(Number(amount));
const kg = (grams: unknown) => `${(Number(grams) / 1000).toLocaleString("en-US")} kg`;
const channelName = (channel: unknown) => ["ex-factory", "wholesale", "retail"][Number(channel)] ?? "price";
const orderStatusName = (status: unknown) =>
  ["open", "fulfilled", "settled: paid to the seller", "settled: refunded to the buyer", "cancelled"][
    Number(status)
  ] ?? "closed";

type Template = (args: readonly unknown[]) => string;

/** Every custom error of every MedProof contract has a sentence here (errors.test.ts checks it). */
export const MESSAGES: Record<string, Template> = {
  CallerLacksRole: () => "This account does not hold the role needed for that action.",
  ParticipantNotRegistered: () => "That organisation is not registered with the regulator.",
  ParticipantAlreadyRegistered: () => "That organisation is already registered.",
  ParticipantIsSuspended: () =>
    "This organisation is suspended — by the regulator, or because its bond fell below its minimum — and can register or sell nothing until reinstated or topped up.",
  ParticipantNotSuspended: () => "That organisation is not suspended.",
  LicenceNotFound: ([id]) => `There is no licence number ${id} on the record.`,
  LicenceAlreadyRevoked: ([, at]) => `That licence was already revoked on ${date(at)}.`,
  InvalidValidityPeriod: () => "The validity period must end after it starts.",
  CertificateValidityOverFiveYears: () => "A registration certificate is valid for at most five years.",
  InvalidLicenceNumber: ([, number]) =>
    `"${String(number)}" is not in the official format for that kind of licence.`,
  RevocationOutOfRange: () => "A revocation date must fall between the licence's start and today.",
  UnknownCategory: ([c]) => `There is no mask category ${c}.`,
  EmptyCategories: () => "A licence must cover at least one mask category.",
  InvalidGtin: ([gtin]) => `${gtin} is not a valid GTIN (check the last digit).`,
  ProductAlreadyRegistered: ([gtin]) => `GTIN ${gtin} is already registered.`,
  ProductNotRegistered: ([gtin]) => `GTIN ${gtin} is not registered as a product.`,
  CertificateNotUsable: () =>
    "That registration certificate cannot be used: it is not yours, not a certificate, or does not cover the category.",
  InvalidCategoryRules: () =>
    "The category rules are inconsistent (the typical yield must not exceed the ceiling).",
  DirectoryAlreadySet: () => "The registries are already wired together.",
  InvalidName: () => "A name is required.",
  LotNotFound: ([id]) => `There is no meltblown lot ${id}.`,
  LotAlreadyRegistered: ([, code]) => `Lot ${String(code)} is already registered by this supplier.`,
  LotNotOwned: ([id]) => `Meltblown lot ${id} does not belong to this manufacturer.`,
  LotMassExceeded: ([id, requested, remaining]) =>
    `Meltblown lot ${id} has only ${kg(remaining)} left; this needs ${kg(requested)}.`,
  LotPartlyConsumed: ([id]) => `Meltblown lot ${id} is partly used and can no longer be transferred.`,
  ZeroMass: () => "The mass must be more than zero.",
  InvalidLotCode: () => "The lot code is empty or too long.",
  RecipientNotManufacturer: () => "Meltblown can only be transferred to a registered manufacturer.",
  ParticleCountAboveLimit: ([size, count, limit]) =>
    `Particles ≥${Number(size) / 100} µm: ${Number(count).toLocaleString("en-US")}/m³ is above the limit of ${Number(limit).toLocaleString("en-US")}/m³.`,
  MicrobialCountAboveLimit: () =>
    "Microbial counts are above the limits (500 CFU/m³ airborne, 10 CFU per plate).",
  TemperatureOutOfRange: ([t]) => `${Number(t) / 10} °C is outside the 18–28 °C range.`,
  HumidityOutOfRange: ([h]) => `${Number(h) / 10} % RH is outside the 45–65 % range.`,
  PressureDifferentialTooLow: ([p]) => `A pressure differential of ${Number(p) / 10} Pa is not above 10 Pa.`,
  StaffRecordsIncomplete: () => "Staff health checks and training must both be on record.",
  UnsupportedCleanClass: ([c]) =>
    `Clean class ${c} is not accepted; the workshop must be class 100,000 or cleaner.`,
  InvalidAttestationPeriod: () => "The attestation's validity must end after it starts.",
  AttestationNotFound: ([id]) => `There is no attestation ${id}.`,
  BatchNotFound: () => "That batch is not registered.",
  BatchAlreadyRegistered: () => "A batch with this GTIN and lot is already registered.",
  InvalidLot: () => "The lot number must be 1 to 20 characters.",
  NotProductManufacturer: ([gtin]) => `GTIN ${gtin} is registered to another manufacturer.`,
  NotBatchManufacturer: () => "Only the batch's manufacturer can do that.",
  ProductionDateInFuture: () => "The production date cannot be in the future.",
  ExpiryNotAfterProduction: () => "The expiry date must be after the production date.",
  ZeroQuantity: () => "The number of masks and masks per box must be more than zero.",
  NoMaterials: () => "A batch must name the meltblown lot(s) it was made from.",
  TooManyMaterials: ([, max]) => `A batch can name at most ${max} meltblown lots.`,
  YieldAboveCeiling: ([perKg, ceiling]) =>
    `${Number(perKg).toLocaleString("en-US")} masks per kg of meltblown is above the ceiling of ${Number(ceiling).toLocaleString("en-US")} for this category: the declared material cannot make that many masks.`,
  ZeroSigner: () => "A serial-signing key is required.",
  NoValidProductionLicence: ([, , at]) => `The manufacturer held no valid production licence on ${date(at)}.`,
  CertificateNotValidAtProduction: ([, at]) =>
    `The product's registration certificate was not valid on ${date(at)}.`,
  WorkshopNotAttestedAt: ([, at]) => `No cleanliness attestation of that workshop covers ${date(at)}.`,
  SterilisationAlreadyRecorded: () => "Sterilisation is already recorded for this batch.",
  InvalidSterilisationPeriod: () =>
    "Sterilisation must start on or after production and end after it starts, not in the future.",
  NotSterilised: () => "The batch cannot be released before its sterilisation is recorded.",
  TestsNotPassed: () => "The batch cannot be released: its latest test report has not passed.",
  HoldNotElapsed: ([, earliest]) =>
    `Too early: the sterilisation hold is not over. The earliest release is ${date(earliest)}.`,
  BatchAlreadyReleased: ([, at]) => `The batch was already released on ${date(at)}.`,
  BatchIsRecalled: () => "The batch is recalled.",
  EmptyReason: () => "A reason is required.",
  UnknownMetric: ([m]) => `Metric ${m} is not a known test metric.`,
  DuplicateMetric: ([m]) => `Metric ${m} is given twice.`,
  MissingMetric: ([m]) => `The report has no value for metric ${m}, which the standard requires.`,
  InvalidBounds: ([m]) => `The limits for metric ${m} are inverted.`,
  EmptyRuleSet: () => "A rule set needs at least one rule.",
  RuleSetNotFound: ([id]) => `There is no rule set ${id}.`,
  NoRuleSetInForce: ([, at]) => `No test standard was in force for this category on ${date(at)}.`,
  ReportNotForBatchLab: () => "That report does not belong to this batch.",
  BatchNotReleased: () => "The batch is not released: it cannot be shipped.",
  RecipientNotLicensed: () => "The recipient holds no valid Class II distribution filing.",
  SenderNotLicensed: () => "The sender holds no valid Class II distribution filing.",
  InsufficientCustody: ([, , available, requested]) =>
    `Only ${available} boxes are held here; ${requested} were asked for.`,
  ZeroBoxes: () => "The number of boxes must be more than zero.",
  SelfShipment: () => "A party cannot ship to itself.",
  ShipmentNotFound: ([id]) => `There is no shipment ${id}.`,
  ShipmentNotPending: ([id]) => `Shipment ${id} is already settled.`,
  NotShipmentRecipient: ([id]) => `Only the recipient of shipment ${id} can accept or reject it.`,
  SerialNotInBatch: ([, serial]) => `Serial ${serial} was never issued for this batch.`,
  AlreadyDecommissioned: ([, serial, , at]) => `Serial ${serial} was already sold on ${date(at)}.`,
  ZeroPrice: () => "The price must be more than zero.",
  CapNotFound: ([id]) => `There is no price cap ${id}.`,
  SellerNotRegistered: () => "That seller is not registered.",
  AccessControlUnauthorizedAccount: () => "This account does not hold the role needed for that action.",
  AccessControlBadConfirmation: () => "Only the account itself can renounce its role.",
  UnknownRole: () => "That is not a MedProof role.",
  DirectoryNotSet: () => "The registries are not wired together yet.",
  InvalidDirectory: () => "The registry addresses given are incomplete.",
  ReportNotFound: ([, index]) => `There is no test report ${index} for this batch.`,
  InvalidShortString: () => "A name is too long for the contract.",
  StringTooLong: () => "A name is too long for the contract.",
  // bonds
  ZeroAmount: () => "The amount must be more than zero.",
  ZeroAddress: () => "An address is required.",
  InvalidTerms: () => "The complaint terms are inconsistent.",
  NotABondRole: () => "Bonds are set only for manufacturers, suppliers, distributors and pharmacies.",
  CannotPostBond: () => "Only manufacturers, meltblown suppliers, distributors and pharmacies post a bond.",
  InsufficientBond: ([, bond, requested]) => `The bond holds ${fen(bond)}; ${fen(requested)} was asked for.`,
  BondBelowMinimum: ([, remaining, minimum]) =>
    `That would leave ${fen(remaining)} in the bond, below its minimum of ${fen(minimum)}.`,
  RespondentOfOpenComplaint: ([, open]) =>
    `The bond cannot be withdrawn while ${open} complaint(s) against this party are open.`,
  PartySuspendedForBond: () =>
    "This party is suspended because its bond fell below its minimum: top it up first.",
  // complaints
  PossessionNotCommitted: () =>
    "This batch's maker did not commit the codes printed inside its boxes, so no complaint can prove possession of one.",
  InvalidPossessionProof: ([, serial]) =>
    `The code from inside the box does not match box ${serial}. Check it and type it again.`,
  ComplaintAlreadyOpen: ([, serial, id]) =>
    `Complaint ${id} about box ${serial} is already open; follow it instead of filing again.`,
  SerialAlreadyCompensated: ([, serial]) =>
    `A complaint about box ${serial} was already upheld and compensated; a box is compensated once.`,
  PossessionClaimedByAnother: ([, serial]) =>
    `Someone else already filed a complaint with box ${serial}'s inside code; only they can file about it again.`,
  SellerRequired: () => "Say which seller you bought the box from: the complaint is against them.",
  NotASeller: () => "That is not a registered seller.",
  SellerNeverHeldBatch: () =>
    "By the custody record that seller never received this batch, so the box cannot have been bought there. Name the seller you bought it from.",
  PricePaidTooHigh: ([price]) => `A price paid of ${fen(price)} for one box is not plausible.`,
  ComplaintNotFound: ([id]) => `There is no complaint ${id}.`,
  NotRespondent: ([id]) => `Only the party complaint ${id} is against can answer it.`,
  ComplaintAlreadyAnswered: ([id]) => `Complaint ${id} was already answered.`,
  ComplaintAlreadyRuled: ([id]) => `Complaint ${id} was already ruled on.`,
  AnswerWindowClosed: ([id, deadline]) => `The time to answer complaint ${id} ended on ${date(deadline)}.`,
  AnswerWindowOpen: ([id, deadline]) =>
    `Complaint ${id} cannot be ruled on before ${date(deadline)} unless the party answers first.`,
  RetestNotApplicable: ([id]) =>
    `Complaint ${id} is not about the masks' specification: a retest cannot decide it.`,
  NotARetest: ([, index]) => `Test report ${index} is not a retest.`,
  RetestBeforeComplaint: ([id]) => `That retest was done before complaint ${id} was filed.`,
  NotReportLab: ([, index]) => `Only the lab that posted test report ${index} can rule by it.`,
  NothingToWithdraw: () => "There is nothing to withdraw.",
  InvalidRecipient: () => "That is not an address money can be sent to.",
  EvidenceRequired: () => "A counterfeit finding must name the evidence it rests on.",
  FindingAlreadyRecorded: ([, findingId]) =>
    `A counterfeit finding on this evidence is already on the record (finding ${findingId}).`,
  FindingNotFound: ([findingId]) => `There is no counterfeit finding ${findingId}.`,
  // purchase orders
  InvalidDeadline: ([deadline, latest]) =>
    `The ship-by date ${date(deadline)} must be after today and no later than ${date(latest)}.`,
  SelfOrder: () => "A party cannot order from itself.",
  BoxesExceedBatch: ([, boxes, batchBoxes]) =>
    `The batch has only ${batchBoxes} boxes; ${boxes} were ordered.`,
  BuyerNotAllowed: () => "Only a distributor or a pharmacy can place a purchase order.",
  BuyerNotLicensed: () =>
    "The buyer holds no valid Class II distribution filing for this kind of mask, so it cannot receive them.",
  SellerCannotSupply: () =>
    "That seller cannot supply this batch: it must be the batch's manufacturer or a distributor.",
  SellerNotLicensed: () =>
    "The seller holds no valid Class II distribution filing for this kind of mask, so it cannot sell them.",
  UnitPriceAboveCap: ([price, cap, channel]) =>
    `A unit price of ${formatYuanPerPiece(Number(price))} is above the ${channelName(channel)} cap of ${formatYuanPerPiece(Number(cap))} in force: the order is refused.`,
  EscrowShortfall: ([expected, received]) =>
    `Only ${fen(received)} of the ${fen(expected)} payment reached the escrow; the order is refused.`,
  OrderNotFound: ([id]) => `There is no purchase order ${id}.`,
  NotOrderSeller: ([id]) => `Only the seller of order ${id} can fulfil it.`,
  NotOrderParty: ([id]) => `Only the buyer or the seller of order ${id} can cancel it.`,
  OrderAlreadyFulfilled: ([id, shipment]) =>
    `Order ${id} is already fulfilled by shipment ${shipment}; it settles by that shipment's receipt.`,
  OrderNotFulfilled: ([id]) =>
    `Order ${id} is not fulfilled yet: the seller must ship it and tie the shipment to it first.`,
  OrderAlreadySettled: ([id, status]) => `Order ${id} is already ${orderStatusName(status)}.`,
  DeadlinePassed: ([id, deadline]) =>
    `Order ${id} had to be shipped by ${date(deadline)}; the buyer may now cancel it.`,
  DeadlineNotPassed: ([id, deadline]) =>
    `The seller has until ${date(deadline)} to ship order ${id}; the buyer can cancel it only after that.`,
  ShipmentDoesNotMatch: ([id, shipment]) =>
    `Shipment ${shipment} does not match order ${id}: it must go from the seller to the buyer, of the ordered batch and exactly the ordered number of boxes.`,
  ShipmentBeforeOrder: ([id, shipment]) => `Shipment ${shipment} was sent before order ${id} was placed.`,
  ShipmentWasRejected: ([shipment]) => `Shipment ${shipment} was rejected by the buyer; ship again.`,
  ShipmentAlreadyLinked: ([shipment, id]) => `Shipment ${shipment} already fulfils order ${id}.`,
  NotCustodyRegistry: () => "Only the custody registry reports a delivery's receipt to the order book.",
  ReceiptWindowOpen: ([id, deadline]) =>
    `The buyer has until ${secondsToIsoMinute(Number(deadline))} to accept or reject the delivery of order ${id}; it settles then, or as soon as the buyer answers.`,
  // the settlement token and the relay (OpenZeppelin)
  ERC20InsufficientBalance: ([, balance, needed]) =>
    `The account holds ${fen(balance)} of the settlement token; ${fen(needed)} is needed.`,
  ERC20InsufficientAllowance: ([, allowance, needed]) =>
    `The contract may take ${fen(allowance)}; approve at least ${fen(needed)} first.`,
  ERC20InvalidApprover: () => "That account cannot approve a payment.",
  ERC20InvalidReceiver: () => "That account cannot receive the settlement token.",
  ERC20InvalidSender: () => "That account cannot send the settlement token.",
  ERC20InvalidSpender: () => "That account cannot be allowed to spend the settlement token.",
  InsufficientBalance: () => "The account has too little to pay that.",
  SafeERC20FailedOperation: () => "The settlement token refused the transfer.",
  SafeCastOverflowedUintDowncast: () => "A number is too large for the contract.",
  ReentrancyGuardReentrantCall: () => "The contract refused a nested call.",
  FailedCall: () => "The relayed call failed.",
  InvalidAccountNonce: () => "This request was already used; send a new one.",
  ERC2771ForwarderExpiredRequest: ([deadline]) =>
    `This request expired at ${date(deadline)}; send a new one.`,
  ERC2771ForwarderInvalidSigner: () => "The request's signature does not match its sender.",
  ERC2771ForwarderMismatchedValue: () => "The request's value does not match what was sent.",
  ERC2771ForwarderNoRefundReceiver: () => "A batch of requests needs a refund receiver.",
  ERC2771UntrustfulTarget: () => "That contract does not accept relayed requests from this forwarder.",
};

/** The sentences describeError uses when there is no contract error to name. */
const GENERAL = {
  refusedNamed: (name: string) => `The contract refused the action (${name}).`,
  refused: "The contract refused the action.",
  chainUnavailable: "The chain cannot be reached right now. Try again shortly.",
  insufficientFunds: "The account has no funds to pay for the transaction.",
  failed: "The transaction failed.",
};

const CATALOGUES: Record<Locale, { messages: Record<string, Template>; general: typeof GENERAL }> = {
  en: { messages: MESSAGES, general: GENERAL },
  "zh-CN": { messages: MESSAGES_ZH, general: GENERAL_ZH },
};

function decodeCustomError(data: string): ErrorDescription | null {
  for (const name of CONTRACT_NAMES) {
    const parsed = contractInterface(name).parseError(data);
    if (parsed) return parsed;
  }
  return null;
}

/** Finds revert data in the nested shapes ethers and JSON-RPC nodes use. */
function revertData(error: unknown): string | null {
  const seen = new Set<unknown>();
  const visit = (value: unknown): string | null => {
    if (value === null || typeof value !== "object" || seen.has(value)) return null;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (typeof record.data === "string" && /^0x[0-9a-fA-F]{8}/.test(record.data)) return record.data;
    for (const key of ["error", "info", "cause", "data"]) {
      const found = visit(record[key]);
      if (found) return found;
    }
    return null;
  };
  return visit(error);
}

/** The error as one plain sentence in `locale` (English by default), with a code that is the same in both. */
export function describeError(error: unknown, locale: Locale = "en"): PlainError {
  const { messages, general } = CATALOGUES[locale];
  const data = revertData(error);
  if (data) {
    const decoded = decodeCustomError(data);
    if (decoded) {
      const template = messages[decoded.name];
      return {
        code: decoded.name,
        message: template ? template(decoded.args) : general.refusedNamed(decoded.name),
      };
    }
    return { code: "reverted", message: general.refused };
  }
  const text = error instanceof Error ? error.message : String(error);
  if (
    isError(error, "NETWORK_ERROR") ||
    isError(error, "TIMEOUT") ||
    /ECONNREFUSED|fetch failed|socket hang up|ETIMEDOUT/i.test(text)
  ) {
    return { code: "chain_unavailable", message: general.chainUnavailable };
  }
  if (isError(error, "INSUFFICIENT_FUNDS")) {
    return { code: "insufficient_funds", message: general.insufficientFunds };
  }
  return { code: "failed", message: general.failed };
}
