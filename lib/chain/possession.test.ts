import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { TypedDataEncoder, recoverAddress } from "ethers";
import {
  possessionAddress,
  possessionKey,
  possessionLeaf,
  possessionProof,
  possessionRoot,
  randomBoxSecret,
  signPossession,
} from "./possession";

// The vectors of contracts/test/Possession.t.sol: serials 1..5, secrets 0x0101…01 … 0x0505…05. The
// contract test checks the same numbers against Solidity's encoding, MerkleProof.verify and ecrecover.
const secret = (i: number) => new Uint8Array(16).fill(i);
const LEAVES = [
  "0xfd26e2170b6b652d8b5e73f165a26a5c80db7871c3ea90390ae216789164eb0f",
  "0x1535c2e22ebf4d5e4a2ec970d644b33f143ab3a6eb7d12a6c5ee00b7095f0aea",
  "0xe99ebfacc8d59075f3b328e6a805ad04d0aa6a293b4cba149ca309bf0eea3b74",
  "0xd59a734aa0fd279b07a07b909409f2ec2bd5a9cb8256039fd333cb856feab582",
  "0xdab8533eb8b57449e31b1615b23ce45b57db8f0c804362685abac1eb4206a199",
];
const ROOT = "0x335c97bb6ef3886738c08117268acd32f95041289c8500708babf1b02d318461";
const CLAIM = {
  complainant: "0x000000000000000000000000000000000000c0Fe",
  batchId: "0x" + "ab".repeat(32),
  serial: 3,
  chainId: 31337,
  registry: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
};
const DOMAIN = {
  name: "MedProofComplaintRegistry",
  version: "1",
  chainId: 31337,
  verifyingContract: CLAIM.registry,
};
const TYPES = {
  Possession: [
    { name: "complainant", type: "address" },
    { name: "batchId", type: "bytes32" },
    { name: "serial", type: "uint64" },
  ],
};
const digestOf = (claim: typeof CLAIM) =>
  TypedDataEncoder.hash({ ...DOMAIN, verifyingContract: claim.registry, chainId: claim.chainId }, TYPES, {
    complainant: claim.complainant,
    batchId: claim.batchId,
    serial: claim.serial,
  });

describe("the possession commitment", () => {
  it("derives each box's key and leaf as the contracts do", () => {
    assert.equal(
      possessionKey(secret(1)),
      "0x6779a82c79be499ee7545844aeb53c4092c5ceba6ca6c05bc041c22fb6a97832",
    );
    assert.equal(possessionAddress(secret(1)), "0x1fa9bCfdB36bB8d6a5d2E32A15072C8f04100A6e");
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((i) => possessionLeaf(i, secret(i))),
      LEAVES,
    );
  });

  it("signs for one complainant, box and registry, recovering to the address its leaf holds", () => {
    const signature = signPossession(secret(3), CLAIM);
    assert.equal(
      signature,
      "0x334a1afedb85bf6a40a86ef025e947ff04c1f3b70f9bc41d0eac4056a1ea4c81271ee508e955ac107a5a7af5be9b25f97d1be1c788e77c82c470a91de13e64cb1c",
    );
    assert.equal(recoverAddress(digestOf(CLAIM), signature), possessionAddress(secret(3)));
    // Read as another complainant's (a copied filing) it recovers to an address no leaf holds.
    const copier = { ...CLAIM, complainant: "0x000000000000000000000000000000000000BAd0" };
    assert.notEqual(recoverAddress(digestOf(copier), signature), possessionAddress(secret(3)));
  });

  it("builds the root and the Merkle path the contract test verifies", () => {
    assert.equal(possessionRoot(LEAVES), ROOT);
    assert.deepEqual(possessionProof(LEAVES, 2), [
      "0xd59a734aa0fd279b07a07b909409f2ec2bd5a9cb8256039fd333cb856feab582",
      "0x9eb11a75c0ba0c5adc9e58bbdedaca3f4242159659a9cfc4dd00a787d39d08c1",
      "0xdab8533eb8b57449e31b1615b23ce45b57db8f0c804362685abac1eb4206a199",
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
