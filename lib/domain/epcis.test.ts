import { describe, it } from "node:test";
import assert from "node:assert/strict";

import { buildEpcisDocument, EPCIS_CONTEXT, type EpcisDocument, type EpcisEvent } from "./epcis";
import {
  FIXTURE_ACCOUNTS,
  FIXTURE_GTIN,
  FIXTURE_NOW,
  FIXTURE_TIMES,
  makeBoxRecord,
  makeEmptyRecord,
  makePharmacy,
  makeShipment,
  makeTestReport,
  surgicalResults,
  type RecordOverrides,
} from "./fixtures";
import { DAY } from "./time";
import { epcisSchemaErrors } from "../../e2e/schemas/epcis";

const ORIGIN = "https://medproof.test";
const LOT_EPC = "https://id.gs1.org/01/09521234500018/10/260925A";

function documentOf(overrides: RecordOverrides = {}, serial: string | null = null): EpcisDocument {
  const document = buildEpcisDocument(makeBoxRecord(overrides), {
    gtin: FIXTURE_GTIN,
    serial,
    origin: ORIGIN,
    createdAt: FIXTURE_NOW,
  });
  assert.ok(document, "a document for a registered batch");
  assert.deepEqual(epcisSchemaErrors(document), [], "valid against the EPCIS 2.0 JSON schema");
  return document;
}

/** "ObjectEvent shipping" etc.: what a reader of the event list sees first. */
const steps = (document: EpcisDocument) =>
  document.epcisBody.eventList.map((e) => `${e.type} ${e.bizStep ?? `(${e.disposition})`}`);

const withStep = (document: EpcisDocument, bizStep: string): EpcisEvent[] =>
  document.epcisBody.eventList.filter((e) => e.bizStep === bizStep);

const party = (address: string) => `${ORIGIN}/parties/${address.toLowerCase()}`;

