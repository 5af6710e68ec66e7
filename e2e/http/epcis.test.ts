// GET /api/epcis against the seeded chain: the genuine and the recalled batch as EPCIS 2.0 documents that
// validate against GS1's EPCIS 2.0 JSON schema, their events in order, a sold box's decommissioning, and
// the named 4xx for what is not a batch on the record.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, scenario } from "./world";
import { epcisSchemaErrors } from "../schemas/epcis";

interface Event {
  type: string;
  bizStep?: string;
  disposition: string;
  eventTime: string;
  eventTimeZoneOffset: string;
  action?: string;
  epcList?: string[];
  quantityList?: { epcClass: string; quantity: number }[];
  sourceList?: { type: string; source: string }[];
  destinationList?: { type: string; destination: string }[];
  persistentDisposition?: { set: string[] };
  [extension: string]: unknown;
}

async function epcis(query: Record<string, string> | string) {
  const search = typeof query === "string" ? query : new URLSearchParams(query).toString();
  const response = await fetch(`${baseUrl()}/api/epcis?${search}`);
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    body: JSON.parse(text) as Record<string, unknown>,
  };
}

async function documentOf(query: Record<string, string>) {
  const { status, contentType, body } = await epcis(query);
  assert.equal(status, 200, JSON.stringify(body));
  assert.match(contentType, /^application\/ld\+json/);
  assert.deepEqual(epcisSchemaErrors(body), [], "valid against the EPCIS 2.0 JSON schema");
  return (body.epcisBody as { eventList: Event[] }).eventList;
}

const steps = (events: Event[]) => events.map((e) => `${e.type} ${e.bizStep ?? `(${e.disposition})`}`);

/** Made, registered, held after sterilisation, tested, released, then two deliveries, each received. */
const LIFE_OF_A_RELEASED_BATCH = [
  "TransformationEvent creating_class_instance",
  "ObjectEvent commissioning",
  "ObjectEvent holding",
  "ObjectEvent inspecting",
  "ObjectEvent stocking",
  "ObjectEvent shipping",
  "ObjectEvent receiving",
  "ObjectEvent shipping",
  "ObjectEvent receiving",
];
/** The genuine batch's, with a third delivery still waiting at 仁心's receiving desk (the demo's pending one). */
const LIFE_OF_THE_GENUINE_BATCH = [...LIFE_OF_A_RELEASED_BATCH, "ObjectEvent shipping"];

