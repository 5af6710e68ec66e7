// The possession commitment of a batch (IBatchRegistry.possessionTerms) and the proof a complaint carries.
// Each box has a possession key derived from the secret printed inside it; the Merkle tree's leaves bind
// each box's serial to that key's address. The manufacturer registers the root and publishes the leaves
// (they reveal nothing: finding a secret behind an address takes about 2^128 tries). Whoever files a
// complaint proves possession with the key's signature over the complainant's address and the leaf's
// Merkle path, never with the secret itself: a filing copied from a public mempool cannot be re-signed
// for the copier (IComplaintRegistry.fileComplaint).
//
// Encoding, as contracts/test/utils/Possession.sol and the contracts agree:
//   key        = 1 + (keccak256("MedProof possession" ‖ secret) mod (n − 1)), n the secp256k1 group order
//   leaf       = keccak256(keccak256(abi.encode(uint64 serial, address(key))))
//   node       = keccak256(min(a, b) ‖ max(a, b)); an odd last node is carried up unchanged.
//   signature  = the key's 65-byte signature of the EIP-712 Possession(complainant, batchId, serial) under
//                the ComplaintRegistry's domain ("MedProofComplaintRegistry", "1", chain id, registry).
// The encodings are written out by hand (not AbiCoder): a batch has thousands of boxes, and the key's
// public point (one secp256k1 multiplication) is already most of a leaf's cost.
import {
  SigningKey,
  TypedDataEncoder,
  concat,
  getAddress,
  getBytes,
  hexlify,
  keccak256,
  randomBytes,
  toBeHex,
  toUtf8Bytes,
} from "ethers";
import { BOX_SECRET_BYTES } from "../domain/box-secret";

const WORD = 32;
const ADDRESS_BYTES = 20;
/** The order of secp256k1's group. */
const CURVE_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const KEY_DOMAIN = toUtf8Bytes("MedProof possession");

export interface PossessionList {
  serialStart: number;
  /** Leaf of serial serialStart + i at index i, 0x-hex. */
  leaves: string[];
}

/** What a possession signature is for: the complainant it lets file about box `serial` of the batch. */
export interface PossessionClaim {
  complainant: string;
  batchId: string;
  serial: number;
  chainId: number;
  /** The ComplaintRegistry's address (the EIP-712 verifying contract). */
  registry: string;
}

const POSSESSION_TYPES = {
  Possession: [
    { name: "complainant", type: "address" },
    { name: "batchId", type: "bytes32" },
    { name: "serial", type: "uint64" },
  ],
};

/** A fresh random secret for one box (what a manufacturer prints inside it). */
export function randomBoxSecret(): Uint8Array {
  return randomBytes(BOX_SECRET_BYTES);
}

/** The box's possession key (0x-hex, 32 bytes): never 0, always below the group order. */
export function possessionKey(secret: Uint8Array): string {
  const hash = BigInt(keccak256(concat([KEY_DOMAIN, secret])));
  return toBeHex(1n + (hash % (CURVE_ORDER - 1n)), WORD);
}

/** The possession key's address, as 20 bytes (the leaf's and ecrecover's form). */
function possessorBytes(secret: Uint8Array): Uint8Array {
  const publicKey = getBytes(SigningKey.computePublicKey(possessionKey(secret), false));
  return getBytes(keccak256(publicKey.subarray(1))).subarray(WORD - ADDRESS_BYTES);
}

/** The address the contract recovers from the box's possession signature. */
export function possessionAddress(secret: Uint8Array): string {
  return getAddress(hexlify(possessorBytes(secret)));
}

export function possessionLeaf(serial: number, secret: Uint8Array): string {
  const encoded = new Uint8Array(2 * WORD);
  const view = new DataView(encoded.buffer);
  view.setBigUint64(WORD - 8, BigInt(serial)); // uint64, right-aligned
  encoded.set(possessorBytes(secret), 2 * WORD - ADDRESS_BYTES); // address, right-aligned
  return keccak256(getBytes(keccak256(encoded)));
}

/** The box's signature letting `claim.complainant` file about it (r ‖ s ‖ v, 0x-hex, 65 bytes). */
export function signPossession(secret: Uint8Array, claim: PossessionClaim): string {
  const digest = TypedDataEncoder.hash(
    {
      name: "MedProofComplaintRegistry",
      version: "1",
      chainId: claim.chainId,
      verifyingContract: claim.registry,
    },
    POSSESSION_TYPES,
    { complainant: claim.complainant, batchId: claim.batchId, serial: claim.serial },
  );
  return new SigningKey(possessionKey(secret)).sign(digest).serialized;
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
