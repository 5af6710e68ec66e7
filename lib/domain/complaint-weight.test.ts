// The complaint-weight rule on its own: which complaints about a batch weigh on every box of it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  SEVERAL_BOXES,
  boxesComplainedAbout,
  complaintWeight,
  undecidedComplaints,
} from "./complaint-weight";
import {
  makeBatch,
  makeComplaint,
  makeOtherPharmacy,
  makePharmacy,
  makePriceRecord,
  makePriceViolation,
  makeTestReport,
} from "./fixtures";
import type { BatchInfo, ComplaintInfo } from "./record";
import { DAY } from "./time";

const open = (overrides: Partial<ComplaintInfo> = {}) =>
  makeComplaint({ status: "open", ruledAt: null, compensationFen: 0, fineFen: 0, ...overrides });

const batchWith = (list: ComplaintInfo[], overrides: Partial<BatchInfo> = {}): BatchInfo =>
  makeBatch({
    complaints: { list, upheld: list.filter((c) => c.status === "upheld").length, underInvestigation: false },
    ...overrides,
  });

describe("complaintWeight", () => {
  it("gives no weight to one open complaint no one has examined, answered or not", () => {
    const complaint = open();
    assert.equal(complaintWeight(complaint, batchWith([complaint])), null);
    const answered = open({ status: "answered" });
    assert.equal(complaintWeight(answered, batchWith([answered])), null);
  });

  it("weighs an upheld complaint, and never a dismissed one", () => {
    const upheld = makeComplaint();
    assert.equal(complaintWeight(upheld, batchWith([upheld])), "upheld");
    const dismissed = makeComplaint({ status: "dismissed" });
    assert.equal(complaintWeight(dismissed, batchWith([dismissed])), null);
  });

  it("weighs a spec complaint once a lab retested the batch on or after its filing, not before", () => {
    const complaint = open();
    const after = makeTestReport({ retest: true, testedAt: complaint.filedAt });
    const before = makeTestReport({ retest: true, testedAt: complaint.filedAt - DAY });
    const routine = makeTestReport({ retest: false, testedAt: complaint.filedAt + DAY });
    assert.equal(complaintWeight(complaint, batchWith([complaint], { tests: [after] })), "retest");
    assert.equal(complaintWeight(complaint, batchWith([complaint], { tests: [before, routine] })), null);
    // A retest says nothing about a price complaint.
    const price = open({ kind: "price-above-cap", respondent: makePharmacy() });
    assert.equal(complaintWeight(price, batchWith([price], { tests: [after] })), null);
  });

  it("weighs a price complaint once an inspector recorded a price above the cap at that seller after it", () => {
    const complaint = open({ kind: "price-above-cap", respondent: makeOtherPharmacy() });
    const at = complaint.filedAt + DAY;
    const weighs = (prices: BatchInfo["prices"]) =>
      complaintWeight(complaint, batchWith([complaint], { prices }));
    assert.equal(weighs([makePriceViolation({ observedAt: at })]), "inspector");
    // Within the cap, at another seller, or before the complaint: no weight from the inspector.
    assert.equal(weighs([makePriceRecord({ observedAt: at, seller: makeOtherPharmacy() })]), null);
    assert.equal(weighs([makePriceViolation({ observedAt: at, seller: makePharmacy() })]), null);
    assert.equal(weighs([makePriceViolation({ observedAt: complaint.filedAt - DAY })]), null);
  });

  it(`weighs every open complaint once complaints about ${SEVERAL_BOXES} different boxes stand`, () => {
    const boxes = Array.from({ length: SEVERAL_BOXES }, (_, i) => open({ id: i + 1, serial: 100140 + i }));
    const batch = batchWith(boxes);
    assert.equal(boxesComplainedAbout(batch), SEVERAL_BOXES);
    for (const complaint of boxes) assert.equal(complaintWeight(complaint, batch), "several-boxes");
  });

  it("counts boxes, not complaints: a dismissed one does not count, nor a second about the same box", () => {
    const first = open({ id: 1, serial: 100141 });
    const againSameBox = makeComplaint({ id: 2, serial: 100141, status: "dismissed" });
    const sameBoxAgain = open({ id: 3, serial: 100141 });
    const other = open({ id: 4, serial: 100142 });
    const dismissed = makeComplaint({ id: 5, serial: 100143, status: "dismissed" });
    const batch = batchWith([first, againSameBox, sameBoxAgain, other, dismissed]);
    assert.equal(boxesComplainedAbout(batch), 2);
    assert.equal(complaintWeight(other, batch), null);
  });

  it("counts an upheld complaint among the boxes: two open ones beside it weigh", () => {
    const upheld = makeComplaint({ id: 1, serial: 100141 });
    const a = open({ id: 2, serial: 100142 });
    const b = open({ id: 3, serial: 100143 });
    const batch = batchWith([upheld, a, b]);
    assert.deepEqual(
      undecidedComplaints(batch).weighing.map(({ complaint, reason }) => [complaint.id, reason]),
      [
        [2, "several-boxes"],
        [3, "several-boxes"],
      ],
    );
  });
});

describe("undecidedComplaints", () => {
  it("splits the undecided complaints into those the rule weighs and those shown for information", () => {
    const spec = open({ id: 1, serial: 100141 });
    const price = open({ id: 2, serial: 100142, kind: "price-above-cap", respondent: makePharmacy() });
    const retest = makeTestReport({ retest: true, testedAt: spec.filedAt + DAY });
    const { weighing, informational } = undecidedComplaints(batchWith([spec, price], { tests: [retest] }));
    assert.deepEqual(
      weighing.map(({ complaint, reason }) => [complaint.id, reason]),
      [[1, "retest"]],
    );
    assert.deepEqual(
      informational.map((c) => c.id),
      [2],
    );
  });
});
