// GS1 as scanners really send it: every AI in GS1's Barcode Syntax Dictionary is read, held to its
// format and linters, and ignored for the verdict; the Digital Link rules on query strings and trailing
// slashes. (gs1.test.ts covers the fields MedProof reads and the input forms.)
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";

import { GS1_AI_ENTRIES, type Gs1AiEntry, type Gs1Component } from "./generated/gs1-ai-table";
import {
  MAX_SCAN_LENGTH,
  gtinCheckDigit,
  parseScannedCode,
  type Gs1ErrorCode,
  type ScannedCode,
} from "./gs1";
import { gs1ErrorMessage } from "./gs1-messages";

const GS = "\u001d";
const NOW = new Date("2025-06-15T12:00:00Z");
const GTIN = "09521234500018";
const BASE = { gtin: GTIN, lot: "L1", serial: null, expiry: null, productionDate: null, signature: null };

const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
const SETS = {
  N: "0123456789",
  X: CSET82,
  Y: "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  Z: "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz",
};
/** The fields a ScannedCode carries: a valid value there is not "ignored", it is read. */
const READ_BY_MEDPROOF = new Set(["01", "10", "11", "17", "21", "8030"]);

/** Every AI of the dictionary with its entry, ranges expanded. */
const ALL_AIS: Array<[string, Gs1AiEntry]> = GS1_AI_ENTRIES.flatMap((entry) =>
  Array.from({ length: Number(entry.last) - Number(entry.ai) + 1 }, (_, i): [string, Gs1AiEntry] => [
    String(Number(entry.ai) + i).padStart(entry.ai.length, "0"),
    entry,
  ]),
);
const IGNORED_AIS = ALL_AIS.filter(([ai]) => !READ_BY_MEDPROOF.has(ai));

/** Values a linter accepts, one per linter whose content is not just "any characters of the set". */
const FIXED_VALUES: Partial<Record<string, string>> = {
  yymmd0: "250600",
  yymmdd: "250615",
  yyyymmdd: "20250615",
  hh: "23",
  mi: "59",
  ss: "00",
  hhmi: "2359",
  iso3166: "156",
  iso3166999: "999",
  iso3166alpha2: "CN",
  iso4217: "156",
  iso5218: "2",
  mediatype: "80",
  iban: "GB82WEST12345698765432",
  importeridx: "A",
  yesno: "1",
  zero: "0",
  winding: "9",
  hyphen: "-",
  pieceoftotal: "0203",
  posinseqslash: "1/2",
  latitude: "1800000000",
  longitude: "0000000000",
  // GS1 General Specifications' own example of a GMN with its check characters.
  csumalpha: "1987654Ad4X4bL5ttr2310c2K",
};

/** An arbitrary valid value for one component: random characters of its set, shaped by its linters. */
function componentArbitrary(component: Gs1Component): fc.Arbitrary<string> {
  const fixed = component.linters.map((linter) => FIXED_VALUES[linter]).find((v) => v !== undefined);
  if (fixed !== undefined) return fc.constant(fixed.slice(0, component.max));
  const alphabet = component.linters.includes("pcenc") ? SETS.X.replace("%", "") : SETS[component.set];
  return fc
    .string({ unit: fc.constantFrom(...alphabet), minLength: component.min, maxLength: component.max })
    .map((value) => {
      let shaped = value;
      // A GS1 Company Prefix starts with digits; "no zero" rules want a 1 somewhere first.
      if (component.linters.some((l) => l === "gcppos1" || l === "nonzero" || l === "nozeroprefix"))
        shaped = `1${"95"}${shaped}`.slice(0, Math.max(component.max, 1));
      if (component.linters.includes("gcppos2")) shaped = `0${"95"}${shaped}`.slice(0, component.max);
      if (component.linters.includes("csum")) {
        const body = shaped.slice(0, component.max - 1);
        shaped = `${body}${gtinCheckDigit(body)}`;
      }
      return shaped.length < component.min ? shaped.padEnd(component.min, "1") : shaped;
    });
}

function valueArbitrary(entry: Gs1AiEntry): fc.Arbitrary<string> {
  return fc.tuple(...entry.components.map(componentArbitrary)).map((parts) => parts.join(""));
}

const aiWithValue = fc
  .constantFrom(...IGNORED_AIS)
  .chain(([ai, entry]) => valueArbitrary(entry).map((value) => ({ ai, value })));

function parsed(text: string): ScannedCode {
  const result = parseScannedCode(text, { now: NOW });
  if (!result.ok) assert.fail(`${JSON.stringify(text)}: ${result.error.code}: ${result.error.message}`);
  return result.code;
}

