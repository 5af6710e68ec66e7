// The read path under a slow or broken node: every read ends in ChainUnavailableError within the
// timeout, so requests never pile up behind a node that does not answer.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { BoxReader, ChainUnavailableError } from "./reader";

const servers: Server[] = [];
after(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

async function nodeThat(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const query = { gtin: "09521234500018", lot: "240315A", serial: "100321" };
const LENS = "0x" + "11".repeat(20);

describe("BoxReader against a faulty node", () => {
  it("gives up on a node that never answers within its timeout, for 50 reads at once", async () => {
    const url = await nodeThat(() => undefined); // accepts, never answers
    const reader = new BoxReader({ rpcUrl: url, lensAddress: LENS, timeoutMs: 300 });
    const started = Date.now();
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => reader.read(query)));
    const elapsed = Date.now() - started;
    assert.ok(outcomes.every((o) => o.status === "rejected" && o.reason instanceof ChainUnavailableError));
    assert.ok(elapsed < 3000, `took ${elapsed} ms`);
  });

  it("reports a node that answers with an HTTP error as unavailable", async () => {
    const url = await nodeThat((_req, res) => res.writeHead(502).end("bad gateway"));
    const reader = new BoxReader({ rpcUrl: url, lensAddress: LENS });
    await assert.rejects(reader.read(query), ChainUnavailableError);
  });

  it("reports a JSON-RPC error (e.g. a reverted call) as unavailable, not as data", async () => {
    const url = await nodeThat((_req, res) =>
      res.end(
        JSON.stringify({ jsonrpc: "2.0", id: 1, error: { code: -32000, message: "execution reverted" } }),
      ),
    );
    const reader = new BoxReader({ rpcUrl: url, lensAddress: LENS });
    await assert.rejects(reader.read(query), ChainUnavailableError);
  });

  it("reports a port where nothing listens as unavailable", async () => {
    const reader = new BoxReader({ rpcUrl: "http://127.0.0.1:9", lensAddress: LENS });
    await assert.rejects(reader.read(query), ChainUnavailableError);
  });
});
