import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";

import {
  GS1_ERROR_CODES,
  Gs1Error,
  MAX_SCAN_LENGTH,
  checkGs1Fields,
  gs1DateToIso,
  gtinCheckDigit,
  isExpired,
  isValidGtin,
  isoToGs1Date,
  parseScannedCode,
  toBracketed,
  toDigitalLink,
  toElementString,
  type Gs1ErrorCode,
  type ParseOptions,
  type ScannedCode,
} from "./gs1";

const GS = "\u001d";
/** Fixed clock: two-digit years resolve within 1976..2075. */
const NOW = new Date("2025-06-15T12:00:00Z");

const DEMO_GTIN = "09521234500018";
const DEMO_GTIN_13 = "9521234500018";

function parse(text: string, options: ParseOptions = { now: NOW }): ScannedCode {
  const result = parseScannedCode(text, options);
  if (!result.ok)
    assert.fail(
      `expected ${JSON.stringify(text)} to parse, got ${result.error.code}: ${result.error.message}`,
    );
  return result.code;
}

function parseError(text: string, options: ParseOptions = { now: NOW }): Gs1Error {
  const result = parseScannedCode(text, options);
  if (result.ok)
    assert.fail(`expected ${JSON.stringify(text)} to be rejected, got ${JSON.stringify(result.code)}`);
  return result.error;
}

function assertRejected(text: string, code: Gs1ErrorCode, messagePart?: string | RegExp): Gs1Error {
  const error = parseError(text);
  assert.equal(error.code, code, `code for ${JSON.stringify(text)} (message: ${error.message})`);
  if (typeof messagePart === "string") assert.ok(error.message.includes(messagePart), error.message);
  if (messagePart instanceof RegExp) assert.match(error.message, messagePart);
  return error;
}

/** What every error message must satisfy, whatever the input. */
function assertSafeMessage(error: Gs1Error): void {
  assert.ok(error instanceof Gs1Error);
  assert.ok((GS1_ERROR_CODES as readonly string[]).includes(error.code), error.code);
  assert.ok(error.message.length > 0);
  assert.ok(error.message.length <= 300, `message too long: ${error.message.length}`);
  // Printable text only, minus markup: no control, bidi-override, invisible or unassigned characters.
  // GS1's own data titles are not all ASCII ("NET VOLUME (m³)"), so the check is by category.
  assert.doesNotMatch(error.message, /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}<>]/u, error.message);
}

describe("GTIN check digits", () => {
  it("computes the mod-10 check digit of the demo GTINs", () => {
    assert.equal(gtinCheckDigit("0952123450001"), 8);
    assert.equal(gtinCheckDigit("0952123450002"), 5);
    assert.equal(gtinCheckDigit("0952123450003"), 2);
  });

  it("computes check digits for GTIN-8, GTIN-12 and GTIN-13 prefixes too", () => {
    assert.equal(gtinCheckDigit("9638507"), 4);
    assert.equal(gtinCheckDigit("03600029145"), 2);
    assert.equal(gtinCheckDigit("400638133393"), 1);
  });

  it("refuses to compute a check digit from non-digits", () => {
    assert.throws(() => gtinCheckDigit("09521A3450001"), Gs1Error);
    assert.throws(() => gtinCheckDigit(""), Gs1Error);
  });

  it("accepts valid GTIN-8, -12, -13 and -14 and rejects wrong digits or lengths", () => {
    for (const gtin of ["96385074", "036000291452", "4006381333931", DEMO_GTIN_13, DEMO_GTIN]) {
      assert.equal(isValidGtin(gtin), true, gtin);
    }
    for (const gtin of ["09521234500019", "9638507", "0952123450001800", "0952123450001a", ""]) {
      assert.equal(isValidGtin(gtin), false, gtin);
    }
  });
});

describe("bare GTIN from a retail barcode", () => {
  it("normalises GTIN-8, GTIN-12, GTIN-13 and GTIN-14 to 14 digits", () => {
    assert.equal(parse("96385074").gtin, "00000096385074");
    assert.equal(parse("036000291452").gtin, "00036000291452");
    assert.equal(parse(DEMO_GTIN_13).gtin, DEMO_GTIN);
    assert.equal(parse(DEMO_GTIN).gtin, DEMO_GTIN);
  });

  it("reports the bare-gtin form with no other fields", () => {
    assert.deepEqual(parse(DEMO_GTIN), {
      gtin: DEMO_GTIN,
      lot: null,
      serial: null,
      expiry: null,
      productionDate: null,
      signature: null,
      form: "bare-gtin",
    });
  });

  it("trims surrounding whitespace and the Enter sent by keyboard-wedge scanners", () => {
    assert.equal(parse(`  ${DEMO_GTIN}\r\n`).gtin, DEMO_GTIN);
    assert.equal(parse(`\t${DEMO_GTIN_13}\n`).gtin, DEMO_GTIN);
  });

  it("accepts a GTIN typed with the spaces printed under the barcode", () => {
    assert.equal(parse("9 521234 500018").gtin, DEMO_GTIN);
  });

  it("rejects a GTIN with a wrong check digit and names the right one", () => {
    const error = assertRejected("09521234500019", "bad_check_digit");
    assert.equal(
      error.message,
      "The product number (GTIN) 09521234500019 has a wrong check digit: the last digit should be 8.",
    );
    assertRejected("9521234500012", "bad_check_digit", "should be 8");
  });

  it("rejects digit strings that are not 8, 12, 13 or 14 digits long", () => {
    assertRejected("1234567", "bad_length", "has 7");
    assertRejected("95212345000", "bad_length", "has 11");
    assertRejected("095212345000180", "bad_length", "has 15");
  });

  it("accepts the EAN symbology identifiers ]E0 and ]E4", () => {
    assert.equal(parse(`]E0${DEMO_GTIN_13}`).form, "bare-gtin");
    assert.equal(parse("]E496385074").gtin, "00000096385074");
  });
});

