// Parse once: the Verifier takes the code its caller parsed and never reads text itself, and
// readScannedCode is the one way from scanned text to a code or the 400 that refuses it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  FIXTURE_GTIN,
  FIXTURE_LOT,
  FIXTURE_NOW,
  FIXTURE_SERIAL,
  makeBoxRecord,
  makeScannedCode,
} from "../domain/fixtures";
import { checkCodeDigest, checkCodeOf } from "../chain/check-codes";
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

describe("a typed code's check code", () => {
  const record = makeBoxRecord();
  const batchId = record.batch?.id ?? "";
  const printed = makeScannedCode();
  // The label's check code is made from the box's signature; the typed code has none.
  const checkCode = checkCodeOf(printed.signature ?? "");
  const typedCode = { ...printed, signature: null, form: "bracketed" as const };
  const published = new Map([
    [`${batchId}/${FIXTURE_SERIAL}`, checkCodeDigest(batchId, FIXTURE_SERIAL, checkCode)],
  ]);
  const verifier = new Verifier({ read: () => Promise.resolve(record) }, null, {
    read: (batch, serial) => Promise.resolve(published.get(`${batch}/${serial}`) ?? null),
  });
  const signatureCheck = async (typed: { checkCode: string | null } | undefined, code = typedCode) => {
    const outcome = await verifier.verify(code, { region: 320500, device: "d", now: FIXTURE_NOW, typed });
    assert.equal(outcome.status, 200);
    return outcome.body.checks.find((c) => c.id === "signature");
  };

  it("passes when it is the one the maker published for the serial", async () => {
    const check = await signatureCheck({ checkCode });
    assert.equal(check?.status, "pass");
    assert.equal(check?.title, "The check code matches the maker's published record");
  });

  it("fails when it is another", async () => {
    const other = checkCode === "0000-0000-0000" ? "0000-0000-0001" : "0000-0000-0000";
    assert.equal((await signatureCheck({ checkCode: other }))?.status, "fail");
  });

  it("is unknown without one, or for a serial whose maker published none", async () => {
    assert.equal((await signatureCheck({ checkCode: null }))?.status, "unknown");
    const unpublished = { ...typedCode, serial: "100124" };
    assert.equal((await signatureCheck({ checkCode }, unpublished))?.status, "unknown");
  });

  it("is not asked for on a scanned code: without a signature it fails", async () => {
    assert.equal((await signatureCheck(undefined))?.status, "fail");
  });
});
