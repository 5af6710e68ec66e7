// Who answers for a box, as the verdict's facts link them: from the fixture record of the genuine box.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { boxParties } from "./box-parties";
import {
  FIXTURE_ACCOUNTS,
  FIXTURE_NOW,
  makeBoxRecord,
  makeEmptyRecord,
  makePharmacy,
  makeTestReport,
} from "./fixtures";
import { DAY } from "./time";

const A = FIXTURE_ACCOUNTS;

describe("boxParties", () => {
  it("names the maker, supplier, auditor, lab and distributor of the genuine box, each with its account", () => {
    const parties = boxParties(makeBoxRecord());
    assert.ok(parties);
    assert.deepEqual(parties.maker, { account: A.maker, name: "青禾医疗用品有限公司" });
    assert.deepEqual(parties.suppliers, [{ account: A.supplier, name: "远岫熔喷材料有限公司" }]);
    assert.equal(parties.auditor?.account, A.auditor);
    assert.match(parties.auditor?.name ?? "", /检测/);
    assert.deepEqual(
      parties.labs.map((lab) => lab.account),
      [A.lab],
    );
    // The maker ships to the distributor, which ships to the pharmacy: only the distributor distributes.
    assert.deepEqual(
      parties.distributors.map((d) => d.account),
      [A.distributor],
    );
  });

  it("lists a lab once however many reports it posted, and leaves a name it does not know null", () => {
    const stranger = "0x000000000000000000000000000000000000bEEF";
    const tests = [makeTestReport(), makeTestReport({ retest: true }), makeTestReport({ lab: stranger })];
    const parties = boxParties(makeBoxRecord({ batch: { tests } }));
    assert.deepEqual(
      parties?.labs.map((lab) => [lab.account, lab.name === null]),
      [
        [A.lab, false],
        [stranger, true],
      ],
    );
  });

  it("says where and when the box was sold, or that its sale is not recorded", () => {
    const soldAt = FIXTURE_NOW - 3 * DAY;
    const sold = boxParties(makeBoxRecord({ serial: { sale: { seller: makePharmacy(), soldAt } } }));
    assert.deepEqual(sold?.sale, {
      status: "sold",
      seller: { account: A.pharmacy, name: makePharmacy().name },
      soldAt,
    });
    assert.deepEqual(boxParties(makeBoxRecord())?.sale, { status: "not-sold" });
  });

  it("says nothing of a sale for a code without a serial, or a serial the batch never issued", () => {
    assert.equal(boxParties(makeBoxRecord({ serial: null }))?.sale, null);
    assert.equal(boxParties(makeBoxRecord({ serial: { inRange: false } }))?.sale, null);
  });

  it("has no parties for a product no one registered", () => {
    assert.equal(boxParties(makeEmptyRecord()), null);
  });
});
