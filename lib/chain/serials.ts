// The manufacturer's signature over (GTIN, lot, serial), printed on each box as GS1 AI 8030: ECDSA on
// secp256k1 over SHA-256 of the message, as 64 bytes r‖s (low s) in base64url — 86 of AI 8030's 90
// characters. The batch registers only the signer's address on chain. Signing is the pure
// lib/domain/label-signing.ts (the same code the manufacturer's browser runs); this module verifies.
//
// Why this scheme: Node's OpenSSL verifies it in ~0.3 ms, while recovering a signer in JavaScript
// costs ~5 ms, the largest part of a verification. The public key behind a batch's signer address is
// recovered once (and kept); every later code of that signer is checked natively.
import { createHash, createPublicKey, verify, type KeyObject } from "node:crypto";
import { SigningKey, Signature, computeAddress, getBytes, hexlify } from "ethers";
import { fromBase64Url, toBase64Url } from "../domain/base64url";
import { serialMessage, signSerialWith } from "../domain/label-signing";

export { serialMessage };

const GS = "\u001d"; // joins the parts of a remembered answer's key: no part can contain it

function sha256(bytes: Uint8Array): string {
  return "0x" + createHash("sha256").update(bytes).digest("hex");
}

export function signSerial(key: SigningKey, gtin: string, lot: string, serial: string): string {
  return signSerialWith(getBytes(key.privateKey), gtin, lot, serial);
}

/** The public key as a Node KeyObject, for native verification. */
function keyObject(uncompressedPublicKey: string): KeyObject {
  const bytes = getBytes(uncompressedPublicKey); // 0x04 ‖ x ‖ y
  return createPublicKey({
    key: {
      kty: "EC",
      crv: "secp256k1",
      x: toBase64Url(bytes.subarray(1, 33)),
      y: toBase64Url(bytes.subarray(33, 65)),
    },
    format: "jwk",
  });
}

const KEYS_LIMIT = 10_000;
const signerKeys = new Map<string, KeyObject>();
const RESULTS_LIMIT = 50_000;
const results = new Map<string, string | null>();

/** The addresses whose keys could have made (r, s): one per recovery parity. */
function recoverCandidates(digest: string, rs: Uint8Array): { address: string; publicKey: string }[] {
  const candidates: { address: string; publicKey: string }[] = [];
  for (const v of [27, 28]) {
    try {
      const publicKey = SigningKey.recoverPublicKey(
        digest,
        Signature.from({ r: hexlify(rs.subarray(0, 32)), s: hexlify(rs.subarray(32, 64)), v }),
      );
      candidates.push({ address: computeAddress(publicKey), publicKey });
    } catch {
      // Not a point on the curve for this parity.
    }
  }
  return candidates;
}

/** recoverSerialSigner's answer for a code's signed message, worked out (not remembered). */
function signerOf(expectedSigner: string, message: Uint8Array, signature: string): string | null {
  let rs: Uint8Array;
  try {
    rs = fromBase64Url(signature);
  } catch {
    return null;
  }
  if (rs.length !== 64) return null;
  const expected = expectedSigner.toLowerCase();
  const known = signerKeys.get(expected);
  if (known && verify("sha256", message, { key: known, dsaEncoding: "ieee-p1363" }, rs))
    return expectedSigner;

  // First code of this signer, or not signed by it: recover who signed.
  const candidates = recoverCandidates(sha256(message), rs);
  const match = candidates.find((c) => c.address.toLowerCase() === expected);
  if (match) {
    if (signerKeys.size >= KEYS_LIMIT) signerKeys.clear();
    signerKeys.set(expected, keyObject(match.publicKey));
    return expectedSigner;
  }
  return candidates[0]?.address ?? null;
}

/**
 * Who signed this code: `expectedSigner` (the batch's registered key) when it did, another address
 * when someone else did, null when the signature is malformed. Answers are remembered (bounded), as a
 * given code's answer never changes.
 */
export function recoverSerialSigner(
  expectedSigner: string,
  gtin: string,
  lot: string,
  serial: string,
  signature: string,
): string | null {
  const key = [expectedSigner.toLowerCase(), gtin, lot, serial, signature].join(GS);
  const remembered = results.get(key);
  if (remembered !== undefined) return remembered;
  const signer = signerOf(expectedSigner, serialMessage(gtin, lot, serial), signature);
  if (results.size >= RESULTS_LIMIT) results.clear();
  results.set(key, signer);
  return signer;
}
