// The counting proxy tallies eth_calls by selector and keeps them on request, whether they come one by
// one or in a JSON-RPC batch: the benchmark's RPC-per-verification and batch-read figures rest on it.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startRpcCounter, type RpcCounter } from "./rpc-counter";

/** A stand-in node: answers every request of a body (single or batch) with result "0x2a". */
function fakeNode(): Promise<Server> {
  const server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk: Buffer) => (text += chunk.toString()));
    request.on("end", () => {
      const body = JSON.parse(text) as { id: number } | { id: number }[];
      const answer = (r: { id: number }) => ({ jsonrpc: "2.0", id: r.id, result: "0x2a" });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(Array.isArray(body) ? body.map(answer) : answer(body)));
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const call = (id: number, data: string, block?: string) => ({
  jsonrpc: "2.0",
  id,
  method: "eth_call",
  params: block === undefined ? [{ to: "0xAbC", data }] : [{ to: "0xAbC", data }, block],
});

async function post(counter: RpcCounter, body: unknown): Promise<unknown> {
  const response = await fetch(counter.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return response.json();
}

describe("the RPC counter", () => {
  let node: Server;
  let counter: RpcCounter;
  before(async () => {
    node = await fakeNode();
    counter = await startRpcCounter(`http://127.0.0.1:${(node.address() as AddressInfo).port}`);
  });
  after(async () => {
    await counter.close();
    node.closeAllConnections();
    await new Promise((resolve) => node.close(resolve));
  });

  it("tallies eth_calls by selector, single and batched, and keeps them only while recording", async () => {
    await post(counter, call(1, "0x11111111aa"));
    counter.recordCalls(true);
    const answer = await post(counter, [
      call(2, "0x22222222BB", "0x10"),
      call(3, "0x11111111cc"),
      { jsonrpc: "2.0", id: 4, method: "eth_blockNumber", params: [] },
    ]);
    counter.recordCalls(false);
    await post(counter, call(5, "0x22222222dd"));

    assert.equal((answer as unknown[]).length, 3, "the batch is passed through whole");
    assert.deepEqual(counter.counts(), { eth_call: 4, eth_blockNumber: 1 });
    assert.deepEqual(counter.selectors(), { "0x11111111": 2, "0x22222222": 2 });
    assert.deepEqual(counter.takeCalls(), [
      { to: "0xAbC", data: "0x22222222bb", block: "0x10" },
      { to: "0xAbC", data: "0x11111111cc", block: "latest" },
    ]);
    assert.deepEqual(counter.takeCalls(), [], "a take empties the list");
    assert.ok(counter.responseBytes() > 0);
  });
});
