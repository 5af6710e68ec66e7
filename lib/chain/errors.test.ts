import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CONTRACT_NAMES, contractInterface } from "./contracts";
import { describeError, MESSAGES } from "./errors";

describe("revert decoding", () => {
  it("has a plain sentence for every custom error of every contract", () => {
    const missing: string[] = [];
    for (const name of CONTRACT_NAMES) {
      contractInterface(name).forEachError((error) => {
        if (!(error.name in MESSAGES)) missing.push(`${name}.${error.name}`);
      });
    }
    assert.deepEqual(missing, []);
  });

  it("turns revert data into the error's name and its sentence with the arguments filled in", () => {
    const data = contractInterface("ComplaintRegistry").encodeErrorResult("InvalidPossessionProof", [
      "0x" + "11".repeat(32),
      100149n,
    ]);
    assert.deepEqual(describeError({ error: { data } }), {
      code: "InvalidPossessionProof",
      message: "The code from inside the box does not match box 100149. Check it and type it again.",
    });
  });

  it("says which cap a refused purchase order's unit price is above", () => {
    const data = contractInterface("OrderBook").encodeErrorResult("UnitPriceAboveCap", [160n, 150n, 1]);
    assert.deepEqual(describeError({ error: { data } }), {
      code: "UnitPriceAboveCap",
      message:
        "A unit price of 1.60 yuan/piece is above the wholesale cap of 1.50 yuan/piece in force: the order is refused.",
    });
  });

  it("names an unreachable node as chain_unavailable", () => {
    assert.equal(describeError(new Error("connect ECONNREFUSED 127.0.0.1:8545")).code, "chain_unavailable");
  });
});
