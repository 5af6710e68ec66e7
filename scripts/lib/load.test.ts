// A verdict's fingerprint is what the stale-verdict measurement compares: the verdict and each check's
// status, not the wording (which names times that move).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { verdictFingerprint } from "./load";

const answer = (verdict: string, recall: string, detail: string) =>
  JSON.stringify({
    verdict,
    checks: [
      { id: "release", status: "pass", title: "Released", detail },
      { id: "recall", status: recall, title: "Recall", detail },
    ],
  });

describe("verdict fingerprints", () => {
  it("differ when a check's status changes, not when only its wording does", () => {
    const before = verdictFingerprint(answer("caution", "pass", "3 seconds ago"));
    assert.equal(before, "caution release:pass recall:pass");
    assert.equal(verdictFingerprint(answer("caution", "pass", "4 seconds ago")), before);
    assert.equal(
      verdictFingerprint(answer("suspect", "fail", "3 seconds ago")),
      "suspect release:pass recall:fail",
    );
  });

  it("are null for an answer that is not a verdict", () => {
    assert.equal(verdictFingerprint('{"error":{"code":"invalid_code"}}'), null);
    assert.equal(verdictFingerprint("<html>"), null);
  });
});