describe("the EPCIS 2.0 document of the genuine batch", () => {
  it("validates against GS1's EPCIS 2.0 JSON schema, with the EPCIS context and header", () => {
    const document = documentOf();
    assert.equal(document.type, "EPCISDocument");
    assert.equal(document.schemaVersion, "2.0");
    assert.equal(document["@context"][0], EPCIS_CONTEXT);
    assert.equal(document.creationDate, "2026-11-24T10:00:00+08:00");
  });

  it("tells the batch's life in time order: made, registered, held, tested, released, shipped, received", () => {
    assert.deepEqual(steps(documentOf()), [
      "TransformationEvent creating_class_instance",
      "ObjectEvent commissioning",
      "ObjectEvent holding",
      "ObjectEvent inspecting",
      "ObjectEvent stocking",
      "ObjectEvent shipping",
      "ObjectEvent receiving",
      "ObjectEvent shipping",
      "ObjectEvent receiving",
    ]);
  });

  it("writes every time in ISO 8601 at +08:00, China Standard Time", () => {
    for (const event of documentOf().epcisBody.eventList) {
      assert.match(event.eventTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      assert.equal(event.eventTimeZoneOffset, "+08:00");
    }
  });

  it("commissions the lot as a class-level GS1 Digital Link with its boxes, expiry and lot number", () => {
    const [commissioning] = withStep(documentOf(), "commissioning");
    assert.equal(commissioning?.type, "ObjectEvent");
    assert.ok(commissioning?.type === "ObjectEvent");
    assert.equal(commissioning.action, "ADD");
    assert.equal(commissioning.eventTime, "2026-09-25T08:00:00+08:00");
    assert.deepEqual(commissioning.quantityList, [{ epcClass: LOT_EPC, quantity: 4000 }]);
    assert.deepEqual(commissioning.ilmd, {
      "cbvmda:lotNumber": "260925A",
      "cbvmda:itemExpirationDate": "2028-09-23",
    });
    assert.equal(commissioning["medproof:manufacturer"], party(FIXTURE_ACCOUNTS.maker));
  });

  it("turns the meltblown used (190 kg of lot MB-2609-60) into the batch's 4,000 boxes", () => {
    const [transformation] = documentOf().epcisBody.eventList;
    assert.ok(transformation?.type === "TransformationEvent");
    assert.equal(transformation.eventTime, "2026-09-25T00:00:00+08:00");
    assert.deepEqual(transformation.inputQuantityList, [
      { epcClass: `${ORIGIN}/materials/2`, quantity: 190, uom: "KGM" },
    ]);
    assert.deepEqual(transformation.outputQuantityList, [{ epcClass: LOT_EPC, quantity: 4000 }]);
    assert.deepEqual(transformation["medproof:inputLots"], [
      {
        id: `${ORIGIN}/materials/2`,
        lotCode: "MB-2609-60",
        grade: "BFE99 25 g/m²",
        massKg: 209,
        supplier: party(FIXTURE_ACCOUNTS.supplier),
      },
    ]);
  });

  it("holds the batch after sterilisation, marks the lab's report conformant and releases it as sellable", () => {
    const document = documentOf();
    const [hold] = withStep(document, "holding");
    assert.equal(hold?.disposition, "non_sellable_other");
    assert.equal(hold?.["medproof:sterilisationMethod"], "EO");
    const [test] = withStep(document, "inspecting");
    assert.equal(test?.disposition, "conformant");
    assert.equal(test?.["medproof:standard"], "YY 0469-2011");
    assert.equal(test?.["medproof:lab"], party(FIXTURE_ACCOUNTS.lab));
    const [released] = withStep(document, "stocking");
    assert.equal(released?.disposition, "sellable_accessible");
    assert.equal(released?.["medproof:heldDays"], 16);
  });

  it("names the parties of each shipment and receipt as owning and possessing party", () => {
    const document = documentOf();
    const [shipped] = withStep(document, "shipping");
    assert.ok(shipped?.type === "ObjectEvent");
    assert.equal(shipped.disposition, "in_transit");
    assert.deepEqual(shipped.quantityList, [{ epcClass: LOT_EPC, quantity: 3000 }]);
    assert.deepEqual(shipped.sourceList, [
      { type: "owning_party", source: party(FIXTURE_ACCOUNTS.maker) },
      { type: "possessing_party", source: party(FIXTURE_ACCOUNTS.maker) },
    ]);
    assert.deepEqual(shipped.destinationList, [
      { type: "owning_party", destination: party(FIXTURE_ACCOUNTS.distributor) },
      { type: "possessing_party", destination: party(FIXTURE_ACCOUNTS.distributor) },
    ]);
    const [received] = withStep(document, "receiving");
    assert.equal(received?.eventTime, "2026-10-16T10:00:00+08:00");
  });

  it("gives the parties' names in the header's master data", () => {
    const [parties] = documentOf().epcisHeader.epcisMasterData.vocabularyList;
    assert.equal(parties?.type, "urn:epcglobal:epcis:vtype:SourceDest");
    const maker = parties?.vocabularyElementList.find((e) => e.id === party(FIXTURE_ACCOUNTS.maker));
    assert.deepEqual(maker?.attributes[0], {
      id: "urn:epcglobal:cbv:mda#name",
      attribute: "青禾医疗用品有限公司",
    });
  });
});

describe("events that only some batches have", () => {
  it("recalls a batch with the recalled disposition, set to persist, after the failing retest", () => {
    const recalledAt = FIXTURE_NOW - 12 * DAY;
    const document = documentOf({
      batch: {
        tests: [
          makeTestReport(),
          makeTestReport({
            testedAt: recalledAt - 3 * DAY,
            passed: false,
            retest: true,
            firstFailedMetric: 1,
            results: surgicalResults({ 1: 9120 }),
          }),
        ],
        recall: { at: recalledAt, reason: "Retest failed: BFE 91.2 %" },
      },
    });
    const events = document.epcisBody.eventList;
    const recall = events.at(-1);
    assert.ok(recall?.type === "ObjectEvent");
    assert.equal(recall.disposition, "recalled");
    assert.deepEqual(recall.persistentDisposition, { set: ["recalled"] });
    assert.equal(recall["medproof:recallReason"], "Retest failed: BFE 91.2 %");
    const retest = events.at(-2);
    assert.equal(retest?.disposition, "non_conformant");
    assert.equal(retest?.["medproof:firstFailedMetric"], "BFE");
  });

  it("decommissions the box asked about when a pharmacy sold it", () => {
    const soldAt = FIXTURE_NOW - 3 * DAY;
    const document = documentOf({ serial: { sale: { seller: makePharmacy(), soldAt } } }, "100200");
    const decommissioning = document.epcisBody.eventList.at(-1);
    assert.ok(decommissioning?.type === "ObjectEvent");
    assert.equal(decommissioning.bizStep, "decommissioning");
    assert.equal(decommissioning.action, "DELETE");
    assert.equal(decommissioning.disposition, "retail_sold");
    assert.deepEqual(decommissioning.epcList, ["https://id.gs1.org/01/09521234500018/21/100200"]);
    assert.equal(decommissioning.sourceList?.[0]?.source, party(FIXTURE_ACCOUNTS.pharmacy));
  });

  it("tells a refused delivery as inspected and returned to the sender", () => {
    const document = documentOf({
      batch: {
        shipments: [
          makeShipment({ status: "rejected", note: " wrong quantity ", settledAt: FIXTURE_TIMES.now - DAY }),
        ],
      },
    });
    const refused = document.epcisBody.eventList.at(-1);
    assert.ok(refused?.type === "ObjectEvent");
    assert.equal(refused.bizStep, "inspecting");
    assert.equal(refused.disposition, "returned");
    assert.equal(refused.sourceList?.[0]?.source, party(FIXTURE_ACCOUNTS.distributor));
    assert.equal(refused.destinationList?.[0]?.destination, party(FIXTURE_ACCOUNTS.maker));
    assert.equal(refused["medproof:note"], "wrong quantity");
  });

  it("tells only the shipping of a delivery not yet answered", () => {
    const document = documentOf({
      batch: { shipments: [makeShipment({ status: "pending", settledAt: null })] },
    });
    assert.deepEqual(steps(document).slice(-2), ["ObjectEvent stocking", "ObjectEvent shipping"]);
  });

  it("leaves out the hold and the release of a batch not sterilised or not released, and stays valid", () => {
    const document = documentOf({ batch: { sterilisation: null, releasedAt: null, shipments: [] } });
    assert.deepEqual(steps(document), [
      "TransformationEvent creating_class_instance",
      "ObjectEvent commissioning",
      "ObjectEvent inspecting",
    ]);
  });

  it("leaves out an event whose time the record garbled, not the document", () => {
    const document = documentOf({ batch: { releasedAt: Number.NaN } });
    assert.equal(withStep(document, "stocking").length, 0);
    assert.equal(withStep(document, "shipping").length, 2);
  });
});

describe("the schema check itself", () => {
  it("refuses what EPCIS 2.0 does not allow: an unknown bare bizStep, no time zone, a party without an id", () => {
    const document = structuredClone(documentOf()) as unknown as {
      epcisBody: { eventList: Record<string, unknown>[] };
    };
    const [first, second, third] = document.epcisBody.eventList;
    first!.bizStep = "sterilising";
    delete second!.eventTimeZoneOffset;
    third!.sourceList = [{ type: "owning_party" }];
    const errors = epcisSchemaErrors(document);
    assert.ok(
      errors.some((e) => e.startsWith("/epcisBody/eventList/0/bizStep")),
      errors.join("\n"),
    );
    assert.ok(
      errors.some((e) => e.includes("eventTimeZoneOffset")),
      errors.join("\n"),
    );
    assert.ok(
      errors.some((e) => e.startsWith("/epcisBody/eventList/2/sourceList/0")),
      errors.join("\n"),
    );
  });
});

describe("no document without a batch", () => {
  it("returns null for a record with no such batch", () => {
    const request = { gtin: FIXTURE_GTIN, serial: null, origin: ORIGIN, createdAt: FIXTURE_NOW };
    assert.equal(buildEpcisDocument(makeEmptyRecord(), request), null);
  });
});
