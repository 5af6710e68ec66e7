// The history of a box's batch, oldest first: from the meltblown lot to the shelf, as the chain recorded
// it. The verdict says whether to trust the box; the timeline shows the facts it was judged on, so a
// shopper or an inspector can follow each step and see who was accountable for it.
import type {
  AttestationInfo,
  BatchInfo,
  BoxRecord,
  ComplaintInfo,
  LicenceInfo,
  MaterialInfo,
  PriceRecordInfo,
  ProductInfo,
  RuleSetInfo,
  ShipmentInfo,
  SterilisationInfo,
  TestReportInfo,
} from "./record";
import { inTimeOrder } from "./time";
import {
  formatBoxes,
  formatCleanClass,
  formatDate,
  formatDateTime,
  formatDays,
  formatHumidity,
  formatInteger,
  formatKg,
  formatMasks,
  formatSerialRange,
  formatTemperature,
  formatYuan,
  formatYuanPerPiece,
  shortAddress,
  shortPartyName,
  sterilisationMethodName,
} from "./format";
import { describeFirstFailure, describeResults } from "./lab-results";
import {
  attestationCovers,
  heldDays,
  isRecalled,
  isReleased,
  isReleasedEarly,
  minHoldDaysOf,
} from "./batch-status";
import { revocationInForce } from "./licences";
import { partyDirectory } from "./parties";
import type { Locale } from "./locale";
import { zhCN } from "./timeline.zh-CN";

export type TimelineEventKind =
  | "material"
  | "workshop"
  | "production"
  | "sterilisation"
  | "test"
  | "release"
  | "custody"
  | "sale"
  | "price"
  | "recall"
  | "licence"
  | "complaint";

export interface TimelineEvent {
  /** Unix seconds. */
  at: number;
  kind: TimelineEventKind;
  title: string;
  detail: string;
  /** How the step reflects on the box; absent for plain facts. */
  status?: "pass" | "warn" | "fail";
}

// ---------------------------------------------------------------------------------------------
// Messages. Every sentence of the timeline is built here in English; timeline.zh-CN.ts builds the same
// sentences in Chinese (same type), and buildTimeline picks one by locale.
// ---------------------------------------------------------------------------------------------

export interface Text {
  title: string;
  detail: string;
}