describe("GS1 element string (DataMatrix, QR, GS1-128, DataBar)", () => {
  const demoElementString = `01${DEMO_GTIN}17260314` + `10240315A${GS}21000123`;
  const expectedDemo = {
    gtin: DEMO_GTIN,
    lot: "240315A",
    serial: "000123",
    expiry: "2026-03-14",
    productionDate: null,
    signature: null,
    form: "element-string",
  };

  it("reads GTIN, expiry, lot and serial with a GS after the variable-length lot", () => {
    assert.deepEqual(parse(demoElementString), expectedDemo);
  });

  for (const symbologyId of ["]d2", "]Q3", "]C1", "]e0", "]J1"]) {
    it(`accepts the ${symbologyId} symbology identifier, with or without a leading GS`, () => {
      assert.deepEqual(parse(`${symbologyId}${demoElementString}`), expectedDemo);
      assert.deepEqual(parse(`${symbologyId}${GS}${demoElementString}`), expectedDemo);
    });
  }

  it("accepts a leading GS without a symbology identifier", () => {
    assert.deepEqual(parse(`${GS}${demoElementString}`), expectedDemo);
  });

  it("accepts a DataBar-style string carrying only the GTIN", () => {
    assert.equal(parse(`]e001${DEMO_GTIN}`).gtin, DEMO_GTIN);
    assert.equal(parse(`01${DEMO_GTIN}`).form, "element-string");
  });

  for (const substitute of ["<GS>", "{GS}", "[GS]", "\u241d", "<gs>"]) {
    it(`accepts ${JSON.stringify(substitute)} typed by scanners that cannot send GS`, () => {
      assert.deepEqual(parse(demoElementString.replace(GS, substitute)), expectedDemo);
      assert.deepEqual(parse(`${substitute}${demoElementString.replace(GS, substitute)}`), expectedDemo);
    });
  }

  it("tolerates a GS after a fixed-length field, a doubled GS and a trailing GS", () => {
    assert.deepEqual(parse(`01${DEMO_GTIN}${GS}17260314${GS}${GS}10240315A${GS}21000123${GS}`), expectedDemo);
  });

  it("reads a variable-length field that ends the string without a GS", () => {
    assert.equal(parse(`01${DEMO_GTIN}10ABC-123`).lot, "ABC-123");
  });

  it("reads the production date and the digital signature", () => {
    const signature = "MEUCIQD-abc_XYZ09=";
    const code = parse(`01${DEMO_GTIN}11240300172603141024031${GS}8030${signature}`);
    assert.equal(code.productionDate, "2024-03-31");
    assert.equal(code.signature, signature);
    assert.equal(code.lot, "24031");
  });

  it("accepts and ignores other common AIs (00, 02, 15, 20, 22, 240, 241, 30, 37, 90-99)", () => {
    const text =
      `01${DEMO_GTIN}15261231200710A1${GS}22CPV-1${GS}240ADD${GS}241PART${GS}3012${GS}37` +
      `5${GS}90INT${GS}91company-data${GS}99x`;
    const code = parse(text);
    assert.equal(code.lot, "A1");
    assert.equal(code.expiry, null);
    assert.equal(parse(`00106141411234567897${GS}01${DEMO_GTIN}`).gtin, DEMO_GTIN);
    assert.equal(parse(`01${DEMO_GTIN}02${DEMO_GTIN}`).gtin, DEMO_GTIN);
  });

  it("rejects an AI that is not in GS1's dictionary and names it", () => {
    assertRejected(`01${DEMO_GTIN}3106000123`, "unknown_ai", "Application Identifier 3106");
    assertRejected(`01${DEMO_GTIN}23123`, "unknown_ai", "Application Identifier 231");
    assert.equal(parseError(`01${DEMO_GTIN}7003123`).ai, "7003");
  });

  it("rejects data where an AI should start", () => {
    assertRejected(`01${DEMO_GTIN}X1`, "unrecognised");
  });

  it("rejects a GTIN with a wrong check digit and names the right one", () => {
    assertRejected(`]d201095212345000191726031410A`, "bad_check_digit", "the last digit should be 8");
  });

  it("rejects a 13-digit GTIN under AI 01, which must be 14 digits", () => {
    assertRejected(`01${DEMO_GTIN_13}${GS}10A`, "bad_length", "must be 14 digits long, but is 13");
    assertRejected(`01${DEMO_GTIN_13}`, "bad_length");
  });

  it("rejects letters inside the GTIN", () => {
    assertRejected("010952123450001X", "bad_characters", 'may contain only digits, but contains: "X"');
  });

  it("accepts a 20-character lot and rejects a 21-character one", () => {
    assert.equal(parse(`01${DEMO_GTIN}10${"A".repeat(20)}`).lot, "A".repeat(20));
    assertRejected(`01${DEMO_GTIN}10${"A".repeat(21)}`, "bad_length", "is 21 characters long; at most 20");
    assertRejected(`01${DEMO_GTIN}21${"9".repeat(21)}`, "bad_length", "serial number");
  });

  it("rejects an empty lot", () => {
    assertRejected(`01${DEMO_GTIN}10${GS}21123`, "bad_length", "The batch/lot number is empty.");
  });

  it("rejects a lot with a space and names the field", () => {
    assertRejected(
      `]d2${GS}0109521234500018172603141024031 5A${GS}21000123`,
      "bad_characters",
      "The batch/lot number contains characters not allowed on a GS1 code: space.",
    );
  });

  it("shows control and invisible characters in a lot as code points", () => {
    assertRejected(`01${DEMO_GTIN}10AB\u0001\u202eC`, "bad_characters", "U+0001, U+202E");
    assertRejected(`01${DEMO_GTIN}10A#$@`, "bad_characters", '"#", "$", "@"');
  });

  it("lists at most five offending characters", () => {
    const error = assertRejected(`01${DEMO_GTIN}10#$@[]{}`, "bad_characters", "and others");
    assert.ok(!error.message.includes('"{"'));
  });

  it("rejects a digital signature with characters outside the base64url set", () => {
    assertRejected(`01${DEMO_GTIN}8030abc+def`, "bad_characters", "digital signature");
    assertRejected(`01${DEMO_GTIN}8030ab=cd`, "bad_characters", '"="');
    assertRejected(`01${DEMO_GTIN}8030${"a".repeat(91)}`, "bad_length", "at most 90");
  });

  it("tolerates a repeated AI with the same value and rejects one with different values", () => {
    assert.equal(parse(`01${DEMO_GTIN}10A${GS}10A`).lot, "A");
    assertRejected(`01${DEMO_GTIN}10A${GS}10B`, "duplicate_ai", "batch/lot number twice");
    assertRejected(`01${DEMO_GTIN}1726031417260315`, "duplicate_ai", "expiry date");
  });

  it("rejects an element string without a GTIN", () => {
    assertRejected("17260314" + "10ABC", "missing_gtin");
    assertRejected(`]d2${GS}`, "missing_gtin");
  });

  it("rejects a symbology identifier that cannot carry this form", () => {
    assertRejected(`]d2https://example.com/01/${DEMO_GTIN}`, "unrecognised");
    assertRejected(`]E0${demoElementString}`, "unrecognised");
    assertRejected(`]X9${demoElementString}`, "unrecognised");
  });
});

