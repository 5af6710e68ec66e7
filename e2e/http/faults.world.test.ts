// Chain faults, on a world of its own (its own chain and server): a relayed complaint the chain does not
// mine in time is reported pending and lands once mined; the node stops → a clear 503 and a clear page;
// the node comes back → verification recovers by itself, without restarting the app.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { startWorld, type World } from "../../scripts/lib/world";
import { startAnvil, type AnvilHandle } from "../../scripts/lib/anvil";
import { actAsCookie } from "./world";

let world: World;
let restarted: AnvilHandle | undefined;

before(async () => {
  // Relayed transactions are reported pending after 2 s here instead of 30 s.
  process.env.RELAY_CONFIRMATION_SECONDS = "2";
  world = await startWorld();
});

async function rpc(method: string, params: unknown[] = []): Promise<unknown> {
  const response = await fetch(world.chain.anvil.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

async function complain(code: string, secret: string) {
  const response = await fetch(`${world.server.url}/api/complaints`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code, secret, kind: "spec-failure", description: "Ear loops came off" }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { status?: string; txHash?: string; error?: { code: string } },
  };
}

describe("a relayed complaint the chain does not mine in time", () => {
  it("is answered 202 pending with its transaction, and is on the record once mined", async () => {
    // Not the genuine box: the tests below expect its batch to read "genuine", without complaints.
    const box = world.chain.scenarios.find((s) => s.id === "complaint-upheld")!;
    await rpc("evm_setAutomine", [false]);
    try {
      const pending = await complain(box.code, box.secret!);
      assert.equal(pending.status, 202, JSON.stringify(pending.body));
      assert.equal(pending.body.status, "pending");
      assert.match(pending.body.txHash ?? "", /^0x[0-9a-f]{64}$/);
      await rpc("evm_mine");
      const receipt = (await rpc("eth_getTransactionReceipt", [pending.body.txHash])) as { status: string };
      assert.equal(receipt.status, "0x1", "the relayed filing was mined, not lost");
    } finally {
      await rpc("evm_setAutomine", [true]);
    }
    const again = await complain(box.code, box.secret!);
    assert.equal(again.status, 409);
    assert.equal(again.body.error?.code, "ComplaintAlreadyOpen");
  });
});

after(async () => {
  await restarted?.stop();
  await world.stop();
});

async function verify(
  code: string,
): Promise<{ status: number; body: { verdict?: string; error?: { code: string } } }> {
  const response = await fetch(`${world.server.url}/api/verify?code=${encodeURIComponent(code)}`);
  return { status: response.status, body: (await response.json()) as never };
}

describe("when the chain stops and comes back", () => {
  it("answers 503 chain_unavailable while the node is down, and a plain page", async () => {
    const genuine = world.chain.scenarios.find((s) => s.id === "genuine")!;
    assert.equal((await verify(genuine.code)).body.verdict, "genuine");
    // Chosen while the chain is up: choosing reads the party's roles from it.
    const regulator = await actAsCookie("regulator", world.server.url);
    await world.chain.anvil.stop();

    const down = await verify(genuine.code);
    assert.equal(down.status, 503);
    assert.equal(down.body.error?.code, "chain_unavailable");

    const path = new URL(genuine.code).pathname + new URL(genuine.code).search;
    const page = await fetch(`${world.server.url}${path}`, { headers: { accept: "text/html" } });
    assert.ok(page.status < 500 || page.status === 503, `status ${page.status}`);
    assert.match(await page.text(), /Can(&#x27;|')t reach the record right now/);

    const events = await fetch(`${world.server.url}/api/epcis?gtin=${genuine.gtin}&lot=${genuine.lot}`);
    assert.equal(events.status, 503);
    assert.equal(((await events.json()) as { error: { code: string } }).error.code, "chain_unavailable");

    const recall = await fetch(`${world.server.url}/api/regulator/recalls`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: regulator },
      body: JSON.stringify({ gtin: genuine.gtin, lot: genuine.lot, reason: "链不可用时的召回" }),
    });
    assert.equal(recall.status, 503);
    assert.equal(((await recall.json()) as { error: { code: string } }).error.code, "chain_unavailable");

    // The resolver's links depend on the code alone: they are still there for the page to say so.
    const linkset = await fetch(`${world.server.url}${path}`, {
      headers: { accept: "application/linkset+json" },
    });
    assert.equal(linkset.status, 200);
  });

  it("recovers by itself once the node is back, with every record intact", async () => {
    const genuine = world.chain.scenarios.find((s) => s.id === "genuine")!;
    restarted = await startAnvil({
      port: Number(new URL(world.chain.anvil.url).port),
      stateFile: join(dirname(world.chain.deploymentFile), "anvil-state.json"),
    });
    const deadline = Date.now() + 10_000;
    let last = await verify(genuine.code);
    while (last.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      last = await verify(genuine.code);
    }
    assert.equal(last.status, 200);
    assert.equal(last.body.verdict, "genuine");
  });
});
