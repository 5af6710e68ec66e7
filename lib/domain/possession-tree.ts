// The possession tree of a batch, computed the same way in the manufacturer's browser (which makes the
// box secrets and registers only the root), in the CLI and on the server (which checks a published list
// against the on-chain root and proves a complaint): one pure module, @noble only, so both sides use
// the same code rather than two that must agree. lib/chain/possession.ts adds the EIP-712 signature.
//
// Encoding, as contracts/test/utils/Possession.sol and the contracts agree:
//   key   = 1 + (keccak256("MedProof possession" ‖ secret) mod (n − 1)), n the secp256k1 group order
//   leaf  = keccak256(keccak256(abi.encode(uint64 serial, address(key))))
//   node  = keccak256(min(a, b) ‖ max(a, b)); an odd last node is carried up unchanged.
// The encodings are written out by hand: a batch has thousands of boxes, and the key's public point (one
// secp256k1 multiplication) is already most of a leaf's cost.
import { secp256k1 } from "@noble/curves/secp256k1";
import { keccak_256 } from "@noble/hashes/sha3";
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from "@noble/hashes/utils";

const WORD = 32;
const ADDRESS_BYTES = 20;
const CURVE_ORDER = secp256k1.CURVE.n;
const KEY_DOMAIN = utf8ToBytes("MedProof possession");

export interface PossessionList {
  serialStart: number;
  /** Leaf of serial serialStart + i at index i, 0x-hex. */
  leaves: string[];
}

const hex = (bytes: Uint8Array) => `0x${bytesToHex(bytes)}`;
const unhex = (text: string) => hexToBytes(text.startsWith("0x") ? text.slice(2) : text);

/** The box's possession key as 32 bytes: never 0, always below the group order. */
export function possessionKeyBytes(secret: Uint8Array): Uint8Array {
  const hash = BigInt(hex(keccak_256(concatBytes(KEY_DOMAIN, secret))));
  return unhex((1n + (hash % (CURVE_ORDER - 1n))).toString(16).padStart(2 * WORD, "0"));
}

/** The address of a secp256k1 private key, as 20 bytes (the leaf's and ecrecover's form). */
export function addressBytes(privateKey: Uint8Array): Uint8Array {
  const publicKey = secp256k1.getPublicKey(privateKey, false); // 0x04 ‖ x ‖ y
  return keccak_256(publicKey.subarray(1)).subarray(WORD - ADDRESS_BYTES);
}

export function possessionLeaf(serial: number, secret: Uint8Array): string {
  const encoded = new Uint8Array(2 * WORD);
  new DataView(encoded.buffer).setBigUint64(WORD - 8, BigInt(serial)); // uint64, right-aligned
  encoded.set(addressBytes(possessionKeyBytes(secret)), 2 * WORD - ADDRESS_BYTES); // address, right-aligned
  return hex(keccak_256(keccak_256(encoded)));
}

function compare(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

function pair(a: Uint8Array, b: Uint8Array): Uint8Array {
  return keccak_256(compare(a, b) < 0 ? concatBytes(a, b) : concatBytes(b, a));
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
  let level = leaves.map(unhex);
  while (level.length > 1) level = up(level);
  return hex(level[0] ?? new Uint8Array(WORD));
}

/** The Merkle path of leaf `index`, bottom up, as MerkleProof.verify takes it. */
export function possessionProof(leaves: readonly string[], index: number): string[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`Leaf ${index} is not in a tree of ${leaves.length}`);
  }
  let level = leaves.map(unhex);
  const path: string[] = [];
  while (level.length > 1) {
    const sibling = level[index ^ 1];
    if (sibling !== undefined) path.push(hex(sibling));
    index >>= 1;
    level = up(level);
  }
  return path;
}

/** The leaves of serials serialStart … serialStart + secrets.length − 1. */
export function possessionList(serialStart: number, secrets: readonly Uint8Array[]): PossessionList {
  return { serialStart, leaves: secrets.map((secret, i) => possessionLeaf(serialStart + i, secret)) };
}

/** Why a published list cannot be the batch's, or null when it is (its root is the one on chain). */
export type ListMismatch = "no_root" | "serial_start" | "box_count" | "root_mismatch";

/**
 * Checks a list someone publishes against what the batch registered: its first serial, one leaf per box,
 * and above all its root, so a list stored for every app instance can only ever be the maker's own.
 */
export function publishedListMismatch(
  list: PossessionList,
  batch: { serialStart: number; boxes: number; possessionRoot: string },
): ListMismatch | null {
  if (/^0x0{64}$/.test(batch.possessionRoot)) return "no_root";
  if (list.serialStart !== batch.serialStart) return "serial_start";
  if (list.leaves.length !== batch.boxes) return "box_count";
  const root = possessionRoot(list.leaves.map((leaf) => leaf.toLowerCase()));
  return root === batch.possessionRoot.toLowerCase() ? null : "root_mismatch";
}
