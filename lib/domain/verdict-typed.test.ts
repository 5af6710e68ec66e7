// A code typed from the printed line carries no signature: the verdict judges it by its check code, and
// without one it is neither Genuine nor Suspect for that alone. A scanned code without a signature
// stays Suspect. Both languages.
import { describe, it } from "node:test";
import assert from "node:assert/strict";

import { evaluateVerdict, type CodeEntry, type Verdict } from "./verdict";
import { FIXTURE_NOW, makeVerdictInput, type VerdictInputOverrides } from "./fixtures";
import { assertChinese } from "./chinese.test-helper";
import { DAY } from "./time";

/** The genuine box's printed line, as typed: no signature, so nothing is recovered from it. */
const TYPED: VerdictInputOverrides = { code: { signature: null, form: "bracketed" }, recoveredSigner: null };

function verdictOf(entry: CodeEntry, overrides: VerdictInputOverrides = TYPED): Verdict {
  const input = { ...makeVerdictInput(overrides), entry };
  const english = evaluateVerdict(input);
  const chinese = evaluateVerdict(input, "zh-CN");
  assert.equal(chinese.verdict, english.verdict);
  assertChinese(chinese.headline, "headline");
  const signature = chinese.checks.find((c) => c.id === "signature");
  assertChinese(`${signature?.title ?? ""}${signature?.detail ?? ""}`, "signature check");
  return english;
}

const signatureOf = (verdict: Verdict) => verdict.checks.find((c) => c.id === "signature");

describe("a typed code", () => {
  it("without a check code: the signature is unknown and says why, and the box is not Suspect", () => {
    const verdict = verdictOf({ method: "typed", checkCode: "none" });
    assert.equal(signatureOf(verdict)?.status, "unknown");
    assert.match(signatureOf(verdict)?.title ?? "", /Typed codes carry no signature: scan the QR/);
    assert.equal(verdict.verdict, "caution");
    assert.match(verdict.headline, /typed code matches the record; scan the QR code/);
  });

  it("with the check code the maker published: the signature check passes and the box is genuine", () => {
    const verdict = verdictOf({ method: "typed", checkCode: "matches" });
    assert.equal(signatureOf(verdict)?.status, "pass");
    assert.match(signatureOf(verdict)?.title ?? "", /check code matches the maker's published record/);
    assert.equal(verdict.verdict, "genuine");
  });

  it("with a check code that does not match: Suspect", () => {
    const verdict = verdictOf({ method: "typed", checkCode: "differs" });
    assert.equal(signatureOf(verdict)?.status, "fail");
    assert.equal(verdict.verdict, "suspect");
    assert.equal(verdict.headline, "The check code does not match");
  });

  it("with a check code its maker never published: unknown, as without one", () => {
    const verdict = verdictOf({ method: "typed", checkCode: "unpublished" });
    assert.equal(signatureOf(verdict)?.status, "unknown");
    assert.equal(verdict.verdict, "caution");
  });

  it("still fails on everything else: a recalled lot typed without a check code is Suspect", () => {
    const recalled: VerdictInputOverrides = {
      ...TYPED,
      record: { batch: { recall: { at: FIXTURE_NOW - 2 * DAY, reason: "BFE retest failed" } } },
    };
    const verdict = verdictOf({ method: "typed", checkCode: "none" }, recalled);
    assert.equal(verdict.verdict, "suspect");
    assert.equal(verdict.checks.find((c) => c.id === "recall")?.status, "fail");
  });

  it("names what else is missing when more than the signature is unknown", () => {
    const noReports: VerdictInputOverrides = { ...TYPED, record: { batch: { tests: [] } } };
    const verdict = verdictOf({ method: "typed", checkCode: "none" }, noReports);
    assert.equal(verdict.verdict, "caution");
    assert.equal(verdict.headline, "The record is incomplete: read what it does not say below");
  });
});

describe("a scanned code", () => {
  it("without a signature stays Suspect: a forger's QR has none", () => {
    const verdict = verdictOf({ method: "scanned" });
    assert.equal(signatureOf(verdict)?.status, "fail");
    assert.equal(verdict.verdict, "suspect");
    assert.equal(verdict.headline, "No maker's signature on the code");
  });

  it("is what a verdict assumes when the entry is not given", () => {
    const verdict = evaluateVerdict(makeVerdictInput(TYPED));
    assert.equal(verdict.verdict, "suspect");
  });
});
