// A busy writer that cannot start says so instead of leaving the benchmark waiting: here its plan names a
// deployment file that does not exist.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { startChainWriter } from "./chain-writer";

describe("the chain writer", () => {
  it("rejects with the child's exit when it cannot start", async () => {
    await assert.rejects(
      startChainWriter({
        rpcUrl: "http://127.0.0.1:9",
        deploymentFile: "/nonexistent/deployment.json",
        batchId: `0x${"00".repeat(32)}`,
        serials: [],
        lanePerSecond: 1,
      }),
      /the busy writer exited with 1 before it started/,
    );
  });
});
