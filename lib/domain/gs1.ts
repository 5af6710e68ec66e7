/**
 * Reads whatever a scanner or camera returns from a mask box and turns it into GS1 fields:
 * a GS1 Digital Link URI, a GS1 element string (DataMatrix, QR, GS1-128, DataBar), the
 * bracketed human-readable form, or a bare retail GTIN. Also writes those forms for labels.
 *
 * Rules follow the GS1 General Specifications and the GS1 Digital Link standard. Every AI in GS1's
 * Barcode Syntax Dictionary is read and checked against its format and linters (the table generated
 * from it, the linters in gs1-linters.ts); the ones MedProof does not use are then ignored. Pure code:
 * no I/O, and `parseScannedCode` never throws, because its input comes straight from the outside.
 */
import {
  GS1_AI_ENTRIES,
  type Gs1AiEntry,
  type Gs1CharacterSet,
  type Gs1Component,
} from "./generated/gs1-ai-table";
import { daysInMonth, LINTERS, mod10CheckDigit, readGs1Date } from "./gs1-linters";

export type ScannedCodeForm = "digital-link" | "element-string" | "bracketed" | "bare-gtin";

export interface ScannedCode {
  /** Always normalised to 14 digits. */
  gtin: string;
  /** AI 10. */
  lot: string | null;
  /** AI 21. */
  serial: string | null;
  /** AI 17 as an ISO date 'YYYY-MM-DD'; a GS1 day of 00 becomes the last day of that month. */
  expiry: string | null;
  /** AI 11 as an ISO date, same rules as `expiry`. */
  productionDate: string | null;
  /** AI 8030: we carry a base64url secp256k1 signature in it. */
  signature: string | null;
  form: ScannedCodeForm;
}

/** The fields the label writers accept; a `ScannedCode` is one. Dates are ISO 'YYYY-MM-DD'. */
export interface Gs1Fields {
  gtin: string;
  lot?: string | null;
  serial?: string | null;
  expiry?: string | null;
  productionDate?: string | null;
  signature?: string | null;
}

export const GS1_ERROR_CODES = [
  "empty",
  "too_long",
  "unrecognised",
  "bad_check_digit",
  "bad_length",
  "bad_characters",
  "bad_date",
  "bad_value",
  "unknown_ai",
  "missing_gtin",
  "duplicate_ai",
  "bad_order",
  "key_in_query",
] as const;

export type Gs1ErrorCode = (typeof GS1_ERROR_CODES)[number];

export class Gs1Error extends Error {
  readonly code: Gs1ErrorCode;
  /** The Application Identifier the problem is about, when there is a single one. */
  readonly ai: string | null;
  /** For a wrong check digit: what the value should end with, so every language can name it. */
  readonly expected: string | null;

  constructor(code: Gs1ErrorCode, message: string, ai: string | null = null, expected: string | null = null) {
    super(message);
    this.name = "Gs1Error";
    this.code = code;
    this.ai = ai;
    this.expected = expected;
  }
}

export type ParseResult = { ok: true; code: ScannedCode } | { ok: false; error: Gs1Error };

export interface ParseOptions {
  /** Anchors the two-digit-year sliding window; defaults to the current time. */
  now?: Date;
}

/**
 * The longest text a scan can be: 2,953 bytes, what the largest QR code (version 40, error correction L)
 * holds in byte mode, the mode a Digital Link with a query string needs. A GS1 DataMatrix holds less
 * (at most 2,335 characters). Anything longer cannot have come off a box, and is refused before any work.
 */
export const MAX_SCAN_LENGTH = 2953;
export const DEFAULT_DIGITAL_LINK_BASE = "https://id.medproof.example";

const GROUP_SEPARATOR = "\u001d";
const GTIN_LENGTHS: readonly number[] = [8, 12, 13, 14];
const MAX_CHARACTERS_LISTED = 5;

const MESSAGE_UNRECOGNISED =
  "This is not a product code MedProof can read. Scan the GS1 DataMatrix or QR code on the box, " +
  "or type the product number (GTIN) printed under the barcode.";

function fail(
  code: Gs1ErrorCode,
  message: string,
  ai: string | null = null,
  expected: string | null = null,
): never {
  throw new Gs1Error(code, message, ai, expected);
}

