// The paged log reader: block ranges that cover the deployment's first block to the named block exactly,
// without overlap or gaps, each within the page size; checked as pure arithmetic and against a node
// that records every eth_getLogs it is sent. (e2e/http/logs.test.ts reads the seeded chain through it.)
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { blockPages, readLogs } from "./logs";
import { rpcProvider } from "./provider";
import type { Deployment } from "./deployment";

/** Asserts that `pages` tile from…to in order: no gap, no overlap, none longer than `size`. */
function assertTiles(pages: [number, number][], from: number, to: number, size: number): void {
  let next = from;
  for (const [start, end] of pages) {
    assert.equal(start, next, `page ${start}–${end} starts where the last one ended`);
    assert.ok(end >= start && end - start + 1 <= size, `page ${start}–${end} is within ${size} blocks`);
    next = end + 1;
  }
  assert.equal(next, to + 1, "the last page ends at the named block");
}

describe("blockPages", () => {
  it("tiles a range exactly, for ranges shorter, equal to and longer than a page", () => {
    for (const [from, to, size] of [
      [0, 0, 1],
      [17, 17, 5000],
      [17, 5016, 5000],
      [17, 5017, 5000],
      [1, 12_345, 1000],
      [100, 199, 1],
      [3, 1_000_000, 4999],
    ] as const) {
      const pages = blockPages(from, to, size);
      assertTiles(pages, from, to, size);
      assert.equal(pages.length, Math.ceil((to - from + 1) / size));
    }
  });

  it("has no page when the named block is before the first one", () => {
    assert.deepEqual(blockPages(10, 9, 5000), []);
  });

  it("refuses a page size that is not a whole number of blocks ≥ 1", () => {
    for (const size of [0, -1, 1.5, Number.NaN]) assert.throws(() => blockPages(0, 10, size), RangeError);
  });
});

const servers: Server[] = [];
after(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

const ADDRESS = "0x" + "11".repeat(20);
const TOPIC = "0x" + "22".repeat(32);

/** A node whose head is `head`, with one log in every block; it records each eth_getLogs range. */
async function nodeWithHead(head: number) {
  const ranges: [number, number][] = [];
  const hex = (n: number) => `0x${n.toString(16)}`;
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const { id, method, params } = JSON.parse(body) as {
        id: number;
        method: string;
        params: { fromBlock: string; toBlock: string }[];
      };
      let result: unknown = null;
      if (method === "eth_blockNumber") result = hex(head);
      if (method === "eth_getLogs") {
        const from = Number(params[0]!.fromBlock);
        const to = Number(params[0]!.toBlock);
        ranges.push([from, to]);
        result = Array.from({ length: to - from + 1 }, (_, i) => ({
          address: ADDRESS,
          topics: [TOPIC],
          data: "0x",
          blockNumber: hex(from + i),
          blockHash: "0x" + (from + i).toString(16).padStart(64, "0"),
          transactionHash: "0x" + "33".repeat(32),
          transactionIndex: "0x0",
          logIndex: "0x0",
          removed: false,
        }));
      }
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ jsonrpc: "2.0", id, result }));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, ranges };
}

const deploymentFrom = (block: number) =>
  ({ chainId: 31337, deployedAtBlock: block, addresses: {} }) as unknown as Deployment;

describe("readLogs", () => {
  it("reads from the deployment block to the head in pages of the given size, each log once, in order", async () => {
    const node = await nodeWithHead(12_345);
    const logs = await readLogs(
      deploymentFrom(17),
      rpcProvider(node.url, 31337),
      { address: ADDRESS, topics: [TOPIC] },
      { pageSize: 1000 },
    );
    const sorted = [...node.ranges].sort((a, b) => a[0] - b[0]);
    assertTiles(sorted, 17, 12_345, 1000);
    assert.equal(node.ranges.length, 13);
    assert.deepEqual(
      logs.map((log) => log.blockNumber),
      Array.from({ length: 12_345 - 17 + 1 }, (_, i) => 17 + i),
    );
  });

  it("ends at the block a view names, and pages 5,000 blocks by default", async () => {
    const node = await nodeWithHead(99_999);
    await readLogs(
      deploymentFrom(3),
      rpcProvider(node.url, 31337),
      { address: ADDRESS, topics: [] },
      { toBlock: 12_002 },
    );
    assertTiles(
      [...node.ranges].sort((a, b) => a[0] - b[0]),
      3,
      12_002,
      5000,
    );
    assert.equal(node.ranges.length, 3);
  });
});
