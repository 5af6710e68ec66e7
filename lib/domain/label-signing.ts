// A batch's labels, made where they are printed: in the manufacturer's browser, by the CLI from its
// keystore, or (the demo only) on the server. One pure module, so every place signs and commits the same
// way: a label-signing key (secp256k1), each serial's signature printed as GS1 AI 8030, the secret for
// inside each box, and the possession list whose root the batch registers. Only the key's address and
// that root go on chain; the key itself never leaves the place that made it.
//
// Signature (lib/chain/serials.ts verifies it): ECDSA on secp256k1 over SHA-256 of
// "MedProof serial v1" GS gtin GS lot GS serial, as 64 bytes r‖s (low s) in base64url — 86 of AI 8030's
// 90 characters. Box secrets are derived from the key, HMAC-SHA256(key, "medproof box secret v1" GS gtin
// GS lot GS serial), first 16 bytes: unpredictable without the key and the same every time a range is
// printed, so the key alone is what a maker keeps to print again.
import { secp256k1 } from "@noble/curves/secp256k1";
import { hmac } from "@noble/hashes/hmac";
import { sha256 } from "@noble/hashes/sha256";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { toBase64Url } from "./base64url";
import { BOX_SECRET_BYTES, formatBoxSecret } from "./box-secret";
import { checkCodeDigest, checkCodeOf } from "./check-code";
import { toBracketed, toDigitalLink } from "./gs1";
import { addressBytes, possessionLeaf, possessionRoot, type PossessionList } from "./possession-tree";

const DOMAIN = "MedProof serial v1";
const SECRET_DOMAIN = "medproof box secret v1";
const GS = "\u001d"; // cannot occur in a GS1 lot or serial, so the fields cannot run into each other

/** The bytes a serial's signature is over (before SHA-256). */
export function serialMessage(gtin: string, lot: string, serial: string): Uint8Array {
  return utf8ToBytes([DOMAIN, gtin, lot, serial].join(GS));
}

/** A serial's signature by the label-signing key, as printed in AI 8030. */
export function signSerialWith(privateKey: Uint8Array, gtin: string, lot: string, serial: string): string {
  const signature = secp256k1.sign(sha256(serialMessage(gtin, lot, serial)), privateKey, { lowS: true });
  return toBase64Url(signature.toCompactRawBytes());
}

/** The key's address, 0x and 40 lowercase hex digits (what the batch registers as its signer). */
export const labelSignerOf = (privateKey: Uint8Array): string => `0x${bytesToHex(addressBytes(privateKey))}`;

/** Whether `bytes` is a usable label-signing key. */
export const isLabelKey = (bytes: Uint8Array): boolean => secp256k1.utils.isValidPrivateKey(bytes);

/**
 * The name a batch's saved label key goes by, wherever it is saved (the maker's browser, the CLI) and
 * wherever a page points the maker to it; a lot may hold characters a file name should not.
 */
export const labelKeyFileName = (gtin: string, lot: string): string =>
  `label-key-${gtin}-${lot}.json`.replace(/[^A-Za-z0-9.-]/g, "_");

/** The secret printed inside box `serial`, derived from the label-signing key. */
export function keyedBoxSecret(
  privateKey: Uint8Array,
  gtin: string,
  lot: string,
  serial: number,
): Uint8Array {
  const message = utf8ToBytes([SECRET_DOMAIN, gtin, lot, String(serial)].join(GS));
  return hmac(sha256, privateKey, message).subarray(0, BOX_SECRET_BYTES);
}

/** What a batch's labels are made from. */
export interface LabelBatch {
  gtin: string;
  lot: string;
  /** YYYY-MM-DD, as printed (AI 17). */
  expiry: string;
  serialStart: number;
  boxes: number;
}

/** What the batch registers (signer, root) and publishes (the list), from its label-signing key. */
export interface BatchCommitment {
  signer: string;
  possessionRoot: string;
  list: PossessionList;
}

/** The possession-list leaf of the batch's box `index` (serial serialStart + index), from its label key. */
export function boxLeafOf(privateKey: Uint8Array, batch: Omit<LabelBatch, "expiry">, index: number): string {
  const serial = batch.serialStart + index;
  return possessionLeaf(serial, keyedBoxSecret(privateKey, batch.gtin, batch.lot, serial));
}

