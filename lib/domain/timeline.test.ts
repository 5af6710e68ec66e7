import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";

import { buildTimeline, type TimelineEvent } from "./timeline";
import {
  FIXTURE_ACCOUNTS,
  FIXTURE_NOW,
  FIXTURE_TIMES,
  makeBatch,
  makeBoxRecord,
  makeCertificate,
  makeComplaint,
  makeEmptyRecord,
  makeMaterial,
  makePharmacy,
  makePriceViolation,
  makeProductionLicence,
  makeShipment,
  makeTestReport,
  surgicalResults,
  type RecordOverrides,
} from "./fixtures";
import { DAY, isoDateToSeconds } from "./time";
import { assertChinese } from "./chinese.test-helper";

function timelineOf(overrides: RecordOverrides = {}): TimelineEvent[] {
  const record = makeBoxRecord(overrides);
  const events = buildTimeline(record);
  assertWellFormed(events);
  assertSameInChinese(buildTimeline(record, "zh-CN"), events);
  return events;
}

/** Every scenario of this file told in Chinese too: the same events, in Chinese words. */
function assertSameInChinese(chinese: TimelineEvent[], english: TimelineEvent[]): void {
  assert.deepEqual(
    chinese.map((e) => [e.at, e.kind, e.status]),
    english.map((e) => [e.at, e.kind, e.status]),
  );
  for (const event of chinese) {
    assertChinese(event.title, `${event.kind} title`);
    assertChinese(event.detail, `${event.kind} detail`);
  }
}