// ---------------------------------------------------------------------------------------------
// Application Identifier table: every AI of GS1's Barcode Syntax Dictionary
// ---------------------------------------------------------------------------------------------

/**
 * The dictionary's entries by AI, ranges expanded (3100-3105 → six AIs). A Map, not an object, so
 * that input such as "constructor" can never hit a prototype property.
 *
 * Not enforced from the dictionary: its req= and ex= attributes (which AIs must or must not appear
 * together). They are rules for encoders about whole labels; a box whose label breaks one is still
 * identified by its GTIN, lot and serial, and the verdict, not the parser, judges the box.
 */
const AI_TABLE: ReadonlyMap<string, Gs1AiEntry> = new Map(
  GS1_AI_ENTRIES.flatMap((entry) => {
    const ais: Array<[string, Gs1AiEntry]> = [];
    for (let ai = Number(entry.ai); ai <= Number(entry.last); ai += 1) {
      ais.push([String(ai).padStart(entry.ai.length, "0"), entry]);
    }
    return ais;
  }),
);

/** Names for the fields MedProof reads, used inside messages as "The <label> ...". */
const LABELS: ReadonlyMap<string, string> = new Map([
  ["00", "shipping container code (SSCC)"],
  ["01", "product number (GTIN)"],
  ["10", "batch/lot number"],
  ["11", "production date"],
  ["17", "expiry date"],
  ["21", "serial number"],
  ["8030", "digital signature"],
]);

function labelOf(ai: string): string {
  return LABELS.get(ai) ?? `data field ${AI_TABLE.get(ai)?.title ?? ""} (AI ${ai})`;
}

/** The label with its AI number, which labelOf gives only for fields MedProof does not name itself. */
function labelWithAi(ai: string): string {
  return LABELS.has(ai) ? `${labelOf(ai)} (AI ${ai})` : labelOf(ai);
}

function entryFor(ai: string): Gs1AiEntry {
  return AI_TABLE.get(ai) ?? fail("unknown_ai", unknownAiMessage(ai), ai);
}

/** Dictionary flag "*": a predefined length, so no GS (FNC1) ends it in a barcode. */
function hasPredefinedLength(ai: string): boolean {
  return AI_TABLE.get(ai)?.fixedLength === true;
}

function unknownAiMessage(ai: string): string {
  return `The code contains a data field GS1 does not define (Application Identifier ${ai}).`;
}

/**
 * How many digits an AI starting with `prefix` has, following the GS1 AI numbering plan. Only
 * used to name an unknown AI in a message, so unassigned ranges just get a plausible length.
 */
function aiLengthForPrefix(prefix: string): number {
  const value = Number(prefix);
  if (value <= 22 || value === 30 || value === 37 || value >= 90) return 2;
  if ((value >= 23 && value <= 29) || (value >= 40 && value <= 42) || value === 71) return 3;
  return 4;
}

// ---------------------------------------------------------------------------------------------
// Characters and safe echoing
// ---------------------------------------------------------------------------------------------