/** The commitment from every box's leaf, in serial order (boxLeafOf, one a box). */
export function commitmentOfLeaves(
  privateKey: Uint8Array,
  serialStart: number,
  leaves: string[],
): BatchCommitment {
  return {
    signer: labelSignerOf(privateKey),
    possessionRoot: possessionRoot(leaves),
    list: { serialStart, leaves },
  };
}

export function batchCommitment(privateKey: Uint8Array, batch: Omit<LabelBatch, "expiry">): BatchCommitment {
  const leaves = Array.from({ length: batch.boxes }, (_, i) => boxLeafOf(privateKey, batch, i));
  return commitmentOfLeaves(privateKey, batch.serialStart, leaves);
}

/** The check-code digest (checkCodeDigest) of the batch's box `index`, from its label key. */
export function checkCodeDigestOf(
  privateKey: Uint8Array,
  batch: Omit<LabelBatch, "expiry">,
  batchId: string,
  index: number,
): string {
  const serial = String(batch.serialStart + index);
  return checkCodeDigest(
    batchId,
    serial,
    checkCodeOf(signSerialWith(privateKey, batch.gtin, batch.lot, serial)),
  );
}

/**
 * Every box's check-code digest, in serial order as the possession list's leaves: what the maker
 * publishes with its list so a code typed from any of its labels can be checked.
 */
export function checkCodeDigests(
  privateKey: Uint8Array,
  batch: Omit<LabelBatch, "expiry">,
  batchId: string,
): string[] {
  return Array.from({ length: batch.boxes }, (_, i) => checkCodeDigestOf(privateKey, batch, batchId, i));
}

export interface BoxLabel {
  gtin: string;
  lot: string;
  serial: string;
  expiry: string;
  /** The signed GS1 Digital Link printed as the QR code. */
  code: string;
  /** The human-readable line printed beside it (no signature: what a person types). */
  printed: string;
  /** The check code printed after that line, made from the signature (./check-code.ts). */
  checkCode: string;
  /** The secret for inside the box; null when the batch committed to no secrets this key derives. */
  secret: string | null;
}

/**
 * A label's printed line in three groups, one AI to a line but (17) and (10) together, as the PDF and the
 * browser's sheet print it: typed with or without the line breaks, it reads the same (spaces between
 * groups are allowed).
 */
export function printedGroups(printed: string): [gtin: string, dates: string, serial: string] {
  const [gtinGroup = "", ...rest] = printed.match(/\(\d+\)[^(]*/g) ?? [printed];
  const serialGroup = rest.pop() ?? "";
  return [gtinGroup, rest.join(""), serialGroup];
}

/**
 * The labels of serials [from, from + count): `sign` makes each serial's signature, `secrets` each box's
 * secret (null: the batch committed to none this maker can derive, so the slip says so).
 */
export function boxLabelsWith(
  batch: Pick<LabelBatch, "gtin" | "lot" | "expiry">,
  sign: (serial: string) => string,
  secrets: ((serial: number) => Uint8Array) | null,
  base: string,
  from: number,
  count: number,
): BoxLabel[] {
  return Array.from({ length: count }, (_, i) => {
    const serial = String(from + i);
    const signature = sign(serial);
    return {
      gtin: batch.gtin,
      lot: batch.lot,
      serial,
      expiry: batch.expiry,
      code: toDigitalLink(
        { gtin: batch.gtin, lot: batch.lot, serial, expiry: batch.expiry, signature },
        base,
      ),
      printed: toBracketed({ gtin: batch.gtin, lot: batch.lot, serial, expiry: batch.expiry }),
      checkCode: checkCodeOf(signature),
      secret: secrets === null ? null : formatBoxSecret(secrets(from + i)),
    };
  });
}

/** The labels of serials [from, from + count) of a batch whose labels `privateKey` makes. */
export function boxLabels(
  privateKey: Uint8Array,
  batch: Pick<LabelBatch, "gtin" | "lot" | "expiry">,
  base: string,
  from: number,
  count: number,
): BoxLabel[] {
  return boxLabelsWith(
    batch,
    (serial) => signSerialWith(privateKey, batch.gtin, batch.lot, serial),
    (serial) => keyedBoxSecret(privateKey, batch.gtin, batch.lot, serial),
    base,
    from,
    count,
  );
}