const en = {
  material: (lot: MaterialInfo): Text => ({
    title: `Meltblown lot ${lot.code} registered`,
    detail:
      `${lot.supplier.name} registered ${formatKg(lot.massGrams)} of ${lot.grade} meltblown fabric; ` +
      `${formatKg(lot.usedGrams)} went into this batch.`,
  }),
  workshop: (attestation: AttestationInfo, auditor: string, coversProduction: boolean): Text => ({
    title: `Workshop attested: ${formatCleanClass(attestation.cleanClass)}`,
    detail:
      `${auditor} attested ${attestation.workshopName}: ${formatTemperature(attestation.temperatureDeciC)}, ` +
      `${formatHumidity(attestation.humidityDeciPct)}, particles ≥0.5 µm ` +
      `${formatInteger(attestation.particles05PerM3)}/m³; valid ${formatDate(attestation.validFrom)} to ` +
      `${formatDate(attestation.validUntil)}` +
      (coversProduction ? ", covering the production date." : ", which does not cover the production date."),
  }),
  production: (batch: BatchInfo, maker: string): Text => ({
    title: `Made ${formatMasks(batch.masks)} in ${formatBoxes(batch.boxes)}`,
    detail:
      `${maker} made lot ${batch.lot}: ${formatMasks(batch.masks)}, ${formatInteger(batch.masksPerBox)} per ` +
      `box, serials ${formatSerialRange(batch.serialStart, batch.boxes)}; use by ${formatDate(batch.expiryDate)}.`,
  }),
  sterilisation: (sterilisation: SterilisationInfo): Text => ({
    title: `Sterilised with ${sterilisationMethodName(sterilisation.method)}`,
    detail:
      `${sterilisation.sterilizer} sterilised the batch from ${formatDateTime(sterilisation.startedAt)} to ` +
      `${formatDateTime(sterilisation.endedAt)}.`,
  }),
  test: (
    report: TestReportInfo,
    lab: string,
    standard: string,
    results: string[],
    failure: string | null,
  ): Text => ({
    title:
      `${report.retest ? "Retest" : "Lab test"} ${report.passed ? "passed" : "failed"} (${standard})` +
      (report.passed || failure === null ? "" : `: ${failure}`),
    detail: `${lab} tested the batch against ${standard}: ${results.join(", ")}.`,
  }),
  testWithoutRules: (report: TestReportInfo, lab: string): Text => ({
    title: `${report.retest ? "Retest" : "Lab test"} ${report.passed ? "passed" : "failed"}`,
    detail: `${lab} posted results for the batch; the standard it was judged against is not on the record.`,
  }),
  releaseAfterHold: (held: number, minHoldDays: number, early: boolean): Text => ({
    title: early
      ? `Released after only ${formatDays(held)}`
      : `Released after a ${formatInteger(held)}-day hold`,
    detail:
      `The maker released the batch ${formatDays(held)} after sterilisation ended; at least ` +
      `${formatDays(minHoldDays)} are required for the gas to clear.`,
  }),
  release: (): Text => ({
    title: "Released by the maker",
    detail: "The maker released the batch for sale.",
  }),
  shipment: (from: string, to: string, shipment: ShipmentInfo): Text => ({
    title: `${formatBoxes(shipment.boxes)}: ${shortPartyName(from)} → ${shortPartyName(to)}`,
    detail:
      `${from} shipped ${formatBoxes(shipment.boxes)} to ${to}; ` +
      (shipment.status === "accepted"
        ? `accepted${shipment.settledAt === null ? "" : ` on ${formatDate(shipment.settledAt)}`}.`
        : shipment.status === "rejected"
          ? `rejected${shipment.settledAt === null ? "" : ` on ${formatDate(shipment.settledAt)}`}` +
            (shipment.note.trim() ? `: ${shipment.note.trim()}.` : ".")
          : "awaiting receipt."),
  }),
  sale: (seller: string, soldAt: number): Text => ({
    title: `This box sold at ${shortPartyName(seller)}`,
    detail: `${seller} recorded the sale of this box on ${formatDateTime(soldAt)}; its code is now used up.`,
  }),
  price: (record: PriceRecordInfo): Text => ({
    title: `Price recorded: ${formatYuanPerPiece(record.fenPerPiece)} at ${shortPartyName(record.seller.name)}`,
    detail:
      `An inspector recorded ${formatYuanPerPiece(record.fenPerPiece)} (${record.channel}) at ` +
      `${record.seller.name}` +
      (record.cap === null
        ? record.violation
          ? ", above the cap."
          : "; no cap applied."
        : `, ${record.violation ? "above" : "within"} the cap of ${formatYuanPerPiece(record.cap.fenPerPiece)}` +
          (record.cap.legalBasis.trim() ? ` (${record.cap.legalBasis.trim()}).` : ".")),
  }),
  licenceRevoked: (document: "production" | "certificate", licence: LicenceInfo): Text => ({
    title: document === "production" ? "Production licence revoked" : "Registration certificate revoked",
    detail:
      `${licence.number} was revoked` +
      (licence.revocationReason.trim() ? `: ${licence.revocationReason.trim()}.` : ".") +
      " The batch was made before, while it was valid.",
  }),
  recall: (reason: string): Text => ({
    title: "Recalled by the regulator",
    detail: reason.trim() ? `${reason.trim()}.` : "The regulator recalled the batch.",
  }),
  complaintFiled: (c: ComplaintInfo): Text => ({
    title: `Complaint filed about box ${c.serial}`,
    detail:
      `A buyer holding the box filed a complaint (${COMPLAINT_KIND[c.kind]}) against ${c.respondent.name}, ` +
      `who could answer until ${formatDate(c.answerDeadline)}.`,
  }),
  complaintRuled: (c: ComplaintInfo): Text =>
    c.status === "upheld"
      ? {
          title: `Complaint about box ${c.serial} upheld`,
          detail:
            `${c.byRetest ? "A laboratory retest" : "An inspector"} upheld it: ${c.respondent.name} paid ` +
            `${formatYuan(c.compensationFen)} to the buyer and a ${formatYuan(c.fineFen)} fine from its bond.`,
        }
      : {
          title: `Complaint about box ${c.serial} dismissed`,
          detail: `${c.byRetest ? "A laboratory retest" : "An inspector"} dismissed it.`,
        },
  theMaker: (): string => "The maker",
};

const COMPLAINT_KIND: Record<ComplaintInfo["kind"], string> = {
  "spec-failure": "fails its standard",
  counterfeit: "counterfeit",
  "price-above-cap": "sold above the price cap",
};

/** The shape every language's timeline catalogue has: the compiler checks the Chinese one against it. */
export type TimelineMessages = typeof en;

const TIMELINE_MESSAGES: Record<Locale, TimelineMessages> = { en, "zh-CN": zhCN };

// ---------------------------------------------------------------------------------------------

/** A rejected shipment sends the boxes back: worth noticing, not a fault of the box. */
const SHIPMENT_STATUS: Record<ShipmentInfo["status"], TimelineEvent["status"]> = {
  accepted: "pass",
  rejected: "warn",
  pending: undefined,
};

function event(
  at: number,
  kind: TimelineEventKind,
  text: Text,
  status?: TimelineEvent["status"],
): TimelineEvent {
  return status === undefined ? { at, kind, ...text } : { at, kind, ...text, status };
}

function testEvents(
  batch: BatchInfo,
  ruleSet: RuleSetInfo | null,
  nameOf: (a: string) => string,
  text: TimelineMessages,
  locale: Locale,
): TimelineEvent[] {
  return batch.tests.map((report) => {
    const lab = nameOf(report.lab);
    const told =
      ruleSet === null
        ? text.testWithoutRules(report, lab)
        : text.test(
            report,
            lab,
            ruleSet.standard,
            describeResults(ruleSet, report, locale),
            describeFirstFailure(ruleSet, report, locale),
          );
    return event(report.testedAt, "test", told, report.passed ? "pass" : "fail");
  });
}

