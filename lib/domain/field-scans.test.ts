import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { boxKey, deskGate, suspectFirst, tallyReceipt, type ScannedBox } from "./field-scans";

const batch = { gtin: "09521234500018", lot: "260101A", boxes: 5 };
const box = (serial: string, verdict: ScannedBox["verdict"], lot = batch.lot): ScannedBox => ({
  key: boxKey({ gtin: batch.gtin, lot, serial }),
  gtin: batch.gtin,
  lot,
  verdict,
});

describe("suspectFirst", () => {
  it("puts suspect boxes first, then not found, caution, genuine and unchecked, keeping scan order within each", () => {
    const boxes = [
      box("1", "genuine"),
      box("2", null),
      box("3", "suspect"),
      box("4", "caution"),
      box("5", "not_found"),
      box("6", "suspect"),
    ];
    assert.deepEqual(
      suspectFirst(boxes).map((b) => b.key.split("/")[2]),
      ["3", "6", "5", "4", "1", "2"],
    );
  });
});

describe("tallyReceipt", () => {
  it("counts genuine and caution boxes of the shipment's batch as verified", () => {
    const tally = tallyReceipt([box("1", "genuine"), box("2", "caution")], 0, batch);
    assert.deepEqual(tally, { expected: 5, verified: 2, suspect: 0, duplicates: 0, checking: 0, missing: 3 });
  });

  it("counts a suspect box, a box not on the record and a genuine box of another batch as suspect", () => {
    const tally = tallyReceipt(
      [box("1", "genuine"), box("2", "suspect"), box("3", "not_found"), box("4", "genuine", "OTHER")],
      2,
      batch,
    );
    assert.deepEqual(tally, { expected: 5, verified: 1, suspect: 3, duplicates: 2, checking: 0, missing: 4 });
  });

  it("counts boxes still being checked apart, unless they are from another batch already", () => {
    const tally = tallyReceipt([box("1", null), box("2", null, "OTHER")], 0, batch);
    assert.equal(tally.checking, 1);
    assert.equal(tally.suspect, 1);
  });
});

describe("deskGate", () => {
  it("stops a sale or receipt for a suspect box, one not on the record and one with no verdict", () => {
    assert.deepEqual([deskGate("suspect"), deskGate("not_found"), deskGate(null)], ["stop", "stop", "stop"]);
  });

  it("lets a caution box go on with a note, and a genuine one go on", () => {
    assert.deepEqual([deskGate("caution"), deskGate("genuine")], ["note", "go"]);
  });
});