describe("bracketed human-readable form", () => {
  it("reads the form printed under a barcode", () => {
    assert.deepEqual(parse("(01)09521234500018(17)260314(10)240315A(21)000123"), {
      gtin: DEMO_GTIN,
      lot: "240315A",
      serial: "000123",
      expiry: "2026-03-14",
      productionDate: null,
      signature: null,
      form: "bracketed",
    });
  });

  it("tolerates spaces between groups", () => {
    const code = parse(" (01) 09521234500018  (17) 260314 (10) 240315A ");
    assert.equal(code.lot, "240315A");
    assert.equal(code.expiry, "2026-03-14");
  });

  it("keeps brackets that do not hold an AI as part of the value", () => {
    assert.equal(parse("(01)09521234500018(10)A(B)").lot, "A(B)");
  });

  it("rejects text before the first AI", () => {
    assertRejected("GTIN (01)09521234500018", "unrecognised");
    assertRejected("x(01)09521234500018", "unrecognised");
  });

  it("rejects an unknown AI, an empty value and a wrong check digit", () => {
    assertRejected("(01)09521234500018(3106)000123", "unknown_ai", "3106");
    assertRejected("(01)09521234500018(10)(21)5", "bad_length", "batch/lot number is empty");
    assertRejected("(01)09521234500017", "bad_check_digit", "should be 8");
    assertRejected("(01)9521234500018", "bad_length", "must be 14 digits");
  });

  it("rejects a bracketed string without a GTIN", () => {
    assertRejected("(10)ABC(17)260314", "missing_gtin");
  });
});