function refusal(text: string): { code: Gs1ErrorCode; ai: string | null } {
  const result = parseScannedCode(text, { now: NOW });
  if (result.ok) assert.fail(`expected ${JSON.stringify(text)} to be refused`);
  // Every refusal has its sentence in both languages.
  assert.ok(gs1ErrorMessage(result.error, "zh-CN").length > 0);
  return { code: result.error.code, ai: result.error.ai };
}

const withoutForm = ({ form: _form, ...code }: ScannedCode) => code;

describe("every AI in GS1's Barcode Syntax Dictionary", () => {
  it(`knows all ${ALL_AIS.length} AIs of the dictionary, ranges included`, () => {
    assert.ok(ALL_AIS.length > 500);
    assert.ok(ALL_AIS.some(([ai]) => ai === "3103"));
    assert.ok(ALL_AIS.some(([ai]) => ai === "7011"));
  });

  it("reads any AI with a valid value in an element string, bracketed or in a Digital Link, and ignores it", () => {
    fc.assert(
      fc.property(aiWithValue, ({ ai, value }) => {
        assert.deepEqual(withoutForm(parsed(`01${GTIN}10L1${GS}${ai}${value}`)), BASE);
        assert.deepEqual(withoutForm(parsed(`]d2${GS}${ai}${value}${GS}01${GTIN}10L1`)), BASE);
        if (!value.includes("("))
          assert.deepEqual(withoutForm(parsed(`(01)${GTIN}(10)L1(${ai})${value}`)), BASE);
        const isKey = GS1_AI_ENTRIES.some((e) => e.dlpkey !== null && e.ai <= ai && ai <= e.last);
        if (!isKey) {
          const link = `https://id.example/01/${GTIN}/10/L1?${ai}=${encodeURIComponent(value)}`;
          assert.deepEqual(withoutForm(parsed(link)), BASE);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("accepts every AI of the dictionary at least once (each entry's own valid value)", () => {
    for (const [ai, entry] of IGNORED_AIS) {
      const [value] = fc.sample(valueArbitrary(entry), { numRuns: 1, seed: 1 });
      assert.deepEqual(withoutForm(parsed(`01${GTIN}10L1${GS}${ai}${value ?? ""}`)), BASE, ai);
    }
  });

  it("refuses a wrong check digit in any check-digit field, naming the AI", () => {
    const checked = IGNORED_AIS.filter(([, entry]) => entry.components[0]?.linters.includes("csum"));
    fc.assert(
      fc.property(
        fc
          .constantFrom(...checked)
          .chain(([ai, entry]) =>
            fc.tuple(fc.constant(ai), valueArbitrary(entry), fc.integer({ min: 1, max: 9 })),
          ),
        ([ai, value, shift]) => {
          const length = GS1_AI_ENTRIES.find((e) => e.ai <= ai && ai <= e.last)?.components[0]?.max ?? 0;
          const wrong = String((Number(value[length - 1]) + shift) % 10);
          const corrupted = value.slice(0, length - 1) + wrong + value.slice(length);
          assert.deepEqual(refusal(`01${GTIN}${GS}${ai}${corrupted}`), { code: "bad_check_digit", ai });
        },
      ),
    );
  });

  it("refuses characters outside a field's set: letters in N, a space in X, lower case in Y, '+' in Z", () => {
    assert.deepEqual(refusal(`01${GTIN}310300A123`), { code: "bad_characters", ai: "3103" });
    assert.deepEqual(refusal(`(01)${GTIN}(240)AB CD`), { code: "bad_characters", ai: "240" });
    assert.deepEqual(refusal(`(01)${GTIN}(8010)95abc`), { code: "bad_characters", ai: "8010" });
    assert.deepEqual(refusal(`(01)${GTIN}(10)L1(21)S1(8030)ab+c`), { code: "bad_characters", ai: "8030" });
    assert.deepEqual(refusal(`(01)${GTIN}(421)15A100000`), { code: "bad_characters", ai: "421" });
  });

  it("refuses a wrong length: short or long fixed fields, overlong variable ones, a missing component", () => {
    assert.deepEqual(refusal(`(01)${GTIN}(3103)00012`), { code: "bad_length", ai: "3103" });
    assert.deepEqual(refusal(`(01)${GTIN}(7001)12345678901234`), { code: "bad_length", ai: "7001" });
    assert.deepEqual(refusal(`(01)${GTIN}(240)${"A".repeat(31)}`), { code: "bad_length", ai: "240" });
    assert.deepEqual(refusal(`(01)${GTIN}(7003)250615`), { code: "bad_length", ai: "7003" });
    assert.deepEqual(refusal(`01${GTIN}3103`), { code: "bad_length", ai: "3103" });
    // Optional components may be left out: a harvest date with or without its end date.
    assert.equal(parsed(`(01)${GTIN}(7007)250601`).gtin, GTIN);
    assert.equal(parsed(`(01)${GTIN}(7007)250601250615`).gtin, GTIN);
  });

  it("applies the dictionary's date, time and code-list linters", () => {
    assert.equal(parsed(`(01)${GTIN}(15)250600`).gtin, GTIN, "yymmd0 allows day 00");
    assert.deepEqual(refusal(`(01)${GTIN}(4326)250600`), { code: "bad_date", ai: "4326" });
    assert.deepEqual(refusal(`(01)${GTIN}(15)250230`), { code: "bad_date", ai: "15" });
    assert.deepEqual(refusal(`(01)${GTIN}(7003)2506152460`), { code: "bad_date", ai: "7003" });
    assert.deepEqual(refusal(`(01)${GTIN}(7250)20250229`), { code: "bad_date", ai: "7250" });
    assert.deepEqual(refusal(`(01)${GTIN}(422)999`), { code: "bad_value", ai: "422" });
    assert.equal(parsed(`(01)${GTIN}(7030)999ABC`).gtin, GTIN, "iso3166999 takes 999");
    assert.deepEqual(refusal(`(00)106141411234567897(4307)XX`), { code: "bad_value", ai: "4307" });
    assert.deepEqual(refusal(`(01)${GTIN}(3910)000123`), { code: "bad_value", ai: "3910" });
    assert.deepEqual(refusal(`(01)${GTIN}(4321)2`), { code: "bad_value", ai: "4321" });
    assert.deepEqual(refusal(`(8013)1987654Ad4X4bL5ttr2310c2L`), { code: "bad_check_digit", ai: "8013" });
    assert.deepEqual(refusal(`(01)${GTIN}(8007)GB83WEST12345698765432`), {
      code: "bad_check_digit",
      ai: "8007",
    });
    assert.deepEqual(refusal(`(01)${GTIN}(4300)100%`), { code: "bad_value", ai: "4300" });
  });

  it("still refuses an AI that is not in the dictionary with unknown_ai", () => {
    assert.deepEqual(refusal(`01${GTIN}3106000123`), { code: "unknown_ai", ai: "3106" });
    assert.deepEqual(refusal(`(01)${GTIN}(7099)X`), { code: "unknown_ai", ai: "7099" });
  });
});

describe("Digital Link rules", () => {
  const LINK = `https://id.example/01/${GTIN}/10/L1/21/S1`;

  it("refuses a primary key repeated in the query string, or another key there", () => {
    assert.deepEqual(refusal(`${LINK}?01=${GTIN}`), { code: "key_in_query", ai: "01" });
    assert.deepEqual(refusal(`${LINK}?17=260314&01=${GTIN}`), { code: "key_in_query", ai: "01" });
    assert.deepEqual(refusal(`${LINK}?00=106141411234567897`), { code: "key_in_query", ai: "00" });
    assert.deepEqual(refusal(`${LINK}?8004=9521ASSET`), { code: "key_in_query", ai: "8004" });
  });

  it("refuses a numeric query key that is not an AI, and checks the value of one that is", () => {
    assert.deepEqual(refusal(`${LINK}?12345=x`), { code: "unknown_ai", ai: "12345" });
    assert.deepEqual(refusal(`${LINK}?3106=000123`), { code: "unknown_ai", ai: "3106" });
    assert.deepEqual(refusal(`${LINK}?3103=12`), { code: "bad_length", ai: "3103" });
    assert.equal(parsed(`${LINK}?3103=000195&15=260300`).serial, "S1");
  });

  it("reads a trailing slash as the same URI", () => {
    const expected = parsed(`${LINK}?17=260314`);
    assert.deepEqual(parsed(`${LINK}/?17=260314`), expected);
    assert.deepEqual(parsed(`https://id.example/01/${GTIN}/`), parsed(`https://id.example/01/${GTIN}`));
  });

  it("ignores non-GS1 query parameters whatever their length, within the QR code limit", () => {
    const campaign = "x".repeat(2500);
    const code = parsed(`${LINK}?utm_source=box&utm_campaign=${campaign}&17=260314&linkType=all`);
    assert.equal(code.expiry, "2026-03-14");
    const limit = `${LINK}?utm_campaign=`;
    assert.equal(parsed(limit + "y".repeat(MAX_SCAN_LENGTH - limit.length)).serial, "S1");
    assert.equal(refusal(limit + "y".repeat(MAX_SCAN_LENGTH - limit.length + 1)).code, "too_long");
  });

  it("takes the GTIN's qualifiers from the dictionary: 22, 10, 21 in order, or 235 alone", () => {
    assert.equal(parsed(`https://id.example/01/${GTIN}/235/TPX-1`).gtin, GTIN);
    assert.deepEqual(refusal(`https://id.example/01/${GTIN}/22/V1/235/TPX-1`), {
      code: "bad_order",
      ai: "235",
    });
    assert.deepEqual(refusal(`https://id.example/01/${GTIN}/10/L1/10/L1`), {
      code: "duplicate_ai",
      ai: "10",
    });
  });
});
