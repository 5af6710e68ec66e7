// The seeded chain itself: history written at its real dates, and the clock back at wall time.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rpcUrl } from "./world";

async function rpc(method: string, params: unknown[] = []): Promise<unknown> {
  const response = await fetch(rpcUrl(), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

describe("the seeded demo chain", () => {
  it("has its latest block at wall-clock time, not ahead of it", async () => {
    const block = (await rpc("eth_getBlockByNumber", ["latest", false])) as { timestamp: string };
    const drift = Number(block.timestamp) - Date.now() / 1000;
    assert.ok(drift < 120, `the chain is ${Math.round(drift)} s ahead of the wall clock`);
  });

  it("starts its history in January 2024, before the oldest seeded batch", async () => {
    const block = (await rpc("eth_getBlockByNumber", ["0x1", false])) as { timestamp: string };
    assert.ok(Number(block.timestamp) < Date.parse("2024-01-03T00:00:00Z") / 1000);
  });
});