describe("GS1 Digital Link URI", () => {
  it("reads GTIN, lot and serial from the path and the expiry from the query", () => {
    assert.deepEqual(parse("https://example.com/01/09521234500018/10/240315A/21/000123?17=260314"), {
      gtin: DEMO_GTIN,
      lot: "240315A",
      serial: "000123",
      expiry: "2026-03-14",
      productionDate: null,
      signature: null,
      form: "digital-link",
    });
  });

  it("accepts any domain and path prefix, and pads a GTIN-13 in the path", () => {
    const code = parse("https://id.x.cn/some/prefix/01/9521234500018/10/A%2F1");
    assert.equal(code.gtin, DEMO_GTIN);
    assert.equal(code.lot, "A/1");
  });

  it("accepts GTIN-8 and GTIN-12 in the path", () => {
    assert.equal(parse("https://example.com/01/96385074").gtin, "00000096385074");
    assert.equal(parse("https://example.com/01/036000291452").gtin, "00036000291452");
  });

  it("treats scheme and host case-insensitively and accepts http, ports and IP hosts", () => {
    assert.equal(parse(`HTTP://EXAMPLE.COM/01/${DEMO_GTIN}`).gtin, DEMO_GTIN);
    assert.equal(parse(`HtTpS://Example.Com:8443/01/${DEMO_GTIN}`).gtin, DEMO_GTIN);
    assert.equal(parse(`http://127.0.0.1:3000/01/${DEMO_GTIN}`).gtin, DEMO_GTIN);
    assert.equal(parse(`http://[::1]:3000/01/${DEMO_GTIN}`).gtin, DEMO_GTIN);
  });

  it("accepts a trailing slash and ignores the fragment", () => {
    assert.equal(parse(`https://example.com/01/${DEMO_GTIN}/10/L1/`).lot, "L1");
    assert.equal(parse(`https://example.com/01/${DEMO_GTIN}/10/L1?17=260314#top`).expiry, "2026-03-14");
    assert.equal(parse(`https://example.com/01/${DEMO_GTIN}/10/L1#/21/X`).serial, null);
  });

  it("percent-decodes path and query values", () => {
    const code = parse(`https://example.com/01/${DEMO_GTIN}/10/A%2F1%25/21/%3C1%3E?8030=abc%3D`);
    assert.equal(code.lot, "A/1%");
    assert.equal(code.serial, "<1>");
    assert.equal(code.signature, "abc=");
  });

  it("ignores unknown query parameters and GS1 short names", () => {
    const code = parse(
      `https://example.com/01/${DEMO_GTIN}/10/L1?utm_source=qr&17=260314&gtin=1&lot=2&exp=3&3103=000195&%ZZ=1`,
    );
    assert.equal(code.lot, "L1");
    assert.equal(code.expiry, "2026-03-14");
  });

  it("reads the production date and the signature from the query", () => {
    const code = parse(`https://example.com/01/${DEMO_GTIN}?11=240301&17=260300&8030=MEUCIQ_-x`);
    assert.equal(code.productionDate, "2024-03-01");
    assert.equal(code.expiry, "2026-03-31");
    assert.equal(code.signature, "MEUCIQ_-x");
  });

  it("ignores a /22/ consumer product variant before the lot", () => {
    const code = parse(`https://example.com/01/${DEMO_GTIN}/22/2A/10/L1/21/S1`);
    assert.equal(code.lot, "L1");
    assert.equal(code.serial, "S1");
  });

  it('does not mistake a lot or serial of "01" for the GTIN key', () => {
    const code = parse(`https://example.com/01/${DEMO_GTIN}/10/01/21/01`);
    assert.equal(code.gtin, DEMO_GTIN);
    assert.equal(code.lot, "01");
    assert.equal(code.serial, "01");
    assert.equal(parse(`https://example.com/01/01/${DEMO_GTIN}/10/01`).lot, "01");
  });

  it("rejects /21/ before /10/", () => {
    assertRejected(
      `https://example.com/01/${DEMO_GTIN}/21/000123/10/240315A`,
      "bad_order",
      "the batch/lot number (/10/) must come before the serial number (/21/)",
    );
    assertRejected(`https://example.com/01/${DEMO_GTIN}/10/L1/22/2A`, "bad_order");
  });

  it("rejects a query-only attribute such as the expiry date in the path", () => {
    assertRejected(`https://example.com/01/${DEMO_GTIN}/17/260314`, "bad_order", 'belongs after the "?"');
  });

  it("rejects an unknown AI in the path and a path that does not follow the GS1 layout", () => {
    assertRejected(`https://example.com/01/${DEMO_GTIN}/3106/000195`, "unknown_ai", "3106");
    assertRejected(`https://example.com/01/${DEMO_GTIN}/3103/000195`, "bad_order", "(AI 3103)");
    assertRejected(`https://example.com/01/${DEMO_GTIN}/products/mask`, "unrecognised");
    assertRejected(`https://example.com/01/${DEMO_GTIN}/10`, "unrecognised");
  });

  it("rejects a lot or serial given differently in the path and the query", () => {
    assertRejected(`https://example.com/01/${DEMO_GTIN}/10/L1?10=L2`, "duplicate_ai", "batch/lot number");
    assertRejected(`https://example.com/01/${DEMO_GTIN}/21/S1?21=S2`, "duplicate_ai", "serial number");
    assertRejected(`https://example.com/01/${DEMO_GTIN}?17=260314&17=260315`, "duplicate_ai", "expiry date");
  });

  it("tolerates a lot repeated with the same value, and a lot given only in the query", () => {
    assert.equal(parse(`https://example.com/01/${DEMO_GTIN}/10/L1?10=L1`).lot, "L1");
    assert.equal(parse(`https://example.com/01/${DEMO_GTIN}?10=L1&21=S1`).serial, "S1");
  });

  it("rejects a URI without /01/", () => {
    assertRejected("https://example.com/", "missing_gtin", "after /01/");
    assertRejected("https://example.com/gtin/09521234500018", "missing_gtin");
    assertRejected("https://example.com/00/106141411234567897", "missing_gtin");
  });

  it("rejects a wrong check digit, a bad GTIN length and letters in the GTIN", () => {
    assertRejected("https://example.com/01/09521234500012", "bad_check_digit", "should be 8");
    assertRejected("https://example.com/01/95212345000", "bad_length", "has 11");
    assertRejected("https://example.com/01/0952123450001A", "bad_characters");
  });

  it("rejects an overlong lot, characters outside AI-82 and a broken percent-escape", () => {
    assertRejected(`https://example.com/01/${DEMO_GTIN}/10/${"L".repeat(21)}`, "bad_length");
    assertRejected(`https://example.com/01/${DEMO_GTIN}/10/A%20B`, "bad_characters", "space");
    assertRejected(`https://example.com/01/${DEMO_GTIN}/10/A%00B`, "bad_characters", "U+0000");
    assertRejected(`https://example.com/01/${DEMO_GTIN}/10/%E2%80%AE`, "bad_characters", "U+202E");
    assertRejected(`https://example.com/01/${DEMO_GTIN}/10/A%2`, "bad_characters", "broken %-escape");
  });

  it("rejects raw spaces, control characters and non-ASCII in the URI", () => {
    assertRejected(`https://example.com/01/${DEMO_GTIN}/10/A B`, "bad_characters", "space");
    assertRejected(`https://example.com/01/${DEMO_GTIN}/10/\u202eAB`, "bad_characters", "U+202E");
    assertRejected(`https://exämple.com/01/${DEMO_GTIN}`, "bad_characters", "U+00E4");
  });

  it("rejects other schemes, a missing host and credentials in the host", () => {
    assertRejected(`ftp://example.com/01/${DEMO_GTIN}`, "unrecognised");
    assertRejected(`https:///01/${DEMO_GTIN}`, "unrecognised");
    assertRejected(`https://user@example.com/01/${DEMO_GTIN}`, "unrecognised");
    assertRejected("javascript:alert(1)", "unrecognised");
  });

  it("rejects an invalid expiry date in the query", () => {
    assertRejected(`https://example.com/01/${DEMO_GTIN}?17=261301`, "bad_date", "no month 13");
    assertRejected(`https://example.com/01/${DEMO_GTIN}?17=2603`, "bad_length");
    assertRejected(`https://example.com/01/${DEMO_GTIN}?17`, "bad_length", "expiry date is empty");
  });

  it("accepts the ]Q1 and ]d1 symbology identifiers before a URI", () => {
    assert.equal(parse(`]Q1https://example.com/01/${DEMO_GTIN}`).form, "digital-link");
    assert.equal(parse(`]d1https://example.com/01/${DEMO_GTIN}`).gtin, DEMO_GTIN);
    assertRejected(`]Q1${DEMO_GTIN}`, "unrecognised");
  });
});