function releaseEvent(
  batch: BatchInfo,
  product: ProductInfo | null,
  text: TimelineMessages,
): TimelineEvent | null {
  if (!isReleased(batch)) return null;
  if (batch.sterilisation === null) return event(batch.releasedAt, "release", text.release(), "pass");
  const minHoldDays = minHoldDaysOf(product);
  const early = isReleasedEarly(batch.releasedAt, batch.sterilisation, minHoldDays);
  const held = heldDays(batch.sterilisation, batch.releasedAt);
  return event(
    batch.releasedAt,
    "release",
    text.releaseAfterHold(held, minHoldDays, early),
    early ? "fail" : "pass",
  );
}

/**
 * Revocations after the production date: the batch was made lawfully, but a shopper should know. Only
 * those in force by the time the record was read, so a dated future revocation is not told as past.
 */
function revocationEvents(record: BoxRecord, batch: BatchInfo, text: TimelineMessages): TimelineEvent[] {
  const documents: { name: "production" | "certificate"; licence: LicenceInfo | null }[] = [
    { name: "production", licence: batch.productionLicence },
    { name: "certificate", licence: record.product?.certificate ?? null },
  ];
  // A record read without a block time is told as of the latest revocation on it.
  const asOf = record.blockTimestamp > 0 ? record.blockTimestamp : Infinity;
  const events: TimelineEvent[] = [];
  for (const { name, licence } of documents) {
    const revokedAt = licence === null ? null : revocationInForce(licence, asOf);
    // One in force before the batch was made is not news: the licence check fails the batch for it.
    if (licence === null || revokedAt === null || revokedAt <= batch.productionDate) continue;
    events.push(event(revokedAt, "licence", text.licenceRevoked(name, licence), "warn"));
  }
  return events;
}

/** The batch's history in time order, told in `locale`; empty when the code names no registered batch. */
export function buildTimeline(record: BoxRecord, locale: Locale = "en"): TimelineEvent[] {
  const batch = record.batch;
  if (batch === null) return [];
  const text = TIMELINE_MESSAGES[locale];
  const product = record.product;
  const events: TimelineEvent[] = [];
  // Each part of the story is told on its own: a part the record garbles is left out, not the rest.
  const tell = (part: () => TimelineEvent | null | (TimelineEvent | null)[]) => {
    try {
      const told = part();
      for (const e of Array.isArray(told) ? told : [told]) if (e !== null) events.push(e);
    } catch {
      // Left out; the verdict's own check for that part says it could not be read.
    }
  };
  let nameOf = (address: string) => shortAddress(address, locale);
  tell(() => {
    nameOf = partyDirectory(record, locale);
    return null;
  });

  tell(() => batch.materials.map((lot) => event(lot.registeredAt, "material", text.material(lot))));
  tell(() => {
    const a = batch.attestation;
    if (a === null) return null;
    const covers = attestationCovers(a, batch.productionDate);
    return event(
      a.attestedAt,
      "workshop",
      text.workshop(a, nameOf(a.auditor), covers),
      covers ? "pass" : "fail",
    );
  });
  tell(() =>
    event(
      batch.productionDate,
      "production",
      text.production(batch, product?.manufacturer.name ?? text.theMaker()),
    ),
  );
  tell(() =>
    batch.sterilisation === null
      ? null
      : event(batch.sterilisation.startedAt, "sterilisation", text.sterilisation(batch.sterilisation)),
  );
  tell(() => testEvents(batch, batch.ruleSet, nameOf, text, locale));
  tell(() => releaseEvent(batch, product, text));
  tell(() =>
    batch.shipments.map((shipment) =>
      event(
        shipment.shippedAt,
        "custody",
        text.shipment(nameOf(shipment.from), nameOf(shipment.to), shipment),
        SHIPMENT_STATUS[shipment.status],
      ),
    ),
  );
  tell(() => {
    const sale = record.serial?.sale ?? null;
    return sale === null ? null : event(sale.soldAt, "sale", text.sale(sale.seller.name, sale.soldAt));
  });
  tell(() =>
    batch.prices.map((price) =>
      event(price.observedAt, "price", text.price(price), price.violation ? "warn" : "pass"),
    ),
  );
  tell(() => revocationEvents(record, batch, text));
  tell(() =>
    isRecalled(batch) ? event(batch.recall.at, "recall", text.recall(batch.recall.reason), "fail") : null,
  );
  tell(() =>
    batch.complaints.list.flatMap((c) => [
      event(c.filedAt, "complaint", text.complaintFiled(c)),
      c.ruledAt === null
        ? null
        : event(c.ruledAt, "complaint", text.complaintRuled(c), c.status === "upheld" ? "warn" : "pass"),
    ]),
  );

  // Stable: events at the same moment keep the order of the story above (made, then sterilised …).
  return inTimeOrder(events, (e) => e.at);
}