/** The dictionary's character sets: N digits, X set 82, Y set 39, Z set 64 (General Specifications 7.11). */
const CHARACTER_SETS: Readonly<Record<Gs1CharacterSet, RegExp>> = {
  N: /^[0-9]$/,
  X: /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]$/,
  Y: /^[#\-/0-9A-Z]$/,
  Z: /^[A-Za-z0-9_-]$/,
};
/** Characters that are safe to quote in a message: printable ASCII minus markup and quotes. */
const QUOTABLE_CHARACTER = /^[A-Za-z0-9!#$%&()*+,\-./:;=?@[\\\]^_{|}~]$/;

/** Renders one character so a message never carries control, invisible or markup characters. */
function describeCharacter(character: string): string {
  if (character === " ") return "space";
  if (QUOTABLE_CHARACTER.test(character)) return `"${character}"`;
  const codePoint = character.codePointAt(0) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

function describeCharacters(characters: readonly string[]): string {
  const listed = characters.slice(0, MAX_CHARACTERS_LISTED).map(describeCharacter).join(", ");
  return characters.length > MAX_CHARACTERS_LISTED ? `${listed} and others` : listed;
}

/** Distinct characters of `value` outside `set`, in order of appearance; set 64 may end in "=" padding. */
function offendingCharacters(value: string, set: Gs1CharacterSet): string[] {
  const body = set === "Z" ? value.replace(/={1,2}$/, "") : value;
  const offending = new Set<string>();
  for (const character of body) {
    if (!CHARACTER_SETS[set].test(character)) offending.add(character);
  }
  return [...offending];
}

// ---------------------------------------------------------------------------------------------
// Check digits and GTINs
// ---------------------------------------------------------------------------------------------

/**
 * The GS1 mod-10 check digit for the digits before it (13 for a GTIN-14; also works for GTIN-8,
 * -12, -13 and SSCC because the weights 3, 1, 3, ... are counted from the right).
 */
export function gtinCheckDigit(first13: string): number {
  if (!/^\d{1,17}$/.test(first13)) {
    fail("bad_characters", "A GS1 check digit can only be computed from 1 to 17 digits.");
  }
  return mod10CheckDigit(first13);
}

/** True for a GTIN-8, -12, -13 or -14 with a correct check digit. */
export function isValidGtin(gtin: string): boolean {
  if (typeof gtin !== "string" || !/^\d+$/.test(gtin) || !GTIN_LENGTHS.includes(gtin.length)) return false;
  return gtinCheckDigit(gtin.slice(0, -1)) === Number(gtin.slice(-1));
}

/** Validates a GTIN of any retail length (bare scans, Digital Link paths) and pads it to 14 digits. */
function normaliseGtin(raw: string): string {
  if (/^\d*$/.test(raw) && !GTIN_LENGTHS.includes(raw.length)) {
    fail(
      "bad_length",
      `A product number (GTIN) has 8, 12, 13 or 14 digits, but this one has ${raw.length}.`,
      "01",
    );
  }
  const gtin = raw.padStart(14, "0");
  assertValue("01", gtin);
  return gtin;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Turns YYMMDD (already checked to be 6 digits) into an ISO date, or fails with bad_date. */
function resolveGs1Date(yymmdd: string, label: string, ai: string | null, now: Date): string {
  const read = readGs1Date(yymmdd, now, { dayZero: true });
  if ("reason" in read) return fail(read.code, `The ${label} ${read.reason}`, ai);
  // GS1: a day of 00 means the date is only given to the month, read as its last day.
  return isoDate(read.year, read.month, read.day === 0 ? daysInMonth(read.year, read.month) : read.day);
}

/** A GS1 YYMMDD date as ISO 'YYYY-MM-DD' (sliding-window century, DD=00 = month end), or null. */
export function gs1DateToIso(yymmdd: string, now: Date = new Date()): string | null {
  if (typeof yymmdd !== "string" || !/^\d{6}$/.test(yymmdd)) return null;
  try {
    return resolveGs1Date(yymmdd, "date", null, validNow(now));
  } catch {
    return null;
  }
}

/** An ISO 'YYYY-MM-DD' date as GS1 YYMMDD; throws a Gs1Error (bad_date) for anything else. */
export function isoToGs1Date(iso: string, label = "date"): string {
  const match = typeof iso === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (match === null || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    fail("bad_date", `The ${label} is not a real calendar date written as YYYY-MM-DD.`);
  }
  return `${String(year % 100).padStart(2, "0")}${match[2]}${match[3]}`;
}

/**
 * True once the calendar day after `expiry` (ISO) has started, in UTC: GS1 expiry dates are the
 * last day of use. UTC keeps the answer the same on server and client.
 */
export function isExpired(expiry: string, now: Date = new Date()): boolean {
  const today = validNow(now).toISOString().slice(0, 10);
  return expiry < today;
}

function validNow(now: Date | undefined): Date {
  return now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
}

// ---------------------------------------------------------------------------------------------
// Field validation and collection
// ---------------------------------------------------------------------------------------------

/** How long a value of this entry may be: the sum of its components, optional ones only for the maximum. */
function lengthRange(entry: Gs1AiEntry): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const component of entry.components) {
    if (!component.optional) min += component.min;
    max += component.max;
  }
  return { min, max };
}

function assertLength(value: string, entry: Gs1AiEntry, ai: string): void {
  const label = labelOf(ai);
  if (value.length === 0) fail("bad_length", `The ${label} is empty.`, ai);
  const unit = entry.components.every((component) => component.set === "N") ? "digits" : "characters";
  const { min, max } = lengthRange(entry);
  if (min === max && value.length !== max) {
    fail("bad_length", `The ${label} must be ${max} ${unit} long, but is ${value.length}.`, ai);
  }
  if (value.length > max) {
    fail("bad_length", `The ${label} is ${value.length} ${unit} long; at most ${max} are allowed.`, ai);
  }
  if (value.length < min) {
    fail("bad_length", `The ${label} is ${value.length} ${unit} long; at least ${min} are needed.`, ai);
  }
}

/**
 * Splits a value into its components as the dictionary prescribes (each takes up to its maximum
 * length, in order); what is left over goes with the last one, so a too long value shows as one.
 */
function splitComponents(value: string, entry: Gs1AiEntry): Array<[Gs1Component, string]> {
  const parts: Array<[Gs1Component, string]> = [];
  let position = 0;
  entry.components.forEach((component, index) => {
    if (position >= value.length && component.optional) return;
    const isLast = index === entry.components.length - 1;
    const end = isLast ? value.length : Math.min(value.length, position + component.max);
    parts.push([component, value.slice(position, end)]);
    position = end;
  });
  return parts;
}

/**
 * Checks a value against its AI's entry in the dictionary: the character set of every component, the
 * length, then the component's linters (check digits, dates, code lists, ...).
 */
function assertValue(ai: string, value: string, now: Date = new Date()): void {
  const entry = entryFor(ai);
  const label = labelOf(ai);
  const parts = splitComponents(value, entry);
  const onlyDigits = entry.components.length === 1 && entry.components[0]?.set === "N";
  for (const [component, part] of parts) {
    const offending = offendingCharacters(part, component.set);
    if (offending.length === 0) continue;
    const listed = describeCharacters(offending);
    fail(
      "bad_characters",
      onlyDigits
        ? `The ${label} may contain only digits, but contains: ${listed}.`
        : `The ${label} contains characters not allowed on a GS1 code: ${listed}.`,
      ai,
    );
  }
  assertLength(value, entry, ai);
  for (const [component, part] of parts) {
    for (const name of component.linters) {
      const failure = LINTERS[name]?.(part, now) ?? null;
      if (failure !== null)
        fail(failure.code, `The ${label} ${failure.reason}`, ai, failure.expected ?? null);
    }
  }
}

/** Accumulates validated AI values from any input form and builds the ScannedCode. */
class FieldCollector {
  private readonly values = new Map<string, string>();
  private readonly now: Date;

  constructor(now: Date) {
    this.now = now;
  }

  /** Any AI in the dictionary is checked; only the ones a ScannedCode holds are kept for the verdict. */
  accept(ai: string, value: string): void {
    assertValue(ai, value, this.now);
    const previous = this.values.get(ai);
    // The same value twice is harmless (some encoders repeat AIs); two different ones are ambiguous.
    if (previous !== undefined && previous !== value) {
      fail("duplicate_ai", `The code contains the ${labelOf(ai)} twice, with different values.`, ai);
    }
    this.values.set(ai, value);
  }

  toScannedCode(form: ScannedCodeForm): ScannedCode {
    const gtin = this.values.get("01");
    if (gtin === undefined) {
      fail("missing_gtin", "The code has no product number (GTIN), so the product cannot be identified.");
    }
    return {
      gtin,
      lot: this.values.get("10") ?? null,
      serial: this.values.get("21") ?? null,
      expiry: this.date("17"),
      productionDate: this.date("11"),
      signature: this.values.get("8030") ?? null,
      form,
    };
  }

  private date(ai: string): string | null {
    const value = this.values.get(ai);
    return value === undefined ? null : resolveGs1Date(value, labelOf(ai), ai, this.now);
  }
}

// ---------------------------------------------------------------------------------------------
// Form detection
// ---------------------------------------------------------------------------------------------

const ELEMENT_STRING_ONLY: ReadonlySet<ScannedCodeForm> = new Set(["element-string"]);
const DIGITAL_LINK_ONLY: ReadonlySet<ScannedCodeForm> = new Set(["digital-link"]);
const BARE_GTIN_ONLY: ReadonlySet<ScannedCodeForm> = new Set(["bare-gtin"]);

/**
 * ISO/IEC 15424 symbology identifiers a scanner may prefix, and what each can carry: the GS1
 * variants carry element strings; plain QR/DataMatrix can carry a Digital Link URI; EAN/UPC a GTIN.
 */
const FORMS_BY_SYMBOLOGY_ID: ReadonlyMap<string, ReadonlySet<ScannedCodeForm>> = new Map([
  ["]d2", ELEMENT_STRING_ONLY],
  ["]Q3", ELEMENT_STRING_ONLY],
  ["]C1", ELEMENT_STRING_ONLY],
  ["]e0", ELEMENT_STRING_ONLY],
  ["]J1", ELEMENT_STRING_ONLY],
  ["]d1", DIGITAL_LINK_ONLY],
  ["]Q1", DIGITAL_LINK_ONLY],
  ["]E0", BARE_GTIN_ONLY],
  ["]E4", BARE_GTIN_ONLY],
]);
const SYMBOLOGY_ID = /^\][A-Za-z][0-9A-Za-z]/;

