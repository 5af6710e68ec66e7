import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { makePriceCap } from "./fixtures";
import { capPerBox } from "./price-caps";

describe("capPerBox", () => {
  it("gives the cap for a whole box beside the cap per piece: 1.80 yuan × 50 masks = 90.00 yuan", () => {
    assert.deepEqual(capPerBox(makePriceCap({ fenPerPiece: 180 }), 50), {
      fenPerPiece: 180,
      masksPerBox: 50,
      fenPerBox: 9000,
    });
    assert.equal(capPerBox(makePriceCap({ fenPerPiece: 850 }), 10)?.fenPerBox, 8500);
  });

  it("has nothing to say without a cap or a box size", () => {
    assert.equal(capPerBox(null, 50), null);
    assert.equal(capPerBox(makePriceCap(), 0), null);
  });
});