describe("GET /api/epcis for the genuine batch", () => {
  const genuine = scenario("genuine");

  it("is an EPCIS 2.0 JSON-LD document that validates against GS1's schema", async () => {
    const { body } = await epcis({ gtin: genuine.gtin, lot: genuine.lot });
    assert.equal(body.type, "EPCISDocument");
    assert.equal(body.schemaVersion, "2.0");
    assert.equal(
      (body["@context"] as string[])[0],
      "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
    );
    assert.match(String(body.creationDate), /\+08:00$/);
    await documentOf({ gtin: genuine.gtin, lot: genuine.lot });
  });

  it("has the batch's events in order, every one at +08:00", async () => {
    const events = await documentOf({ gtin: genuine.gtin, lot: genuine.lot });
    assert.deepEqual(steps(events), LIFE_OF_THE_GENUINE_BATCH);
    for (const event of events) {
      assert.equal(event.eventTimeZoneOffset, "+08:00");
      assert.match(event.eventTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    }
  });

  it("commissions the lot's boxes under its GS1 Digital Link and names the parties of each delivery", async () => {
    const events = await documentOf({ gtin: genuine.gtin, lot: genuine.lot });
    const lot = `https://id.gs1.org/01/${genuine.gtin}/10/${genuine.lot}`;
    const commissioning = events.find((e) => e.bizStep === "commissioning")!;
    assert.equal(commissioning.action, "ADD");
    assert.deepEqual(commissioning.quantityList, [{ epcClass: lot, quantity: 4000 }]);
    const [toDistributor, toPharmacy] = events.filter((e) => e.bizStep === "shipping");
    assert.deepEqual(toDistributor!.quantityList, [{ epcClass: lot, quantity: 3000 }]);
    assert.deepEqual(toPharmacy!.quantityList, [{ epcClass: lot, quantity: 400 }]);
    for (const shipped of [toDistributor!, toPharmacy!]) {
      for (const { source } of shipped.sourceList ?? []) {
        assert.match(source, new RegExp(`^${baseUrl()}/parties/0x[0-9a-f]{40}$`));
      }
    }
    // The distributor that received the first delivery sent the second.
    assert.equal(toPharmacy!.sourceList?.[0]?.source, toDistributor!.destinationList?.[0]?.destination);
  });

  it("takes a GTIN-13 as the same product", async () => {
    const events = await documentOf({ gtin: genuine.gtin.slice(1), lot: genuine.lot });
    assert.deepEqual(steps(events), LIFE_OF_THE_GENUINE_BATCH);
  });
});

describe("GET /api/epcis for the recalled batch", () => {
  const recalled = scenario("recalled");

  it("validates, and ends with the failing retest and the recall", async () => {
    const events = await documentOf({ gtin: recalled.gtin, lot: recalled.lot });
    assert.deepEqual(steps(events), [
      ...LIFE_OF_A_RELEASED_BATCH,
      "ObjectEvent inspecting",
      "ObjectEvent (recalled)",
    ]);
    const [retest, recall] = events.slice(-2);
    assert.equal(retest!.disposition, "non_conformant");
    assert.equal(retest!["medproof:retest"], true);
    assert.equal(recall!.disposition, "recalled");
    assert.deepEqual(recall!.persistentDisposition, { set: ["recalled"] });
    assert.deepEqual(recall!.quantityList, [
      { epcClass: `https://id.gs1.org/01/${recalled.gtin}/10/${recalled.lot}`, quantity: 6000 },
    ]);
  });
});

describe("GET /api/epcis for one box", () => {
  it("decommissions a box the pharmacy sold (the cloned serial), as retail_sold", async () => {
    const cloned = scenario("cloned");
    const events = await documentOf({ gtin: cloned.gtin, lot: cloned.lot, serial: cloned.serial });
    const sold = events.at(-1)!;
    assert.equal(sold.bizStep, "decommissioning");
    assert.equal(sold.action, "DELETE");
    assert.equal(sold.disposition, "retail_sold");
    assert.deepEqual(sold.epcList, [`https://id.gs1.org/01/${cloned.gtin}/21/${cloned.serial}`]);
  });

  it("tells no decommissioning for a box not sold, nor for the batch as a whole", async () => {
    const genuine = scenario("genuine");
    const queries: Record<string, string>[] = [
      { gtin: genuine.gtin, lot: genuine.lot, serial: genuine.serial },
      { gtin: genuine.gtin, lot: genuine.lot },
    ];
    for (const query of queries) {
      const events = await documentOf(query);
      assert.ok(!events.some((e) => e.bizStep === "decommissioning"), JSON.stringify(query));
    }
  });
});

describe("GET /api/epcis refuses what is not a batch on the record with a named 4xx", () => {
  const genuine = scenario("genuine");
  const refusals: { name: string; query: string; status: number; code: string; field?: string }[] = [
    { name: "no lot", query: `gtin=${genuine.gtin}`, status: 400, code: "invalid_code", field: "lot" },
    { name: "nothing at all", query: "", status: 400, code: "invalid_code", field: "gtin" },
    {
      name: "a wrong check digit",
      query: `gtin=09521234500019&lot=${genuine.lot}`,
      status: 400,
      code: "invalid_code",
      field: "gtin",
    },
    {
      name: "a lot with a character GS1 does not allow",
      query: `gtin=${genuine.gtin}&lot=${encodeURIComponent("26 09")}`,
      status: 400,
      code: "invalid_code",
      field: "lot",
    },
    {
      name: "the GTIN given twice",
      query: `gtin=${genuine.gtin}&gtin=${genuine.gtin}&lot=${genuine.lot}`,
      status: 400,
      code: "invalid_code",
      field: "gtin",
    },
    {
      name: "a serial longer than 20 characters",
      query: `gtin=${genuine.gtin}&lot=${genuine.lot}&serial=${"1".repeat(21)}`,
      status: 400,
      code: "invalid_code",
      field: "serial",
    },
    {
      name: "a lot of a real product that was never made",
      query: `gtin=${genuine.gtin}&lot=NOSUCHLOT`,
      status: 404,
      code: "batch_not_found",
    },
    {
      name: "a product no one registered",
      query: `gtin=${scenario("unregistered").gtin}&lot=${genuine.lot}`,
      status: 404,
      code: "batch_not_found",
    },
  ];
  for (const refusal of refusals) {
    it(`${refusal.status} ${refusal.code} for ${refusal.name}`, async () => {
      const { status, contentType, body } = await epcis(refusal.query);
      assert.equal(status, refusal.status, JSON.stringify(body));
      assert.match(contentType, /^application\/json/);
      const error = body.error as { code: string; message: string; field?: string };
      assert.equal(error.code, refusal.code);
      assert.ok(error.message.length > 0);
      assert.equal(error.field, refusal.field);
    });
  }
});