/**
 * What keyboard-wedge scanners send when they cannot type the GS control character. Only used
 * when no real GS is present, because "<GS>" is also a legal (if absurd) batch number.
 */
const GROUP_SEPARATOR_SUBSTITUTES = /\u241d|<GS>|\{GS\}|\[GS\]/gi;

function withRealGroupSeparators(text: string): string {
  return text.includes(GROUP_SEPARATOR) ? text : text.replace(GROUP_SEPARATOR_SUBSTITUTES, GROUP_SEPARATOR);
}

/** Digits, optionally spaced as printed under a barcode, too short to hold AI 01 plus a GTIN. */
function looksLikeBareGtin(text: string): boolean {
  return /^\d[\d ]*$/.test(text) && text.replace(/ /g, "").length < 16;
}

function detectForm(text: string): ScannedCodeForm | null {
  if (/^[A-Za-z]/.test(text)) return /^https?:\/\//i.test(text) ? "digital-link" : null;
  if (text.startsWith("(")) return "bracketed";
  if (looksLikeBareGtin(text)) return "bare-gtin";
  const elementString = withRealGroupSeparators(text);
  if (elementString.startsWith(GROUP_SEPARATOR) || /^\d/.test(elementString)) return "element-string";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Parsers, one per form
// ---------------------------------------------------------------------------------------------

function parseBareGtin(text: string): ScannedCode {
  return {
    gtin: normaliseGtin(text.replace(/ /g, "")),
    lot: null,
    serial: null,
    expiry: null,
    productionDate: null,
    signature: null,
    form: "bare-gtin",
  };
}

/** Reads the AI starting at `position`; GS1 AIs are prefix-free, so the first match is the one. */
function readAi(text: string, position: number): string {
  for (const length of [2, 3, 4]) {
    const candidate = text.slice(position, position + length);
    if (AI_TABLE.has(candidate)) return candidate;
  }
  const prefix = text.slice(position, position + 2);
  if (!/^\d\d$/.test(prefix)) {
    fail("unrecognised", "The code could not be read: part of it is not a GS1 data field.");
  }
  const unknownAi = /^\d+/.exec(text.slice(position, position + aiLengthForPrefix(prefix)))?.[0] ?? prefix;
  return fail("unknown_ai", unknownAiMessage(unknownAi), unknownAi);
}

function parseElementString(text: string, now: Date): ScannedCode {
  const fields = new FieldCollector(now);
  let position = 0;
  while (position < text.length) {
    // A leading GS (FNC1), a GS after a fixed-length field or a doubled GS carry no data.
    if (text[position] === GROUP_SEPARATOR) {
      position += 1;
      continue;
    }
    const ai = readAi(text, position);
    position += ai.length;
    const nextSeparator = text.indexOf(GROUP_SEPARATOR, position);
    const fieldEnd = nextSeparator === -1 ? text.length : nextSeparator;
    // Predefined-length fields end by count; all others run to the next GS or the end.
    const valueEnd = hasPredefinedLength(ai)
      ? Math.min(position + lengthRange(entryFor(ai)).max, fieldEnd)
      : fieldEnd;
    fields.accept(ai, text.slice(position, valueEnd));
    position = valueEnd;
  }
  return fields.toScannedCode("element-string");
}

/** "(NN)" with 2 to 4 digits starts a field; other brackets are data (both are in the AI-82 set). */
const BRACKETED_AI = /\((\d{2,4})\)/g;

function parseBracketed(text: string, now: Date): ScannedCode {
  const markers = [...text.matchAll(BRACKETED_AI)];
  if (markers[0]?.index !== 0) fail("unrecognised", MESSAGE_UNRECOGNISED);
  const fields = new FieldCollector(now);
  markers.forEach((marker, index) => {
    const ai = marker[1] ?? "";
    const valueStart = marker.index + marker[0].length;
    const valueEnd = markers[index + 1]?.index ?? text.length;
    // Spaces between groups are for readability only; no GS1 value may contain a space.
    fields.accept(ai, text.slice(valueStart, valueEnd).trim());
  });
  return fields.toScannedCode("bracketed");
}

const URI_PARTS = /^(https?):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i;
const URI_AUTHORITY = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
/**
 * The GTIN's Digital Link qualifiers, from the dictionary (01's dlpkey=22,10,21|235): alternative
 * sequences, each in its required order; a path uses one of them.
 */
const GTIN_QUALIFIERS: readonly (readonly string[])[] = entryFor("01").dlpkey ?? [];

function decodePercentOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function decodeUriValue(raw: string, ai: string): string {
  return (
    decodePercentOrNull(raw) ??
    fail("bad_characters", `The ${labelOf(ai)} in the web address has a broken %-escape.`, ai)
  );
}

/**
 * Index of the /01/ segment. Parsing from the right (as GS1 Digital Link does) lets any path prefix
 * come first; the pairs after /01/ make the remaining count even, which skips a lot or serial "01".
 */
function findGtinSegment(segments: readonly string[]): number {
  for (let index = segments.length - 2; index >= 0; index -= 1) {
    if (segments[index] === "01" && (segments.length - index) % 2 === 0) return index;
  }
  if (segments.includes("01")) {
    fail(
      "unrecognised",
      "The web address has a product number (GTIN), but the rest of its path does not follow the GS1 layout.",
    );
  }
  return fail(
    "missing_gtin",
    "The web address has no product number (GTIN); GS1 web addresses carry it after /01/.",
  );
}

function notAPathQualifier(key: string): never {
  if (AI_TABLE.has(key)) {
    fail(
      "bad_order",
      `The ${labelWithAi(key)} cannot be part of the web address path; it belongs after the "?".`,
      key,
    );
  }
  if (/^\d{2,4}$/.test(key)) fail("unknown_ai", unknownAiMessage(key), key);
  return fail(
    "unrecognised",
    "The web address path does not follow the GS1 layout after the product number (GTIN).",
  );
}

/** Reads the path's qualifiers after /01/<gtin>: one of the GTIN's qualifier sequences, in its order. */
function acceptPathQualifiers(segments: readonly string[], fields: FieldCollector): void {
  let sequence: readonly string[] | null = null;
  let previousKey = "01";
  let previousRank = -1;
  for (let index = 0; index < segments.length; index += 2) {
    const key = segments[index] ?? "";
    sequence ??= GTIN_QUALIFIERS.find((candidate) => candidate.includes(key)) ?? notAPathQualifier(key);
    const rank = sequence.indexOf(key);
    if (rank === -1) {
      if (!GTIN_QUALIFIERS.some((candidate) => candidate.includes(key))) notAPathQualifier(key);
      fail(
        "bad_order",
        `In the web address, the ${labelOf(key)} (/${key}/) cannot follow the ${labelOf(previousKey)} (/${previousKey}/).`,
        key,
      );
    }
    if (key === previousKey) {
      fail("duplicate_ai", `The web address path gives the ${labelOf(key)} twice.`, key);
    }
    if (rank < previousRank) {
      fail(
        "bad_order",
        `In the web address, the ${labelOf(key)} (/${key}/) must come before the ` +
          `${labelOf(previousKey)} (/${previousKey}/).`,
        key,
      );
    }
    fields.accept(key, decodeUriValue(segments[index + 1] ?? "", key));
    previousKey = key;
    previousRank = rank;
  }
}

/**
 * Reads the query string: an AI is checked by its format and, unless MedProof uses it, ignored; a
 * primary key (the GTIN again, an SSCC, ...) is not allowed there, nor a number that is no AI. Other
 * parameters (utm_source, linkType, anything a marketer adds) are not GS1's and are ignored, whatever
 * their length: the whole text is already within MAX_SCAN_LENGTH.
 */
function acceptQuery(query: string, fields: FieldCollector): void {
  for (const pair of query.split("&")) {
    const equalsAt = pair.indexOf("=");
    const key = decodePercentOrNull(equalsAt === -1 ? pair : pair.slice(0, equalsAt));
    if (key === null || !/^\d+$/.test(key)) continue;
    const entry = entryFor(key);
    if (entry.dlpkey !== null) {
      fail(
        "key_in_query",
        `The ${labelWithAi(key)} identifies the item in the path of a GS1 web address; ` +
          `it cannot appear again after the "?".`,
        key,
      );
    }
    fields.accept(key, decodeUriValue(equalsAt === -1 ? "" : pair.slice(equalsAt + 1), key));
  }
}

function parseDigitalLink(uri: string, now: Date): ScannedCode {
  // A URI is printable ASCII; anything else must arrive percent-encoded.
  const nonUriCharacters = [...new Set([...uri].filter((character) => !/^[\x21-\x7e]$/.test(character)))];
  if (nonUriCharacters.length > 0) {
    fail(
      "bad_characters",
      `The web address contains characters that cannot appear in a web address: ${describeCharacters(nonUriCharacters)}.`,
    );
  }
  const parts = URI_PARTS.exec(uri);
  if (parts === null || !URI_AUTHORITY.test(parts[2] ?? "")) {
    return fail("unrecognised", MESSAGE_UNRECOGNISED);
  }
  const path = parts[3] ?? "";
  const query = parts[4] ?? "";

  const segments = path.split("/").slice(1);
  // A trailing slash names the same resource (GS1-conformant resolvers must accept it).
  if (segments.at(-1) === "") segments.pop();
  const gtinIndex = findGtinSegment(segments);

  const fields = new FieldCollector(now);
  fields.accept("01", normaliseGtin(decodeUriValue(segments[gtinIndex + 1] ?? "", "01")));
  acceptPathQualifiers(segments.slice(gtinIndex + 2), fields);
  acceptQuery(query, fields);
  return fields.toScannedCode("digital-link");
}

function parseOrThrow(input: unknown, now: Date): ScannedCode {
  if (typeof input !== "string") return fail("unrecognised", MESSAGE_UNRECOGNISED);
  // Before any other work, so that a huge paste costs nothing.
  if (input.length > MAX_SCAN_LENGTH) {
    fail(
      "too_long",
      `The scanned text is too long to be a product code (over ${MAX_SCAN_LENGTH} characters).`,
    );
  }
  // Trimming also drops the Enter that keyboard-wedge scanners send; GS (U+001D) is not whitespace.
  let text = input.trim();
  if (text === "") fail("empty", "Nothing was scanned: the code is empty.");

  let allowedForms: ReadonlySet<ScannedCodeForm> | null = null;
  const symbologyId = SYMBOLOGY_ID.exec(text)?.[0];
  if (symbologyId !== undefined) {
    allowedForms =
      FORMS_BY_SYMBOLOGY_ID.get(symbologyId) ??
      fail("unrecognised", "The scanner reported a kind of barcode that MedProof does not read.");
    text = text.slice(symbologyId.length);
    if (text === "") fail("empty", "Nothing was scanned: the code is empty.");
  }

  const form = detectForm(text);
  if (form === null || (allowedForms !== null && !allowedForms.has(form))) {
    return fail("unrecognised", MESSAGE_UNRECOGNISED);
  }
  switch (form) {
    case "digital-link":
      return parseDigitalLink(text, now);
    case "bracketed":
      return parseBracketed(text, now);
    case "bare-gtin":
      return parseBareGtin(text);
    case "element-string":
      return parseElementString(withRealGroupSeparators(text), now);
  }
}

/**
 * Parses anything a scanner or camera returns. Never throws: every problem comes back as a
 * Gs1Error whose message is one plain sentence, echoing at most a few safely rendered characters.
 */
export function parseScannedCode(text: string, options?: ParseOptions): ParseResult {
  try {
    return { ok: true, code: parseOrThrow(text, validNow(options?.now)) };
  } catch (error) {
    if (error instanceof Gs1Error) return { ok: false, error };
    // Defensive: a bug here must still not break the scan screen.
    return { ok: false, error: new Gs1Error("unrecognised", MESSAGE_UNRECOGNISED) };
  }
}

// ---------------------------------------------------------------------------------------------
// Writers, for labels. They throw a Gs1Error on invalid fields so no unreadable label is made.
// ---------------------------------------------------------------------------------------------

/** Validated [AI, value] pairs in label order: GTIN, fixed-length dates, then variable fields. */
function labelElements(code: Gs1Fields): Array<readonly [string, string]> {
  const elements: Array<readonly [string, string]> = [["01", normaliseGtin(code.gtin)]];
  if (code.productionDate != null)
    elements.push(["11", isoToGs1Date(code.productionDate, "production date")]);
  if (code.expiry != null) elements.push(["17", isoToGs1Date(code.expiry, "expiry date")]);
  if (code.lot != null) elements.push(["10", code.lot]);
  if (code.serial != null) elements.push(["21", code.serial]);
  if (code.signature != null) elements.push(["8030", code.signature]);
  for (const [ai, value] of elements) assertValue(ai, value);
  return elements;
}

export type FieldsResult =
  | { ok: true; fields: { gtin: string; lot: string | null; serial: string | null } }
  | { ok: false; error: Gs1Error };

/**
 * Checks identifiers given as separate fields (an API's query parameters) by the rules the label writers
 * apply: a GTIN of any retail length with its check digit, padded to 14 digits; lot and serial in GS1's
 * character set and length. Never throws.
 */
export function checkGs1Fields(code: Pick<Gs1Fields, "gtin" | "lot" | "serial">): FieldsResult {
  try {
    const elements = new Map(labelElements(code));
    return {
      ok: true,
      fields: {
        gtin: elements.get("01") ?? fail("missing_gtin", "The product number (GTIN) is missing."),
        lot: elements.get("10") ?? null,
        serial: elements.get("21") ?? null,
      },
    };
  } catch (error) {
    if (error instanceof Gs1Error) return { ok: false, error };
    return { ok: false, error: new Gs1Error("unrecognised", MESSAGE_UNRECOGNISED) };
  }
}

/** Percent-encodes a path segment; "." and ".." are encoded too so no URL resolver collapses them. */
function encodePathSegment(value: string): string {
  return value === "." || value === ".." ? value.replace(/\./g, "%2E") : encodeURIComponent(value);
}

/** Canonical GS1 Digital Link: base/01/<gtin14>/10/<lot>/21/<serial>?11=..&17=..&8030=.. */
export function toDigitalLink(code: Gs1Fields, base: string = DEFAULT_DIGITAL_LINK_BASE): string {
  const elements = new Map(labelElements(code));
  let path = "";
  for (const ai of ["01", "10", "21"]) {
    const value = elements.get(ai);
    if (value !== undefined) path += `/${ai}/${encodePathSegment(value)}`;
  }
  const query = ["11", "17", "8030"]
    .filter((ai) => elements.has(ai))
    .map((ai) => `${ai}=${encodeURIComponent(elements.get(ai) ?? "")}`);
  return `${base.replace(/\/+$/, "")}${path}${query.length > 0 ? `?${query.join("&")}` : ""}`;
}

/**
 * GS1 element string as a GS1 DataMatrix carries it: a GS (FNC1) ends every variable-length
 * field except the last. With `symbologyId`, prefixed with ']d2' as a scanner would report it.
 */
export function toElementString(code: Gs1Fields, options: { symbologyId?: boolean } = {}): string {
  const elements = labelElements(code);
  let text = options.symbologyId === true ? "]d2" : "";
  elements.forEach(([ai, value], index) => {
    const isLast = index === elements.length - 1;
    text += `${ai}${value}${hasPredefinedLength(ai) || isLast ? "" : GROUP_SEPARATOR}`;
  });
  return text;
}

/** Human-readable form printed under a barcode, e.g. '(01)09521234500018(17)260314(10)240315A'. */
export function toBracketed(code: Gs1Fields): string {
  return labelElements(code)
    .map(([ai, value]) => `(${ai})${value}`)
    .join("");
}

/** One spelling for every way of writing the same code (its Digital Link on the default base), or null. */
export function canonicalCode(text: string): string | null {
  const parsed = parseScannedCode(text);
  return parsed.ok ? toDigitalLink(parsed.code) : null;
}
