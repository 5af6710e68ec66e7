import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { entryPath, formatCheckCode, normaliseCheckCode, readEntry, splitTypedEntry } from "./check-code";
import { gs1ErrorMessage } from "./gs1-messages";
import { parseScannedCode } from "./gs1";

const LINE = "(01)09521234500018(17)280923(10)260925A(21)100123";

describe("the check code's printed form", () => {
  it("prints the top 60 bits of the hash as three groups of four Crockford characters", () => {
    assert.equal(formatCheckCode(new Uint8Array(8)), "0000-0000-0000");
    assert.equal(formatCheckCode(new Uint8Array(8).fill(0xff)), "ZZZZ-ZZZZ-ZZZZ");
    // 0x08 = 0000 1000: its fifth bit is the first character's lowest.
    assert.equal(formatCheckCode(new Uint8Array([0x08, 0, 0, 0, 0, 0, 0, 0])), "1000-0000-0000");
    // The last 4 of the 64 bits are not printed.
    assert.equal(formatCheckCode(new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0x0f])), "0000-0000-0000");
  });

  it("reads a typed code in any case, with or without dashes, I/L as 1 and O as 0", () => {
    assert.equal(normaliseCheckCode("7q2mk9xd4hrt"), "7Q2M-K9XD-4HRT");
    assert.equal(normaliseCheckCode("7Q2M-K9XD-4HRT"), "7Q2M-K9XD-4HRT");
    assert.equal(normaliseCheckCode("OIL0-0000-0000"), "0110-0000-0000");
  });

  it("refuses what is not one: a U, too short, too long", () => {
    assert.equal(normaliseCheckCode("7Q2M-K9XD-4HRU"), null);
    assert.equal(normaliseCheckCode("7Q2M-K9XD-4HR"), null);
    assert.equal(normaliseCheckCode("7Q2M-K9XD-4HRT-0"), null);
  });
});

describe("a typed line with its check code", () => {
  it("splits off the check code after a space, with or without the label's CHECK (or 校验码)", () => {
    for (const typed of [
      `${LINE} 7Q2M-K9XD-4HRT`,
      `${LINE} CHECK 7Q2M-K9XD-4HRT`,
      `${LINE}  check code: 7q2mk9xd-4hrt`,
      `${LINE} 校验码：7Q2MK9XD4HRT`,
    ]) {
      assert.deepEqual(splitTypedEntry(typed), { code: LINE, checkCode: "7Q2M-K9XD-4HRT" }, typed);
    }
  });

  it("leaves a line without one alone, and one with a last group that is no check code to the parser", () => {
    assert.deepEqual(splitTypedEntry(` ${LINE} `), { code: LINE, checkCode: null });
    assert.deepEqual(splitTypedEntry(`${LINE} 7Q2M-K9XD-4HRU`), {
      code: `${LINE} 7Q2M-K9XD-4HRU`,
      checkCode: null,
    });
    // Spaces between GS1 groups are allowed: a last group is not taken for a check code.
    assert.equal(splitTypedEntry("(01)09521234500018 (21)ABCDEFGHJKMN").checkCode, null);
  });

  it("counts the bracketed line and anything with a check code as typed, and a scanner's forms as scanned", () => {
    assert.equal(readEntry(LINE).typed, true);
    assert.equal(readEntry(`${LINE} 7Q2M-K9XD-4HRT`).typed, true);
    assert.equal(readEntry("\u001d0109521234500018\u001d10260925A\u001d21100123 7Q2M-K9XD-4HRT").typed, true);
    assert.equal(
      readEntry("https://id.medproof.example/01/09521234500018/10/260925A/21/100123").typed,
      false,
    );
    assert.equal(readEntry("]d2010952123450001810260925A\u001d21100123").typed, false);
    assert.equal(readEntry("(01)09521234500019").parsed.ok, false);
  });

  it("marks a typed code's verdict path, and only a typed one", () => {
    const parsed = parseScannedCode(LINE);
    assert.ok(parsed.ok);
    assert.equal(
      entryPath(parsed.code, { typed: true, checkCode: "7Q2M-K9XD-4HRT" }),
      "/01/09521234500018/10/260925A/21/100123?17=280923&typed=1&check=7Q2M-K9XD-4HRT",
    );
    assert.equal(
      entryPath(parsed.code, { typed: true, checkCode: null }),
      "/01/09521234500018/10/260925A/21/100123?17=280923&typed=1",
    );
    assert.equal(
      entryPath(parsed.code, { typed: false, checkCode: null }),
      "/01/09521234500018/10/260925A/21/100123?17=280923",
    );
  });
});

describe("a wrong check digit, in Chinese", () => {
  it("names the digit the product number should end with and asks to compare with the box, not to scan again", () => {
    const parsed = parseScannedCode("(01)09521234500019");
    assert.ok(!parsed.ok);
    const chinese = gs1ErrorMessage(parsed.error, "zh-CN");
    assert.match(chinese, /产品编号（GTIN）的校验位不对/);
    assert.match(chinese, /最后一位应为 8/);
    assert.doesNotMatch(chinese, /再扫/);
  });
});
