import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { contractInterface } from "./contracts";
import { RelayError } from "./relay";
import { describeError } from "./errors";

describe("a relay failure in the reader's language", () => {
  it("says a contract's refusal in Chinese, with the same code", () => {
    const source = {
      error: {
        data: contractInterface("ComplaintRegistry").encodeErrorResult("InvalidPossessionProof", [
          "0x" + "11".repeat(32),
          100149n,
        ]),
      },
    };
    const failure = new RelayError("refused", describeError(source), null, { error: source });
    assert.equal(failure.plainIn("en"), failure.plain);
    assert.deepEqual(failure.plainIn("zh-CN"), {
      code: "InvalidPossessionProof",
      message: "盒内的码与第 100149 盒不符。请核对后重新输入。",
    });
  });

  it("says its own sentences in Chinese, and keeps English where it has no other", () => {
    const pending = new RelayError("pending", { code: "relay_pending", message: "Not yet." }, "0x01", {
      zh: "尚未确认。",
    });
    assert.deepEqual(pending.plainIn("zh-CN"), { code: "relay_pending", message: "尚未确认。" });
    const bare = new RelayError("refused", { code: "failed", message: "Failed." });
    assert.equal(bare.plainIn("zh-CN"), bare.plain);
  });
});
