// The secret printed inside each box (proof of possession for a complaint): 128 random bits, printed as
// 26 Crockford base32 characters in groups of four (e.g. "3QZ7-K2M9-…"), which survive being read aloud
// or typed from a phone: no I, L, O or U, case-insensitive, and I/L read as 1 and O as 0.
// Pure: bytes in, text out, and back, with a named error for anything that is not a secret.

/** Crockford's base32 alphabet; the check code under a box's QR (check-code.ts) uses it too. */
export const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const BOX_SECRET_BYTES = 16;
/** 128 bits in 5-bit characters: 25 full characters and one holding the last 3 bits. */
const CHARACTERS = 26;
const GROUP = 4;

export class InvalidBoxSecretError extends Error {
  override name = "InvalidBoxSecretError";
}

/** The printed form of a 16-byte secret. */
export function formatBoxSecret(secret: Uint8Array): string {
  if (secret.length !== BOX_SECRET_BYTES) throw new RangeError(`A box secret is ${BOX_SECRET_BYTES} bytes`);
  let value = 0n;
  for (const byte of secret) value = (value << 8n) | BigInt(byte);
  let text = "";
  for (let i = CHARACTERS - 1; i >= 0; i--) text += ALPHABET[Number((value >> BigInt(i * 5)) & 31n)];
  const groups: string[] = [];
  for (let i = 0; i < text.length; i += GROUP) groups.push(text.slice(i, i + GROUP));
  return groups.join("-");
}

/** What a person typed in Crockford's base32, as its alphabet spells it: upper case, no spaces or dashes, I/L as 1, O as 0. */
export function cleanCrockford(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
}

/** Reads what a person typed from inside the box back into the 16 bytes; throws InvalidBoxSecretError. */
export function parseBoxSecret(text: string): Uint8Array {
  const cleaned = cleanCrockford(text);
  if (cleaned.length === 0) throw new InvalidBoxSecretError("Enter the code printed inside the box.");
  const wrong = [...cleaned].find((c) => !ALPHABET.includes(c));
  if (wrong !== undefined) {
    throw new InvalidBoxSecretError(
      `The code inside the box uses only digits and the letters A–Z without U; "${wrong}" is not one of them.`,
    );
  }
  if (cleaned.length !== CHARACTERS) {
    throw new InvalidBoxSecretError(
      `The code inside the box has ${CHARACTERS} characters; this one has ${cleaned.length}.`,
    );
  }
  let value = 0n;
  for (const c of cleaned) value = (value << 5n) | BigInt(ALPHABET.indexOf(c));
  // 26 × 5 = 130 bits: the top two must be zero for a 128-bit secret.
  if (value >> 128n !== 0n) {
    throw new InvalidBoxSecretError("This is not a code printed inside a box: check its first character.");
  }
  const bytes = new Uint8Array(BOX_SECRET_BYTES);
  for (let i = BOX_SECRET_BYTES - 1; i >= 0; i--) {
    bytes[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return bytes;
}
