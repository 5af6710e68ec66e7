// The embedded chain survives a hard kill: every confirmed record is there after `npm start` again, and a
// chain that comes back without a block the app confirmed is refused.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedChain, type EmbeddedChain } from "./embedded";
import { BoxReader } from "../../lib/chain/reader";
import { rpcProvider } from "../../lib/chain/provider";
import { embeddedStateFiles } from "../../lib/chain/durable-state";
import { DurabilityBarrier } from "../../lib/chain/durability";
import { freePort } from "./ports";

const dataDir = mkdtempSync(join(tmpdir(), "medproof-embedded-"));
const demoDir = join(dataDir, "demo");
const start = async () =>
  startEmbeddedChain({
    dataDir: join(dataDir, "chain"),
    port: await freePort(),
    digitalLinkBase: "http://localhost:3000",
    demoDir,
  });

async function readGenuine(chain: EmbeddedChain) {
  const genuine = chain.scenarios.find((s) => s.id === "genuine");
  assert.ok(genuine);
  const reader = new BoxReader({
    rpcUrl: chain.anvil.url,
    lensAddress: chain.deployment.addresses.MedProofLens,
  });
  return reader.read({ gtin: genuine.gtin, lot: genuine.lot, serial: genuine.serial });
}

const files = embeddedStateFiles(join(dataDir, "chain"));

async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

/** A transfer between two of anvil's unlocked accounts, saved by the durability barrier. */
async function sendAndSettle(chain: EmbeddedChain): Promise<string> {
  const [from, to] = (await rpc(chain.anvil.url, "eth_accounts")) as string[];
  const hash = (await rpc(chain.anvil.url, "eth_sendTransaction", [{ from, to, value: "0x1" }])) as string;
  // anvil may answer before it mines; the app settles only after the receipt, and so does this.
  while (!(await rpc(chain.anvil.url, "eth_getTransactionReceipt", [hash]))) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new DurabilityBarrier(rpcProvider(chain.anvil.url), files).settle();
  return hash;
}

after(() => rmSync(dataDir, { recursive: true, force: true }));

describe("the embedded chain", () => {
  it("throws away a data folder whose setup never finished, and sets up afresh", async () => {
    mkdirSync(join(dataDir, "chain"), { recursive: true });
    writeFileSync(join(dataDir, "chain", "anvil-state.json"), "{ half a state");
    const chain = await start();
    try {
      const record = await readGenuine(chain);
      assert.ok(record.batch, "the genuine batch is on the new chain");
    } finally {
      await chain.anvil.stop();
    }
  });

  it("keeps every record after kill -9 and a restart, without deploying or seeding again", async () => {
    const first = await start();
    const before = await readGenuine(first);
    first.anvil.process.kill("SIGKILL");
    await new Promise((resolve) => first.anvil.process.once("exit", resolve));

    const second = await start();
    try {
      assert.deepEqual(second.deployment.addresses, first.deployment.addresses);
      const afterRestart = await readGenuine(second);
      assert.ok(afterRestart.blockNumber >= before.blockNumber);
      assert.equal(afterRestart.batch?.releasedAt, before.batch?.releasedAt);
      assert.equal(afterRestart.batch?.holders.length, before.batch?.holders.length);
      assert.deepEqual(afterRestart.batch?.shipments, before.batch?.shipments);
    } finally {
      await second.anvil.stop();
    }
  });

  it("starts from the last whole copy when a crash cut the state file short mid-write", async () => {
    const first = await start();
    const before = await readGenuine(first);
    await first.anvil.stop();
    const stateFile = join(dataDir, "chain", "anvil-state.json");
    const whole = readFileSync(stateFile, "utf8");
    writeFileSync(stateFile, whole.slice(0, Math.floor(whole.length / 2)));

    const second = await start();
    try {
      const afterRestart = await readGenuine(second);
      assert.equal(afterRestart.batch?.releasedAt, before.batch?.releasedAt);
      assert.deepEqual(afterRestart.batch?.shipments, before.batch?.shipments);
    } finally {
      await second.anvil.stop();
    }
  });

  it("sets up a new demo chain when the one on disk was deployed by an older MedProof", async () => {
    const deploymentFile = join(dataDir, "chain", "deployment.json");
    const deployment = JSON.parse(readFileSync(deploymentFile, "utf8")) as {
      addresses: Record<string, string>;
    };
    delete deployment.addresses.OrderBook;
    writeFileSync(deploymentFile, JSON.stringify(deployment));

    const chain = await start();
    try {
      assert.ok(chain.deployment.addresses.OrderBook, "the new deployment has every contract");
      assert.ok((await readGenuine(chain)).batch, "and the demo is seeded again");
    } finally {
      await chain.anvil.stop();
    }
  });

  it("keeps a transaction the barrier saved when the chain is killed right after", async () => {
    const first = await start();
    const hash = await sendAndSettle(first);
    first.anvil.process.kill("SIGKILL");
    await new Promise((resolve) => first.anvil.process.once("exit", resolve));

    const second = await start();
    try {
      assert.ok(
        await rpc(second.anvil.url, "eth_getTransactionReceipt", [hash]),
        "the saved transaction is there",
      );
    } finally {
      await second.anvil.stop();
    }
  });

  it("refuses a chain that comes back without a block the app confirmed", async () => {
    const first = await start();
    const older = readFileSync(files.spare, "utf8");
    await sendAndSettle(first);
    await first.anvil.stop();
    // Both state files lose the confirmed block, as a crash before the barrier existed lost them.
    writeFileSync(files.state, older);
    writeFileSync(files.spare, older);

    // A chain that starts anyway is stopped, so the failing test leaves no anvil behind.
    const started = start().then((chain) => chain.anvil.stop());
    await assert.rejects(started, /The local chain came back at block \d+, behind block \d+/);
  });
});
