// The check code printed under a box's QR, after the human-readable GS1 line, so that a code typed by
// hand can be checked as strongly as a scan: 60 bits of a hash of the maker's signature on that box
// (checkCodeOf), printed as 12 Crockford base32 characters in groups of four,
// e.g. "7Q2M-K9XD-4HRT". Without the signature nobody can compute it; the server cannot either, so it
// checks a typed one against the hashes the maker published when the labels were made.
//
// A person types it after the GS1 line, separated by a space: "(01)…(10)…(21)… 7Q2M-K9XD-4HRT" (the label
// prints "CHECK" before it; typed or not, it reads the same). A space cannot occur inside a GS1 value, so
// the last space-separated group is unambiguous. Pure: text in, text out.
import { keccak_256 } from "@noble/hashes/sha3";
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from "@noble/hashes/utils";
import { fromBase64Url } from "./base64url";
import { ALPHABET, cleanCrockford } from "./box-secret";
import { parseScannedCode, toDigitalLink, type ParseResult, type ScannedCode } from "./gs1";

/** 12 characters of 5 bits: the 60 bits of the hash that are printed. */
export const CHECK_CODE_LENGTH = 12;
const GROUP = 4;

/** The printed form of a check code from the first bytes (at least 8) of its hash. */
export function formatCheckCode(hash: Uint8Array): string {
  if (hash.length < 8) throw new RangeError("A check code needs 8 bytes of hash");
  let value = 0n;
  for (const byte of hash.subarray(0, 8)) value = (value << 8n) | BigInt(byte);
  // The top 60 of the 64 bits, 5 at a time.
  let text = "";
  for (let i = CHECK_CODE_LENGTH - 1; i >= 0; i--)
    text += ALPHABET[Number((value >> BigInt(4 + i * 5)) & 31n)];
  return [0, 1, 2].map((g) => text.slice(g * GROUP, (g + 1) * GROUP)).join("-");
}

const CHECK_DOMAIN = utf8ToBytes("MedProof check v1");

/** The check code printed for a box whose AI 8030 signature (base64url r ‖ s) is `signature`. */
export function checkCodeOf(signature: string): string {
  return formatCheckCode(keccak_256(concatBytes(CHECK_DOMAIN, fromBase64Url(signature))));
}

/** abi.encode's word for a string or its length: big-endian, 32 bytes, the text padded to whole words. */
function abiString(text: string): Uint8Array {
  const bytes = utf8ToBytes(text);
  const padded = new Uint8Array(32 + Math.ceil(bytes.length / 32) * 32);
  new DataView(padded.buffer).setUint32(28, bytes.length);
  padded.set(bytes, 32);
  return padded;
}

function abiWord(value: number): Uint8Array {
  const word = new Uint8Array(32);
  new DataView(word.buffer).setUint32(28, value);
  return word;
}

/**
 * What the maker publishes for one serial: keccak256(abi.encode(bytes32 batchId, string serial, string
 * checkCode)), so the published list does not hand out the codes (guessing one is a 2⁶⁰ search per box).
 */
export function checkCodeDigest(batchId: string, serial: string, checkCode: string): string {
  const serialPart = abiString(serial);
  const head = concatBytes(
    hexToBytes(batchId.replace(/^0x/, "")),
    abiWord(96),
    abiWord(96 + serialPart.length),
  );
  return `0x${bytesToHex(keccak_256(concatBytes(head, serialPart, abiString(checkCode))))}`;
}

/** A typed check code in its printed form (upper case, dashed; I/L read as 1, O as 0), or null if it is none. */
export function normaliseCheckCode(text: string): string | null {
  const cleaned = cleanCrockford(text);
  if (cleaned.length !== CHECK_CODE_LENGTH || [...cleaned].some((c) => !ALPHABET.includes(c))) return null;
  return [0, 1, 2].map((g) => cleaned.slice(g * GROUP, (g + 1) * GROUP)).join("-");
}

/** What a person typed, split into the GS1 code and the check code after it (null when none was typed). */
export interface TypedEntry {
  code: string;
  checkCode: string | null;
}

/**
 * A last group of 12 base32 characters, dashes allowed between the fours, after at least one space, and
 * after the word the label prints before it ("CHECK"), or "check code" / 校验码, when typed too.
 */
const TRAILING_CHECK_CODE =
  /\s+(?:check(?:\s*code)?\s*:?\s*|校验码\s*[:：]?\s*)?([0-9A-Za-z]{4}-?[0-9A-Za-z]{4}-?[0-9A-Za-z]{4})\s*$/i;

/**
 * Splits a typed line into the GS1 code and the check code after it. A last group that is not a check
 * code (a character outside the alphabet, such as U) stays with the code, whose parser then names what is
 * wrong; so does everything when there is no space.
 */
export function splitTypedEntry(text: string): TypedEntry {
  const match = TRAILING_CHECK_CODE.exec(text);
  const checkCode = match?.[1] === undefined ? null : normaliseCheckCode(match[1]);
  if (match === null || checkCode === null) return { code: text.trim(), checkCode: null };
  return { code: text.slice(0, match.index).trim(), checkCode };
}

/** What a person entered in a code field, read: the code (or why not), and whether it was typed. */
export interface ReadEntry {
  parsed: ParseResult;
  /**
   * Typed, not scanned: the bracketed line is what is printed for people (no scanner sends brackets),
   * and a check code is only ever typed. Anything else came off a scanner, signature and all.
   */
  typed: boolean;
  checkCode: string | null;
}

export function readEntry(text: string): ReadEntry {
  const { code, checkCode } = splitTypedEntry(text);
  const parsed = parseScannedCode(code);
  return { parsed, typed: checkCode !== null || (parsed.ok && parsed.code.form === "bracketed"), checkCode };
}

/** The query parameters that carry a typed origin to the verdict page (not GS1's: a Digital Link ignores them). */
export const TYPED_PARAM = "typed";
export const CHECK_CODE_PARAM = "check";

/** The verdict page's path for an entry that reads: its Digital Link, marked as typed when it was. */
export function entryPath(code: ScannedCode, entry: Pick<ReadEntry, "typed" | "checkCode">): string {
  const path = toDigitalLink(code, "");
  if (!entry.typed) return path;
  const marks = new URLSearchParams({ [TYPED_PARAM]: "1" });
  if (entry.checkCode !== null) marks.set(CHECK_CODE_PARAM, entry.checkCode);
  return `${path}${path.includes("?") ? "&" : "?"}${marks.toString()}`;
}
