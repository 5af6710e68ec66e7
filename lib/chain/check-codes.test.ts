// The check-code digest the browser and the CLI compute with @noble alone is abi.encode's, as ethers
// (and Solidity) make it: the server recomputes it from a typed code and must find the same bytes.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { AbiCoder, keccak256 } from "ethers";
import fc from "fast-check";
import { checkCodeDigest } from "./check-codes";

describe("a check code's published digest", () => {
  it("is keccak256(abi.encode(bytes32, string, string)) for any batch, serial and code", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.string({ maxLength: 70 }),
        fc.string({ maxLength: 40 }),
        (batch, serial, code) => {
          const batchId = `0x${Buffer.from(batch).toString("hex")}`;
          const expected = keccak256(
            AbiCoder.defaultAbiCoder().encode(["bytes32", "string", "string"], [batchId, serial, code]),
          );
          assert.equal(checkCodeDigest(batchId, serial, code), expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
