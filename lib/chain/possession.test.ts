import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { hexlify } from "ethers";
import { possessionLeaf, possessionProof, possessionRoot, randomBoxSecret, secretHash } from "./possession";

// The vector of contracts/test/Possession.t.sol: serials 1..5, secrets 0x0101…01 … 0x0505…05. The
// contract test checks the same numbers against Solidity's encoding and MerkleProof.verify.
const secret = (i: number) => new Uint8Array(16).fill(i);
const LEAVES = [
  "0x4993cbe5ea8f1230573fec92635f1545cd3cff67dc9e399cf5924cd49105701e",
  "0x9b965a952bb93769f93d5eebeca8d1f311970dcc8569824e997dee7f138a4b45",
  "0x3f6fb805867b6dff00f33389be46a727bc78624bf601390fdef1f1b311369711",
  "0xcddb96cf742c47a1b03b3aae60251d400f6636583c852a8fc80af5c77974a4ef",
  "0x42d6bb45b196ad5535870b55596c9c5babbaeefb9cc9dd0103b580a5df249c0a",
];
const ROOT = "0xc98c1d9939a1e9ff14ee0061fe169116e4bb8d32eed65599d729f161c5ac7c8b";

describe("the possession commitment", () => {
  it("hashes secrets and leaves as the contracts do", () => {
    assert.equal(
      hexlify(secretHash(secret(1))),
      "0x71e3c0e0c00215ae9ce11099cf64887e1ac1a282cc3ec236467142e66acee84d",
    );
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((i) => possessionLeaf(i, secret(i))),
      LEAVES,
    );
  });

  it("builds the root and the Merkle path the contract test verifies", () => {
    assert.equal(possessionRoot(LEAVES), ROOT);
    assert.deepEqual(possessionProof(LEAVES, 2), [
      "0xcddb96cf742c47a1b03b3aae60251d400f6636583c852a8fc80af5c77974a4ef",
      "0x8f4bdb331fef93e5f54555eac246588360989ac3a8f9e5fe1a10ba1d97610fb9",
      "0x42d6bb45b196ad5535870b55596c9c5babbaeefb9cc9dd0103b580a5df249c0a",
    ]);
  });

  it("gives a one-box batch its leaf as root and an empty path", () => {
    const leaf = possessionLeaf(7, randomBoxSecret());
    assert.equal(possessionRoot([leaf]), leaf);
    assert.deepEqual(possessionProof([leaf], 0), []);
  });

  it("refuses a path for a leaf outside the tree", () => {
    assert.throws(() => possessionProof(LEAVES, 5), RangeError);
    assert.throws(() => possessionRoot([]), RangeError);
  });
});
