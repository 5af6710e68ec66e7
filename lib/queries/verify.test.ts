// Parse once: the Verifier takes the code its caller parsed and never reads text itself, and
// readScannedCode is the one way from scanned text to a code or the 400 that refuses it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { FIXTURE_GTIN, FIXTURE_LOT, FIXTURE_NOW, makeBoxRecord } from "../domain/fixtures";
import { invalidCode, readScannedCode, Verifier } from "./verify";

const TEXT = `https://example.com/01/${FIXTURE_GTIN}/10/${FIXTURE_LOT}/21/100123?17=280923&utm_source=box`;

describe("parse once", () => {
  it("verifies the very code it is given: the reader gets that object, not a second parse", async () => {
    const code = readScannedCode(TEXT);
    assert.ok(!("status" in code));
    const read: unknown[] = [];
    const verifier = new Verifier(
      {
        read: (asked) => {
          read.push(asked);
          return Promise.resolve(makeBoxRecord());
        },
      },
      null,
    );
    const outcome = await verifier.verify(code, { region: 320500, device: "d", now: FIXTURE_NOW });
    assert.equal(outcome.status, 200);
    assert.equal(read.length, 1);
    assert.equal(read[0], code);
  });

  it("refuses unreadable text with the one 400 body, in the reader's language", () => {
    const english = readScannedCode(`${TEXT}&01=${FIXTURE_GTIN}`);
    const chinese = readScannedCode(`${TEXT}&01=${FIXTURE_GTIN}`, "zh-CN");
    assert.ok("status" in english && "status" in chinese);
    assert.deepEqual(english, invalidCode(english.body.error.message, "key_in_query"));
    assert.deepEqual(chinese, invalidCode(chinese.body.error.message, "key_in_query"));
    assert.equal(english.body.error.code, "invalid_code");
    assert.match(english.body.error.message, /product number \(GTIN\)/);
    assert.match(chinese.body.error.message, /产品编号/);
  });
});