describe("dates", () => {
  const expiryOf = (yymmdd: string, now: Date = NOW): string | null =>
    parse(`01${DEMO_GTIN}17${yymmdd}`, { now }).expiry;

  it("reads DD=00 as the last day of the month", () => {
    assert.equal(expiryOf("260200"), "2026-02-28");
    assert.equal(expiryOf("280200"), "2028-02-29");
    assert.equal(expiryOf("261200"), "2026-12-31");
    assert.equal(expiryOf("260400"), "2026-04-30");
  });

  it("accepts DD=00 for the production date too", () => {
    assert.equal(parse(`01${DEMO_GTIN}11240600`).productionDate, "2024-06-30");
  });

  it("accepts the leap day 2028-02-29 and rejects 2027-02-29", () => {
    assert.equal(expiryOf("280229"), "2028-02-29");
    assertRejected(`01${DEMO_GTIN}17270229`, "bad_date", "February 2027 has only 28 days");
  });

  it("applies the Gregorian century rules: 2000 is a leap year, 2100 is not", () => {
    assert.equal(expiryOf("000229"), "2000-02-29");
    const in2080 = new Date("2080-01-01T00:00:00Z");
    assert.equal(parseError(`01${DEMO_GTIN}17000229`, { now: in2080 }).code, "bad_date");
  });

  it("rejects month 00, month 13 and day 31 in a 30-day month", () => {
    assertRejected(`01${DEMO_GTIN}17260014`, "bad_date", "no month 0");
    assertRejected(`01${DEMO_GTIN}17261314`, "bad_date", "no month 13");
    assertRejected(`01${DEMO_GTIN}17260431`, "bad_date", "April 2026 has only 30 days");
  });

  it("places two-digit years up to 50 years ahead and 49 years back (GS1 sliding window)", () => {
    assert.equal(expiryOf("750101"), "2075-01-01");
    assert.equal(expiryOf("760101"), "1976-01-01");
    assert.equal(expiryOf("250101"), "2025-01-01");
    const in2080 = new Date("2080-06-01T00:00:00Z");
    assert.equal(expiryOf("300101", in2080), "2130-01-01");
    assert.equal(expiryOf("310101", in2080), "2031-01-01");
    const in1999 = new Date("1999-06-01T00:00:00Z");
    assert.equal(expiryOf("490101", in1999), "2049-01-01");
    assert.equal(expiryOf("500101", in1999), "1950-01-01");
  });

  it("defaults the window to the current time when no valid clock is given", () => {
    const code = parse(`01${DEMO_GTIN}17260314`, {});
    assert.match(code.expiry ?? "", /^\d{4}-03-14$/);
    assert.equal(parseScannedCode(`01${DEMO_GTIN}17260314`, { now: new Date(Number.NaN) }).ok, true);
  });

  it("converts between GS1 and ISO dates with the exported helpers", () => {
    assert.equal(gs1DateToIso("260300", NOW), "2026-03-31");
    assert.equal(gs1DateToIso("261301", NOW), null);
    assert.equal(gs1DateToIso("26031", NOW), null);
    assert.equal(isoToGs1Date("2026-03-14"), "260314");
    assert.throws(() => isoToGs1Date("2027-02-29"), Gs1Error);
    assert.throws(() => isoToGs1Date("14/03/2026"), Gs1Error);
  });

  it("treats a product as expired only after its expiry day has ended (UTC)", () => {
    assert.equal(isExpired("2025-06-15", NOW), false);
    assert.equal(isExpired("2025-06-14", NOW), true);
    assert.equal(isExpired("2026-03-14", NOW), false);
  });
});

