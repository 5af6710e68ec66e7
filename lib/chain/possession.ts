// The possession commitment of a batch (IBatchRegistry.possessionTerms): a Merkle tree whose leaves bind
// each box's serial to the hash of the secret printed inside it. The manufacturer registers the root and
// publishes the leaves (they reveal nothing: a leaf holds only a hash of a 128-bit secret); whoever
// files a complaint for a box proves possession with its secret and the leaf's Merkle path.
//
// Encoding, as contracts/test/utils/Possession.sol and OpenZeppelin's MerkleProof (sorted pairs) agree:
//   secretHash = keccak256(abi.encode(bytes16 secret))
//   leaf       = keccak256(keccak256(abi.encode(uint64 serial, secretHash)))
//   node       = keccak256(min(a, b) ‖ max(a, b)); an odd last node is carried up unchanged.
// The encodings are written out by hand (not AbiCoder): a batch has thousands of boxes.
import { getBytes, hexlify, keccak256, randomBytes } from "ethers";
import { BOX_SECRET_BYTES } from "../domain/box-secret";

const WORD = 32;

export interface PossessionList {
  serialStart: number;
  /** Leaf of serial serialStart + i at index i, 0x-hex. */
  leaves: string[];
}

/** A fresh random secret for one box (what a manufacturer prints inside it). */
export function randomBoxSecret(): Uint8Array {
  return randomBytes(BOX_SECRET_BYTES);
}

export function secretHash(secret: Uint8Array): Uint8Array {
  const word = new Uint8Array(WORD);
  word.set(secret, 0); // bytesN is left-aligned in its word
  return getBytes(keccak256(word));
}

export function possessionLeaf(serial: number, secret: Uint8Array): string {
  const encoded = new Uint8Array(2 * WORD);
  const view = new DataView(encoded.buffer);
  view.setBigUint64(WORD - 8, BigInt(serial)); // uint64, right-aligned
  encoded.set(secretHash(secret), WORD);
  return keccak256(getBytes(keccak256(encoded)));
}

function pair(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(2 * WORD);
  const aFirst = Buffer.compare(a, b) < 0;
  joined.set(aFirst ? a : b, 0);
  joined.set(aFirst ? b : a, WORD);
  return getBytes(keccak256(joined));
}

function up(level: Uint8Array[]): Uint8Array[] {
  const next: Uint8Array[] = [];
  for (let i = 0; i < level.length; i += 2) {
    const [left, right] = [level[i], level[i + 1]];
    if (left !== undefined) next.push(right === undefined ? left : pair(left, right));
  }
  return next;
}

export function possessionRoot(leaves: readonly string[]): string {
  if (leaves.length === 0) throw new RangeError("A possession tree needs at least one leaf");
  let level = leaves.map((leaf) => getBytes(leaf));
  while (level.length > 1) level = up(level);
  return hexlify(level[0] ?? new Uint8Array(WORD));
}

/** The Merkle path of leaf `index`, bottom up, as MerkleProof.verify takes it. */
export function possessionProof(leaves: readonly string[], index: number): string[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`Leaf ${index} is not in a tree of ${leaves.length}`);
  }
  let level = leaves.map((leaf) => getBytes(leaf));
  const path: string[] = [];
  while (level.length > 1) {
    const sibling = level[index ^ 1];
    if (sibling !== undefined) path.push(hexlify(sibling));
    index >>= 1;
    level = up(level);
  }
  return path;
}

/** The leaves of serials serialStart … serialStart + secrets.length − 1. */
export function possessionList(serialStart: number, secrets: readonly Uint8Array[]): PossessionList {
  return { serialStart, leaves: secrets.map((secret, i) => possessionLeaf(serialStart + i, secret)) };
}
