// The manufacturer's signature over (GTIN, lot, serial), printed on each box as GS1 AI 8030.
// 64-byte EIP-2098 compact signatures in base64url fit AI 8030's 90 characters (86 used).
import {
  AbiCoder,
  keccak256,
  Signature,
  recoverAddress,
  getBytes,
  hexlify,
  encodeBase64,
  decodeBase64,
  type SigningKey,
} from "ethers";

const coder = AbiCoder.defaultAbiCoder();
const DOMAIN = "MedProof serial v1";

export function serialDigest(gtin: string, lot: string, serial: string): string {
  return keccak256(
    coder.encode(["string", "uint64", "string", "string"], [DOMAIN, BigInt(gtin), lot, serial]),
  );
}

function toBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  return decodeBase64(padded);
}

export function signSerial(key: SigningKey, gtin: string, lot: string, serial: string): string {
  const signature = key.sign(serialDigest(gtin, lot, serial));
  return toBase64Url(getBytes(signature.compactSerialized));
}

/**
 * Recovering a signer costs ~5 ms of CPU (secp256k1 in JavaScript), the largest part of a verification.
 * The answer for a given code never changes, so it is remembered (bounded) for codes scanned again.
 */
const RECOVERED_LIMIT = 50_000;
const recovered = new Map<string, string | null>();

/** The address that signed this code, or null when the signature is malformed. */
export function recoverSerialSigner(
  gtin: string,
  lot: string,
  serial: string,
  signature: string,
): string | null {
  const key = `${gtin}\u001d${lot}\u001d${serial}\u001d${signature}`;
  const known = recovered.get(key);
  if (known !== undefined) return known;
  const signer = recover(gtin, lot, serial, signature);
  if (recovered.size >= RECOVERED_LIMIT) recovered.clear();
  recovered.set(key, signer);
  return signer;
}

function recover(gtin: string, lot: string, serial: string, signature: string): string | null {
  try {
    const bytes = fromBase64Url(signature);
    if (bytes.length !== 64) return null;
    return recoverAddress(serialDigest(gtin, lot, serial), Signature.from(hexlify(bytes)));
  } catch {
    return null;
  }
}