describe("input limits and hostile input", () => {
  it("rejects empty and whitespace-only input", () => {
    assertRejected("", "empty");
    assertRejected("  \r\n\t", "empty");
    assertRejected("]d2", "empty");
  });

  it(`rejects input over ${MAX_SCAN_LENGTH} characters but reads up to the limit`, () => {
    assertRejected("1".repeat(MAX_SCAN_LENGTH + 1), "too_long");
    assert.notEqual(parseError("1".repeat(MAX_SCAN_LENGTH)).code, "too_long");
  });

  it("rejects a 100 KB string cheaply", () => {
    const huge = `01${DEMO_GTIN}10${"A".repeat(100_000)}`;
    const started = performance.now();
    assertRejected(huge, "too_long");
    assert.ok(performance.now() - started < 50);
  });

  const hostileInputs = [
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    '{"code":1}',
    "😷😷😷",
    "\u202e81000543212590\u202c",
    "\u0000",
    `0\u0000${DEMO_GTIN}`,
    `01${DEMO_GTIN}10<script>alert(1)</script>`,
    `(01)${DEMO_GTIN}(10)<script>alert(1)</script>`,
    `https://example.com/01/${DEMO_GTIN}/10/<script>alert(1)</script>`,
    `https://evil.example/<script>alert(1)</script>`,
    `01${DEMO_GTIN}10${"\u202e".repeat(200)}`,
    `01${DEMO_GTIN}10${"<".repeat(60)}\u0007`,
    "\u001b[31mred\u001b[0m",
    "null",
    "undefined",
    "%00",
    "]d2]d2]d2",
    // Found by the property below in CI: an AI whose GS1 title is not ASCII ("NET VOLUME (m³)").
    "368030%",
  ];

  for (const input of hostileInputs) {
    it(`rejects ${JSON.stringify(input).slice(0, 50)} with a short, safe message`, () => {
      const error = parseError(input);
      assertSafeMessage(error);
      assert.ok(!error.message.includes("<script"));
    });
  }

  it("does not echo unrecognised input at all", () => {
    const error = parseError("DROP TABLE masks; <img src=x onerror=alert(1)>");
    assert.equal(error.code, "unrecognised");
    assert.ok(!error.message.includes("DROP"));
  });

  it("never throws for values that are not strings at runtime", () => {
    for (const value of [undefined, null, 42, {}, [], Symbol("x")]) {
      const result = parseScannedCode(value as unknown as string);
      assert.equal(result.ok, false);
    }
  });

  it("accepts AI-82 punctuation such as < and > in a lot (the UI must escape what it shows)", () => {
    assert.equal(parse(`https://example.com/01/${DEMO_GTIN}/10/%3Cb%3E`).lot, "<b>");
  });
});

