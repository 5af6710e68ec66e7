// The watcher against a socket server that plays the node, for the faults a real node cannot be made
// to show on cue: a node that never answers eth_subscribe, one that drops mid-request. (The HTTP
// fault tests stop and restart a real anvil under the running app.)
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { ChainWatcher } from "./watcher";
import type { ChainLog } from "./event-keys";

async function fakeNode(answer: (socket: WebSocket, request: { id: number; method: string }) => void) {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await once(server, "listening");
  server.on("connection", (socket) =>
    socket.on("message", (data) =>
      answer(socket, JSON.parse(String(data)) as { id: number; method: string }),
    ),
  );
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url, close: () => new Promise((resolve) => server.close(resolve)) };
}

const until = async (condition: () => boolean, ms = 2000) => {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return condition();
};

describe("the chain watcher", () => {
  it("is live only once the node confirmed the subscription, and hands on each log, removed ones too", async () => {
    let sockets: WebSocket[] = [];
    const node = await fakeNode((socket, request) => {
      sockets.push(socket);
      socket.send(JSON.stringify({ jsonrpc: "2.0", id: request.id, result: "0x1" }));
    });
    let changes = 0;
    let last: ChainLog | null = null;
    const watcher = new ChainWatcher({
      wsUrl: node.url,
      addresses: ["0x" + "11".repeat(20)],
      onChange: (log) => {
        changes++;
        last = log;
      },
    });
    assert.equal(watcher.isLive(), false);
    assert.ok(await until(() => watcher.isLive()));
    const before = changes;
    sockets[0]!.send(
      JSON.stringify({ jsonrpc: "2.0", method: "eth_subscription", params: { subscription: "0x1" } }),
    );
    assert.ok(await until(() => changes === before + 1));
    assert.equal(last, null, "a notification without a log: forget everything");
    // A reorg took a log back: it is handed on as such, with its topics and block.
    const removed = {
      address: "0x" + "11".repeat(20),
      topics: ["0x" + "22".repeat(32)],
      blockNumber: "0x2a",
    };
    sockets[0]!.send(
      JSON.stringify({
        jsonrpc: "2.0",
        method: "eth_subscription",
        params: { subscription: "0x1", result: { ...removed, data: "0x", removed: true } },
      }),
    );
    assert.ok(await until(() => changes === before + 2));
    assert.deepEqual(last, { ...removed, removed: true });

    // New heads: one that extends the last is no change; one at the same height (a reorg) forgets all.
    const head = (number: string, hash: string, parentHash: string) =>
      sockets[0]!.send(
        JSON.stringify({
          jsonrpc: "2.0",
          method: "eth_subscription",
          params: { subscription: "0x1", result: { number, hash, parentHash } },
        }),
      );
    head("0x2a", "0xa1", "0xa0");
    head("0x2b", "0xb1", "0xa1");
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(changes, before + 2, "heads that extend the chain change nothing");
    head("0x2b", "0xb2", "0xa1");
    assert.ok(await until(() => changes === before + 3));
    assert.equal(last, null, "a head that replaces one: forget everything");
    head("0x2d", "0xd1", "0xc9");
    head("0x2e", "0xe1", "0xdd");
    assert.ok(await until(() => changes === before + 4), "nor one whose parent is not the last head");

    sockets[0]!.terminate();
    assert.ok(await until(() => !watcher.isLive()), "a dropped socket is not live");
    sockets = [];
    assert.ok(await until(() => watcher.isLive(), 3000), "it reconnects by itself");
    await watcher.stop();
    await node.close();
  });

  it("stops cleanly while a subscription is still unanswered, and stays down when refused", async () => {
    const silent = await fakeNode(() => undefined);
    const waiting = new ChainWatcher({ wsUrl: silent.url, addresses: [], onChange: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(waiting.isLive(), false);
    await waiting.stop();
    await silent.close();

    const refusing = await fakeNode((socket, request) =>
      socket.send(JSON.stringify({ jsonrpc: "2.0", id: request.id, error: { code: -32601, message: "no" } })),
    );
    const refused = new ChainWatcher({ wsUrl: refusing.url, addresses: [], onChange: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(refused.isLive(), false);
    await refused.stop();
    await refusing.close();
  });

  it("stays not live, without throwing, while nothing listens at the address", async () => {
    const watcher = new ChainWatcher({
      wsUrl: "ws://127.0.0.1:9",
      addresses: [],
      onChange: () => undefined,
      retryMs: 20,
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(watcher.isLive(), false);
    await watcher.stop();
  });
});
