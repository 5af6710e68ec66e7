// The verdict judges a batch's state, the timeline and the EPCIS document tell it: all three ask
// batch-status.ts and licences.ts, so for any dates they must agree on whether the workshop covered the
// production date, whether the release was early, whether the batch was released or recalled.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";

import { evaluateVerdict, type CheckId, type Verdict } from "./verdict";
import { buildTimeline, type TimelineEventKind } from "./timeline";
import { buildEpcisDocument } from "./epcis";
import { FIXTURE_NOW, FIXTURE_TIMES, makeVerdictInput, type VerdictInputOverrides } from "./fixtures";
import { DAY } from "./time";

function tell(overrides: VerdictInputOverrides) {
  const input = makeVerdictInput(overrides);
  const verdict = evaluateVerdict(input);
  const timeline = buildTimeline(input.record);
  return {
    status: (id: CheckId) => (verdict.checks.find((c) => c.id === id) as Verdict["checks"][number]).status,
    told: (kind: TimelineEventKind) => timeline.filter((e) => e.kind === kind),
    // Only for real dates: EPCIS writes ISO times, and a NaN date has none.
    epcisDispositions: () => {
      const epcis = buildEpcisDocument(input.record, {
        gtin: input.code.gtin,
        serial: input.code.serial,
        origin: "https://medproof.example",
        createdAt: FIXTURE_NOW,
      });
      assert.ok(epcis);
      return epcis.epcisBody.eventList.map((e) => e.disposition);
    },
  };
}

/** Around a boundary: two days either side, and the second before, at and after it. */
const around = (boundary: number) =>
  fc.oneof(
    fc.integer({ min: boundary - 2 * DAY, max: boundary + 2 * DAY }),
    fc.constantFrom(boundary - 1, boundary, boundary + 1),
  );

describe("the verdict, the timeline and EPCIS agree on a batch's state", () => {
  it("on whether the workshop's attestation covered the production date", () => {
    fc.assert(
      fc.property(
        // A production date no chain would give (NaN) is covered by no attestation, in both.
        fc.oneof(
          around(FIXTURE_TIMES.attestationFrom),
          around(FIXTURE_TIMES.attestationUntil),
          fc.constant(Number.NaN),
        ),
        (productionDate) => {
          const { status, told } = tell({ record: { batch: { productionDate } } });
          const [attested] = told("workshop");
          assert.ok(attested);
          assert.equal(attested.status, status("workshop"), `production date ${productionDate}`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("on whether the batch was released before the hold ended", () => {
    const holdEnds = FIXTURE_TIMES.sterilisationEnded + 14 * DAY;
    fc.assert(
      fc.property(around(holdEnds), (releasedAt) => {
        const { status, told } = tell({ record: { batch: { releasedAt } } });
        const [released] = told("release");
        assert.ok(released);
        assert.equal(released.status, status("release"), `released at ${releasedAt}`);
      }),
      { numRuns: 200 },
    );
  });

  it("on whether the batch was released and recalled at all", () => {
    for (const releasedAt of [null, FIXTURE_TIMES.released]) {
      for (const recall of [null, { at: FIXTURE_NOW - DAY, reason: "抽检不合格" }]) {
        const { status, told, epcisDispositions } = tell({ record: { batch: { releasedAt, recall } } });
        const epcisSteps = epcisDispositions();
        const released = releasedAt !== null;
        assert.equal(status("release") === "pass", released);
        assert.equal(told("release").length > 0, released);
        assert.equal(epcisSteps.includes("sellable_accessible"), released);
        assert.equal(status("recall") === "fail", recall !== null);
        assert.equal(told("recall").length > 0, recall !== null);
        assert.equal(epcisSteps.includes("recalled"), recall !== null);
      }
    }
  });
});