describe("writers for labels", () => {
  const demo = {
    gtin: DEMO_GTIN,
    lot: "240315A",
    serial: "000123",
    expiry: "2026-03-14",
    signature: "MEUCIQD-abc_XYZ09=",
  };

  it("writes the canonical Digital Link with the default base", () => {
    assert.equal(
      toDigitalLink(demo),
      "https://id.medproof.example/01/09521234500018/10/240315A/21/000123?17=260314&8030=MEUCIQD-abc_XYZ09%3D",
    );
  });

  it("omits absent parts, pads the GTIN and percent-encodes path values", () => {
    assert.equal(toDigitalLink({ gtin: DEMO_GTIN_13 }), "https://id.medproof.example/01/09521234500018");
    assert.equal(
      toDigitalLink({ gtin: DEMO_GTIN, serial: "A/1?", lot: null }, "https://example.com/app/"),
      "https://example.com/app/01/09521234500018/21/A%2F1%3F",
    );
    assert.equal(
      toDigitalLink({ gtin: DEMO_GTIN, lot: ".." }),
      "https://id.medproof.example/01/09521234500018/10/%2E%2E",
    );
  });

  it("writes an element string with a GS only after variable-length fields that are not last", () => {
    assert.equal(
      toElementString(demo),
      `01${DEMO_GTIN}17260314` + `10240315A${GS}21000123${GS}8030MEUCIQD-abc_XYZ09=`,
    );
    assert.equal(
      toElementString({ gtin: DEMO_GTIN, lot: "L1" }, { symbologyId: true }),
      `]d201${DEMO_GTIN}10L1`,
    );
    assert.equal(toElementString({ gtin: DEMO_GTIN, expiry: "2026-03-14" }), `01${DEMO_GTIN}17260314`);
  });

  it("writes the bracketed form printed under a barcode", () => {
    assert.equal(
      toBracketed({ gtin: DEMO_GTIN, lot: "240315A", serial: "000123", expiry: "2026-03-14" }),
      "(01)09521234500018(17)260314(10)240315A(21)000123",
    );
    assert.equal(
      toBracketed({ gtin: DEMO_GTIN, productionDate: "2024-03-01" }),
      "(01)09521234500018(11)240301",
    );
  });

  it("refuses to write a label with an invalid field", () => {
    const write = (fields: Parameters<typeof toBracketed>[0]) => () => toBracketed(fields);
    assert.throws(
      write({ gtin: "09521234500019" }),
      (error: unknown) => (error as Gs1Error).code === "bad_check_digit",
    );
    assert.throws(
      write({ gtin: DEMO_GTIN, lot: "A B" }),
      (error: unknown) => (error as Gs1Error).code === "bad_characters",
    );
    assert.throws(
      write({ gtin: DEMO_GTIN, lot: "" }),
      (error: unknown) => (error as Gs1Error).code === "bad_length",
    );
    assert.throws(write({ gtin: DEMO_GTIN, serial: "S".repeat(21) }), Gs1Error);
    assert.throws(
      write({ gtin: DEMO_GTIN, expiry: "2026-02-30" }),
      (error: unknown) => (error as Gs1Error).code === "bad_date",
    );
    assert.throws(write({ gtin: DEMO_GTIN, signature: "not base64!" }), Gs1Error);
  });

  it("round-trips the demo label through every writer", () => {
    const expected = {
      gtin: DEMO_GTIN,
      lot: "240315A",
      serial: "000123",
      expiry: "2026-03-14",
      productionDate: null,
      signature: demo.signature,
    };
    assert.deepEqual({ ...parse(toDigitalLink(demo)), form: undefined }, { ...expected, form: undefined });
    assert.deepEqual(
      { ...parse(toElementString(demo, { symbologyId: true })), form: undefined },
      { ...expected, form: undefined },
    );
    assert.deepEqual({ ...parse(toBracketed(demo)), form: undefined }, { ...expected, form: undefined });
  });
});