function assertWellFormed(events: TimelineEvent[]): void {
  for (let i = 1; i < events.length; i += 1) {
    assert.ok(events[i - 1]!.at <= events[i]!.at, "events are in time order");
  }
  for (const event of events) {
    assert.ok(Number.isFinite(event.at));
    assert.ok(event.title.length > 0 && event.detail.length > 0);
    assert.doesNotMatch(`${event.title} ${event.detail}`, /undefined|NaN|null|\[object/, event.title);
  }
}

function only(events: TimelineEvent[], kind: TimelineEvent["kind"]): TimelineEvent {
  const matching = events.filter((e) => e.kind === kind);
  assert.equal(matching.length, 1, `one ${kind} event`);
  return matching[0]!;
}

function assertText(event: TimelineEvent, ...fragments: string[]): void {
  const text = `${event.title}\n${event.detail}`;
  for (const fragment of fragments) assert.ok(text.includes(fragment), `expected "${fragment}" in:\n${text}`);
}

describe("buildTimeline", () => {
  it("is empty when there is no batch", () => {
    assert.deepEqual(buildTimeline(makeEmptyRecord()), []);
    assert.deepEqual(buildTimeline(makeBoxRecord({ batch: null, serial: null })), []);
  });

  it("tells the genuine lot's story in time order, from the workshop to the shelf", () => {
    assert.deepEqual(
      timelineOf().map((e) => e.kind),
      [
        "workshop",
        "material",
        "production",
        "sterilisation",
        "test",
        "release",
        "custody",
        "custody",
        "price",
      ],
    );
  });

  it("names the meltblown lot's supplier, grade and mass", () => {
    const event = only(timelineOf(), "material");
    assert.equal(event.at, FIXTURE_TIMES.materialRegistered);
    assertText(event, "MB-2609-60", "远岫熔喷材料有限公司", "BFE99 25 g/m²", "209 kg", "190 kg");
  });

  it("gives one event per meltblown lot", () => {
    const materials = [
      makeMaterial(),
      makeMaterial({ code: "MB-2609-61", registeredAt: FIXTURE_TIMES.produced - DAY }),
    ];
    assert.equal(timelineOf({ batch: { materials } }).filter((e) => e.kind === "material").length, 2);
  });

  it("shows the workshop attestation, failing it when it does not cover the production date", () => {
    const event = only(timelineOf(), "workshop");
    assert.equal(event.status, "pass");
    assertText(event, "class 100,000", "A栋二层十万级洁净车间", "2026-06-10 to 2027-06-09");
    const attestation = { ...makeBatch().attestation!, validUntil: FIXTURE_TIMES.produced - DAY };
    assert.equal(only(timelineOf({ batch: { attestation } }), "workshop").status, "fail");
  });

  it("shows production with masks, boxes and maker", () => {
    const event = only(timelineOf(), "production");
    assert.equal(event.at, FIXTURE_TIMES.produced);
    assertText(event, "200,000 masks", "4,000 boxes", "青禾医疗用品有限公司", "260925A", "100001–104000");
  });

  it("shows sterilisation with sterilizer, method and start to end", () => {
    const event = only(timelineOf(), "sterilisation");
    assertText(event, "清衡灭菌技术有限公司", "ethylene oxide", "2026-09-25 05:00", "2026-09-26 00:00");
  });

  it("shows each test report with values against limits, passed or failed", () => {
    const retest = makeTestReport({
      testedAt: FIXTURE_NOW - 15 * DAY,
      passed: false,
      retest: true,
      firstFailedMetric: 1,
      results: surgicalResults({ 1: 9120 }),
    });
    const tests = timelineOf({ batch: { tests: [makeTestReport(), retest] } }).filter(
      (e) => e.kind === "test",
    );
    assert.deepEqual(
      tests.map((e) => e.status),
      ["pass", "fail"],
    );
    assertText(tests[0]!, "passed", "YY 0469-2011", "BFE 98.6 % (must be ≥ 95 %)");
    assertText(tests[1]!, "Retest failed", "BFE 91.2 % (must be ≥ 95 %)");
  });

  it("still shows test reports when the rule set is not on the record", () => {
    assertText(only(timelineOf({ batch: { ruleSet: null } }), "test"), "Lab test passed");
  });

  it("shows the release with the days held, failing a release before the minimum hold", () => {
    const release = only(timelineOf(), "release");
    assert.equal(release.status, "pass");
    assertText(release, "16-day hold");
    const early = only(
      timelineOf({ batch: { releasedAt: FIXTURE_TIMES.sterilisationEnded + 9 * DAY } }),
      "release",
    );
    assert.equal(early.status, "fail");
    assertText(early, "9 days", "14 days");
  });

  it("has no release event for an unreleased batch", () => {
    assert.equal(timelineOf({ batch: { releasedAt: null } }).filter((e) => e.kind === "release").length, 0);
  });

  it("shows each shipment from → to with boxes, accepted or rejected", () => {
    const shipments = [
      ...makeBatch().shipments,
      makeShipment({
        from: FIXTURE_ACCOUNTS.distributor,
        to: FIXTURE_ACCOUNTS.otherPharmacy,
        boxes: 100,
        shippedAt: FIXTURE_NOW - 3 * DAY,
        settledAt: FIXTURE_NOW - 2 * DAY,
        status: "rejected",
        note: "外箱破损",
      }),
      makeShipment({ boxes: 500, shippedAt: FIXTURE_NOW - DAY, settledAt: null, status: "pending" }),
    ];
    const custody = timelineOf({ batch: { shipments } }).filter((e) => e.kind === "custody");
    assert.equal(custody.length, 4);
    assertText(custody[0]!, "3,000 boxes", "青禾医疗用品 → 苏州康达医药", "accepted on 2026-10-16");
    assertText(custody[1]!, "400 boxes", "苏州康达医药 → 仁心大药房");
    assertText(custody[2]!, "rejected on 2026-11-22", "外箱破损", "0x2361…1E8f");
    assertText(custody[3]!, "awaiting receipt");
    assert.deepEqual(
      custody.map((e) => e.status),
      ["pass", "pass", "warn", undefined],
    );
  });

  it("shows the sale of this serial", () => {
    const soldAt = isoDateToSeconds("2026-11-21") + 15 * 3600;
    const events = timelineOf({ serial: { sale: { seller: makePharmacy(), soldAt } } });
    const sale = only(events, "sale");
    assert.equal(sale.at, soldAt);
    assertText(sale, "仁心大药房（观前店）", "2026-11-21 15:00");
    assert.equal(events.at(-1), sale);
  });

  it("shows price records against the cap", () => {
    const prices = [...makeBatch().prices, makePriceViolation()];
    const events = timelineOf({ batch: { prices } }).filter((e) => e.kind === "price");
    assert.deepEqual(
      events.map((e) => e.status),
      ["pass", "warn"],
    );
    assertText(events[0]!, "1.50 yuan/piece", "within the cap of 1.80 yuan/piece");
    assertText(
      events[1]!,
      "3.00 yuan/piece",
      "便民大药房（石路店）",
      "above the cap of 1.80 yuan/piece",
      "国市监竞争",
    );
  });

  it("shows a licence revoked after production, but not one revoked before or in the future", () => {
    const reason = "飞行检查发现洁净车间环境监测数据不真实，吊销生产许可";
    const revokedAt = FIXTURE_NOW - 30 * DAY;
    const after = timelineOf({
      batch: { productionLicence: makeProductionLicence({ revokedAt, revocationReason: reason }) },
    });
    const licence = only(after, "licence");
    assert.equal(licence.at, revokedAt);
    assert.equal(licence.status, "warn");
    assertText(licence, "Production licence revoked", "苏药监械生产许20219901号", reason);

    const certificateRevoked = timelineOf({ product: { certificate: makeCertificate({ revokedAt }) } });
    assertText(only(certificateRevoked, "licence"), "Registration certificate revoked");

    for (const at of [FIXTURE_TIMES.produced - DAY, FIXTURE_NOW + DAY]) {
      const events = timelineOf({ batch: { productionLicence: makeProductionLicence({ revokedAt: at }) } });
      assert.equal(events.filter((e) => e.kind === "licence").length, 0);
    }
  });

  it("shows a recall as a failure with its reason", () => {
    const recall = { at: FIXTURE_NOW - 12 * DAY, reason: "监督抽检不合格：细菌过滤效率 91.2%" };
    const event = only(timelineOf({ batch: { recall } }), "recall");
    assert.equal(event.status, "fail");
    assert.equal(event.at, recall.at);
    assertText(event, "Recalled by the regulator", "91.2%");
  });

  it("shows a complaint's filing and its ruling, with who paid what", () => {
    const upheld = makeComplaint();
    const open = makeComplaint({ id: 2, serial: 100160, status: "open", ruledAt: null });
    const events = timelineOf({
      batch: { complaints: { list: [upheld, open], upheld: 1, underInvestigation: false } },
    });
    const complaints = events.filter((e) => e.kind === "complaint");
    assert.deepEqual(
      complaints.map((e) => [e.at, e.title, e.status]),
      [
        [upheld.filedAt, "Complaint filed about box 100149", undefined],
        [open.filedAt, "Complaint filed about box 100160", undefined],
        [upheld.ruledAt, "Complaint about box 100149 upheld", "warn"],
      ],
    );
    assertText(complaints[2]!, "An inspector upheld it", "paid 500.00 yuan to the buyer");
  });

  it("keeps the story's order for events at the same moment", () => {
    const produced = FIXTURE_TIMES.produced;
    const sterilisation = { ...makeBatch().sterilisation!, startedAt: produced };
    const kinds = timelineOf({ batch: { sterilisation } }).map((e) => e.kind);
    assert.ok(kinds.indexOf("production") < kinds.indexOf("sterilisation"));
  });

  it("leaves out a part the record garbles and tells the rest", () => {
    const record = makeBoxRecord();
    Object.defineProperty(record.batch!, "shipments", {
      get() {
        throw new Error("garbled");
      },
    });
    const events = buildTimeline(record);
    assertWellFormed(events);
    assert.equal(events.filter((e) => e.kind === "custody").length, 0);
    assert.ok(events.some((e) => e.kind === "production"));
  });

  it("never throws nor prints NaN, undefined or null for absurd numbers", () => {
    const number = fc.oneof(
      fc.integer({ min: -2_000_000_000, max: 5_000_000_000 }),
      fc.double(),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
    );
    fc.assert(
      fc.property(
        number,
        number,
        number,
        number,
        fc.option(number),
        (produced, masks, grams, fen, released) => {
          const events = buildTimeline(
            makeBoxRecord({
              batch: {
                productionDate: produced,
                masks,
                releasedAt: released,
                materials: [makeMaterial({ usedGrams: grams, massGrams: grams })],
                prices: [makePriceViolation({ fenPerPiece: fen, observedAt: produced })],
              },
            }),
          );
          assertWellFormed(events);
        },
      ),
      { numRuns: 200 },
    );
  });
});
