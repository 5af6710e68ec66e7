// The pages that read the whole record (/regulator, a participant's profile), on a world of its own whose
// server reaches the node through a counting proxy: a second view with nothing changed costs no
// eth_getLogs and no eth_call (the view is kept per block while the watcher is live), and a change made
// after a first view shows on the next one, under a newer block.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWorld, type World } from "../../scripts/lib/world";
import { actAsCookie } from "./world";

let world: World;

/** 便民大药房, a pharmacy of the demo: its profile, and its row on the regulator's suspension list. */
const BIANMIN = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";
const PROFILE = `/participants/${BIANMIN}`;
const REASON = "Suspended after a first view of the dashboard";

interface Watched {
  watcher: { isLive(): boolean } | null;
}

before(async () => {
  world = await startWorld(undefined, { countRpc: true });
});

after(async () => {
  await world.stop();
});

async function view(path: string): Promise<{ html: string; block: number }> {
  const response = await fetch(`${world.server.url}${path}`);
  const html = await response.text();
  assert.equal(response.status, 200, path);
  const block = /data-read-at-block="(\d+)"/.exec(html);
  assert.ok(block, `${path} names the block it was read at`);
  return { html, block: Number(block[1]) };
}

/** Requests per JSON-RPC method that `action` made the server send to the node. */
async function rpcDuring(action: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = world.rpc!.counts();
  await action();
  const after = world.rpc!.counts();
  return Object.fromEntries(
    Object.entries(after).flatMap(([method, n]) =>
      n > (before[method] ?? 0) ? [[method, n - (before[method] ?? 0)]] : [],
    ),
  );
}

async function until(condition: () => Promise<boolean>, ms = 15_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe("views of the whole record", () => {
  it("cost no JSON-RPC at all the second time while nothing changed", async () => {
    await view("/regulator"); // starts the server's services, and its watcher
    const runtime = (globalThis as Record<symbol, Watched | undefined>)[Symbol.for("medproof.runtime")];
    assert.ok(await until(async () => runtime?.watcher?.isLive() ?? false), "the watcher is live");
    for (const path of ["/regulator", PROFILE]) {
      const first = await view(path);
      let second: { block: number } | undefined;
      const sent = await rpcDuring(async () => (second = await view(path)));
      assert.deepEqual(sent, {}, `${path}: no JSON-RPC at all`);
      assert.equal(second?.block, first.block, "the same view, naming the same block");
    }
  });

  it("show a desk action in the very next view after its reply, under a newer block", async () => {
    const [dashboard, profile] = [await view("/regulator"), await view(PROFILE)];
    assert.ok(!dashboard.html.includes(REASON) && !profile.html.includes(REASON));
    const response = await fetch(`${world.server.url}/api/regulator/suspensions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: await actAsCookie("regulator", world.server.url),
      },
      body: JSON.stringify({ action: "suspend", account: BIANMIN, reason: REASON }),
    });
    assert.equal(response.status, 200, await response.text());
    // The desk forgets the kept views once its transaction is confirmed: the very next view shows it,
    // without waiting for the watcher to hear of the event.
    for (const [path, before] of [
      ["/regulator", dashboard],
      [PROFILE, profile],
    ] as const) {
      const latest = await view(path);
      assert.ok(latest.html.includes(REASON), `${path} shows the suspension`);
      assert.ok(latest.block > before.block, `${path}: read at block ${latest.block}, after ${before.block}`);
    }
  });
});