describe("properties", () => {
  const AI82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
  const AI64 = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
  const digits = (length: number) =>
    fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: length, maxLength: length });

  const gtinArbitrary = digits(13).map((first13) => `${first13}${gtinCheckDigit(first13)}`);
  const ai82Arbitrary = fc.string({ unit: fc.constantFrom(...AI82), minLength: 1, maxLength: 20 });
  const isoDateArbitrary = fc
    .date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2070-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10));
  const signatureArbitrary = fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...AI64), minLength: 1, maxLength: 88 }),
      fc.constantFrom("", "=", "=="),
    )
    .map(([body, padding]) => body + padding);
  const labelArbitrary = fc.record({
    gtin: gtinArbitrary,
    lot: fc.option(ai82Arbitrary, { nil: null }),
    serial: fc.option(ai82Arbitrary, { nil: null }),
    expiry: fc.option(isoDateArbitrary, { nil: null }),
    productionDate: fc.option(isoDateArbitrary, { nil: null }),
    signature: fc.option(signatureArbitrary, { nil: null }),
  });

  function assertWellFormed(result: ReturnType<typeof parseScannedCode>): void {
    if (result.ok) {
      assert.match(result.code.gtin, /^\d{14}$/);
      assert.ok(isValidGtin(result.code.gtin));
    } else {
      assertSafeMessage(result.error);
    }
  }

  const scannerNoise = fc.constantFrom(
    ..."0123456789",
    GS,
    "\u241d",
    "<GS>",
    "(",
    ")",
    "/",
    "%",
    "?",
    "=",
    "&",
    " ",
    "A",
    "\u0000",
    "\u202e",
    "😷",
    "01",
    "10",
    "17",
    "21",
    "8030",
    "]d2",
    "https://x.io/",
    `01${DEMO_GTIN}`,
    `(01)${DEMO_GTIN}`,
    `https://x.io/01/${DEMO_GTIN}`,
  );

  it("never throws and always returns a valid GTIN or a safe, known error, for any string", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: "binary", maxLength: 200 }),
          fc.string({ unit: "grapheme", maxLength: 50 }),
          fc.string({ unit: scannerNoise, maxLength: 40 }),
        ),
        (text) => assertWellFormed(parseScannedCode(text, { now: NOW })),
      ),
      { numRuns: 2000 },
    );
  });

  it("never throws when a valid scan is corrupted by inserted characters", () => {
    fc.assert(
      fc.property(
        labelArbitrary,
        fc.constantFrom(toDigitalLink, toBracketed, (label: Parameters<typeof toBracketed>[0]) =>
          toElementString(label),
        ),
        fc.nat(),
        fc.string({ unit: "binary", minLength: 1, maxLength: 3 }),
        (label, write, position, inserted) => {
          const text = write(label);
          const at = position % (text.length + 1);
          assertWellFormed(parseScannedCode(text.slice(0, at) + inserted + text.slice(at), { now: NOW }));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("round-trips any valid label through the Digital Link, element string and bracketed writers", () => {
    fc.assert(
      fc.property(labelArbitrary, (generated) => {
        // fast-check builds records without a prototype; deepEqual compares prototypes.
        const label = { ...generated };
        const fields = (code: ScannedCode) => {
          const { form: _form, ...rest } = code;
          return rest;
        };
        assert.deepEqual(fields(parse(toDigitalLink(label))), label);
        // "<GS>" inside a value would be read as a scanner's GS substitute.
        if (![label.lot, label.serial].some((value) => value !== null && /<gs>/i.test(value))) {
          assert.deepEqual(fields(parse(toElementString(label, { symbologyId: true }))), label);
        }
        // "(NN)" inside a value would be read as the start of another AI.
        if (![label.lot, label.serial].some((value) => value !== null && /\(\d{2,4}\)/.test(value))) {
          assert.deepEqual(fields(parse(toBracketed(label))), label);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("checkGs1Fields: identifiers given as separate fields", () => {
  it("pads a GTIN-13 to 14 digits and keeps lot and serial", () => {
    assert.deepEqual(checkGs1Fields({ gtin: "9521234500018", lot: "260925A", serial: "100123" }), {
      ok: true,
      fields: { gtin: "09521234500018", lot: "260925A", serial: "100123" },
    });
  });

  it("refuses a wrong check digit, a lot with characters GS1 does not allow, an empty lot", () => {
    const refusal = (fields: Parameters<typeof checkGs1Fields>[0]) => {
      const result = checkGs1Fields(fields);
      assert.ok(!result.ok);
      return { code: result.error.code, ai: result.error.ai };
    };
    assert.deepEqual(refusal({ gtin: "09521234500019", lot: "A" }), { code: "bad_check_digit", ai: "01" });
    assert.deepEqual(refusal({ gtin: "09521234500018", lot: "26 09" }), { code: "bad_characters", ai: "10" });
    assert.deepEqual(refusal({ gtin: "09521234500018", lot: "" }), { code: "bad_length", ai: "10" });
    assert.deepEqual(refusal({ gtin: "09521234500018", serial: "x".repeat(21) }), {
      code: "bad_length",
      ai: "21",
    });
  });
});
