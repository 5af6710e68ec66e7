// The two-level read model on a real seeded chain, with the watcher subscribed as the server's is: an
// event about one batch refreshes that batch's record and leaves another batch's alone; a new box of a
// cached batch costs one small read; a complaint upheld, a price recorded, the maker's licence revoked,
// this very box sold and its batch recalled each show in the very next verdict; a node that lags behind
// an event never refills the cache; a reorg's removed log is honoured.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedChain, type EmbeddedChain } from "../../scripts/lib/embedded";
import { freePort } from "../../scripts/lib/ports";
import { contractInterface, type ContractName } from "../chain/contracts";
import { BoxReader } from "../chain/reader";
import { ChainWatcher } from "../chain/watcher";
import type { ChainLog } from "../chain/event-keys";
import { demoBoxSecret } from "../../scripts/demo/accounts";
import { PARTIES } from "../../scripts/demo/world";
import { possessionProof, signPossession } from "../chain/possession";
import { openDb } from "../stores/db";
import { PossessionStore } from "../stores/possession-store";
import type { Scenario } from "../../scripts/demo/seed";
import { readScannedCode, Verifier, type VerifyResponse } from "./verify";

const dataDir = mkdtempSync(join(tmpdir(), "medproof-read-model-"));
let chain: EmbeddedChain;
let watcher: ChainWatcher;
let reader: BoxReader;
let verifier: Verifier;
let accounts: string[];
/** The highest block of any log the watcher handed on, and how often it said "forget everything". */
let seenBlock = 0;
let resets = 0;

/** What the server's runtime does with each change the watcher reports. */
function onChange(log: ChainLog | null): void {
  if (log === null) {
    resets += 1;
    return reader.invalidate();
  }
  seenBlock = Math.max(seenBlock, Number(log.blockNumber));
  reader.changed(log);
}

/** Between the reader and the node: answers eth_call at `lagBlock` instead of the latest, when set. */
let lagBlock: number | null = null;
let proxy: Server;

async function rpc(method: string, params: unknown[] = [], url = chain.anvil.url): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), "timed out");
}

/** Sends a transaction from one of anvil's unlocked accounts and waits until the watcher saw its block. */
async function send(
  from: number,
  contract: ContractName,
  method: string,
  args: unknown[],
): Promise<ChainLog[]> {
  const data = contractInterface(contract).encodeFunctionData(method, args);
  const to = chain.deployment.addresses[contract];
  const hash = await rpc("eth_sendTransaction", [{ from: accounts[from], to, data }]);
  type Receipt = { status: string; blockNumber: string; logs: ChainLog[] };
  let receipt = (await rpc("eth_getTransactionReceipt", [hash])) as Receipt | null;
  while (receipt === null) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    receipt = (await rpc("eth_getTransactionReceipt", [hash])) as Receipt | null;
  }
  assert.equal(receipt.status, "0x1", `${contract}.${method} succeeded`);
  const block = Number(receipt.blockNumber);
  await until(() => seenBlock >= block);
  return receipt.logs;
}

async function call(contract: ContractName, method: string, args: unknown[]) {
  const iface = contractInterface(contract);
  const data = iface.encodeFunctionData(method, args);
  const result = await rpc("eth_call", [{ to: chain.deployment.addresses[contract], data }, "latest"]);
  return iface.decodeFunctionResult(method, String(result));
}

const scenario = (id: string): Scenario => {
  const found = chain.scenarios.find((s) => s.id === id);
  assert.ok(found, id);
  return found;
};

async function verify(code: string): Promise<VerifyResponse> {
  const scanned = readScannedCode(code);
  assert.ok(!("status" in scanned), code);
  const outcome = await verifier.verify(scanned, { region: 320500, device: "test" });
  assert.equal(outcome.status, 200);
  return outcome.body as VerifyResponse;
}

/** What verifying `code` cost in batch reads (report), box reads (boxState) and eth_calls in all. */
async function costOf(code: string) {
  const [batch, box, calls] = [reader.batchReads, reader.boxReads, reader.rpcCalls];
  const body = await verify(code);
  return {
    batch: reader.batchReads - batch,
    box: reader.boxReads - box,
    calls: reader.rpcCalls - calls,
    body,
  };
}

const check = (body: VerifyResponse, id: string) => body.checks.find((c) => c.id === id);

before(async () => {
  const port = await freePort();
  chain = await startEmbeddedChain({
    dataDir: join(dataDir, "chain"),
    port,
    digitalLinkBase: "http://localhost:3000",
    demoDir: join(dataDir, "demo"),
    // The seeded batches' possession lists go to an embedded database, which the complaint test reads.
    databaseUrl: null,
  });
  accounts = (await rpc("eth_accounts")) as string[];
  proxy = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString()) as { method: string; params: unknown[] };
    if (lagBlock !== null && body.method === "eth_call") body.params[1] = `0x${lagBlock.toString(16)}`;
    const answer = await fetch(chain.anvil.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    response.end(await answer.text());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  watcher = new ChainWatcher({
    wsUrl: `ws://127.0.0.1:${port}`,
    addresses: Object.values(chain.deployment.addresses),
    onChange,
  });
  reader = new BoxReader({
    rpcUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    lensAddress: chain.deployment.addresses.MedProofLens,
    cacheIsSafe: () => watcher.isLive(),
  });
  verifier = new Verifier(reader, null);
  await until(() => watcher.isLive());
});

after(async () => {
  await watcher?.stop();
  proxy?.closeAllConnections();
  proxy?.close();
  await chain?.anvil.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the read model on a real chain", () => {
  it("reads a batch once, then one small read per new box and none for a box seen before", async () => {
    const genuine = scenario("genuine");
    const first = await costOf(genuine.code);
    assert.deepEqual([first.batch, first.box, first.calls], [1, 0, 1], "a batch's first box: one report");
    assert.equal(first.body.verdict, "genuine");
    const again = await costOf(genuine.code);
    assert.deepEqual([again.batch, again.box, again.calls], [0, 0, 0], "the same box again: nothing");
    const other = await costOf(
      genuine.code.replace(`/21/${genuine.serial}`, `/21/${Number(genuine.serial) + 1}`),
    );
    assert.deepEqual(
      [other.batch, other.box, other.calls],
      [0, 1, 1],
      "a new box of the batch: one boxState",
    );

    // A box sold before its batch was cached: its state and seller are the same as one report gives.
    const cloned = scenario("cloned");
    await verify(cloned.code.replace(`/21/${cloned.serial}`, `/21/${Number(cloned.serial) + 1}`));
    const sold = await costOf(cloned.code);
    assert.equal(sold.batch, 0);
    assert.ok(sold.calls <= 2, "boxState, and party when the batch's record does not describe the seller");
    const whole = new BoxReader({
      rpcUrl: chain.anvil.url,
      lensAddress: chain.deployment.addresses.MedProofLens,
    });
    const query = { gtin: cloned.gtin, lot: cloned.lot, serial: cloned.serial };
    const [cached, fromReport] = [await reader.read(query), await whole.read(query)];
    assert.ok(cached.serial?.sale, "the box is sold");
    assert.deepEqual(cached.serial, fromReport.serial);
  });

  it("shows an upheld complaint, a price record and the maker's revoked licence in the next verdict", async () => {
    const genuine = scenario("genuine");
    const batchId = String(
      (await call("BatchRegistry", "batchIdOf", [BigInt(genuine.gtin), genuine.lot]))[0],
    );
    const before = await verify(genuine.code);
    assert.equal(check(before, "complaints")?.status, "pass");

    // A shopper (an account of the node's own) files about this box with its possession signature, the
    // maker answers, an inspector upholds.
    const shopper = 15;
    const db = openDb({ databaseUrl: null, dataDir: join(dataDir, "chain") });
    const list = await new PossessionStore(db).read(batchId).finally(() => db.close());
    assert.ok(list);
    const serial = Number(genuine.serial);
    const signature = signPossession(demoBoxSecret(genuine.gtin, genuine.lot, serial), {
      complainant: accounts[shopper]!,
      batchId,
      serial,
      chainId: chain.deployment.chainId,
      registry: chain.deployment.addresses.ComplaintRegistry,
    });
    const renxin = accounts[PARTIES.renxin.account]!;
    const evidence = "0x" + "11".repeat(32);
    const proof = possessionProof(list.leaves, serial - list.serialStart);
    await send(shopper, "ComplaintRegistry", "fileComplaint", [
      BigInt(genuine.gtin),
      genuine.lot,
      serial,
      0,
      signature,
      proof,
      7500,
      renxin,
      evidence,
    ]);
    const filed = await verify(genuine.code);
    const complaintId = BigInt(
      (await call("ComplaintRegistry", "complaintsOf", [batchId]))[0].at(-1).id as bigint,
    );
    await send(PARTIES.qinghe.account, "ComplaintRegistry", "answer", [complaintId, evidence]);
    await send(PARTIES.inspector.account, "ComplaintRegistry", "rule", [complaintId, true, evidence]);
    const upheld = await verify(genuine.code);
    assert.notEqual(check(upheld, "complaints")?.detail, check(filed, "complaints")?.detail);
    assert.notEqual(check(upheld, "complaints")?.status, "pass", "an upheld complaint is told");

    await send(PARTIES.inspector.account, "PriceRegistry", "recordPrice", [
      renxin,
      batchId,
      320500,
      2,
      95,
      evidence,
    ]);
    const priced = await verify(genuine.code);
    assert.equal(priced.price.records.length, upheld.price.records.length + 1);
    assert.ok(priced.price.records.some((r) => r.fenPerPiece === 95));

    const licenceId = (await call("BatchRegistry", "batch", [batchId]))[0].productionLicenceId as bigint;
    const now = Number(
      ((await rpc("eth_getBlockByNumber", ["latest", false])) as { timestamp: string }).timestamp,
    );
    await send(PARTIES.regulator.account, "AccessRegistry", "revokeLicence", [licenceId, now, "test"]);
    const revoked = await verify(genuine.code);
    assert.ok(
      revoked.batch?.timeline.some((e) => e.kind === "licence" && e.status === "warn"),
      "the revocation is on the timeline",
    );
    assert.ok(!priced.batch?.timeline.some((e) => e.kind === "licence" && e.status === "warn"));
  });

  it("refreshes the batch an event touches and leaves another batch's record alone", async () => {
    const genuine = scenario("genuine");
    const other = scenario("high-yield");
    await verify(other.code);
    const before = await verify(genuine.code);
    assert.equal(
      before.batch?.timeline.some((e) => e.kind === "sale"),
      false,
    );
    const batchId = String(
      (await call("BatchRegistry", "batchIdOf", [BigInt(genuine.gtin), genuine.lot]))[0],
    );

    // This very box is sold at 仁心.
    await send(PARTIES.renxin.account, "CustodyRegistry", "decommission", [batchId, BigInt(genuine.serial)]);
    const untouched = await costOf(other.code);
    assert.deepEqual([untouched.batch, untouched.box], [0, 0], "the other batch is still cached");
    const sold = await costOf(genuine.code);
    assert.equal(sold.batch, 1, "the sold box's batch is read again");
    assert.ok(
      sold.body.batch?.timeline.some((e) => e.kind === "sale"),
      "the sale shows",
    );

    await send(PARTIES.regulator.account, "BatchRegistry", "recall", [batchId, "test recall"]);
    const recalled = await verify(genuine.code);
    assert.equal(recalled.verdict, "suspect");
    assert.equal(check(recalled, "recall")?.status, "fail");
    assert.ok(recalled.block > sold.body.block);
    const stillOther = await costOf(other.code);
    assert.deepEqual([stillOther.batch, stillOther.box], [0, 0], "a recall elsewhere costs it nothing");
  });

  it("never refills the cache from a node that answers at a block older than an event it saw", async () => {
    const genuine = scenario("genuine");
    const batchId = String(
      (await call("BatchRegistry", "batchIdOf", [BigInt(genuine.gtin), genuine.lot]))[0],
    );
    const lagging = seenBlock - 1; // before the recall
    await send(PARTIES.inspector.account, "PriceRegistry", "recordPrice", [
      accounts[PARTIES.renxin.account],
      batchId,
      320500,
      2,
      96,
      "0x" + "22".repeat(32),
    ]);
    lagBlock = lagging;
    try {
      const stale = await costOf(genuine.code);
      assert.equal(stale.batch, 1);
      assert.equal(stale.body.block, lagging, "the lagging answer names its own, older block");
      const staleAgain = await costOf(genuine.code);
      assert.equal(staleAgain.batch, 1, "and was not kept");
    } finally {
      lagBlock = null;
    }
    const fresh = await costOf(genuine.code);
    assert.equal(fresh.batch, 1);
    assert.equal(fresh.body.verdict, "suspect");
    assert.ok(fresh.body.price.records.some((r) => r.fenPerPiece === 96));
    assert.deepEqual((await costOf(genuine.code)).batch, 0, "a current answer is kept");
  });

  it("honours a reorg, told by new heads or by removed logs", async () => {
    const other = scenario("high-yield");
    const batchId = String((await call("BatchRegistry", "batchIdOf", [BigInt(other.gtin), other.lot]))[0]);
    const logs = await send(PARTIES.regulator.account, "BatchRegistry", "recall", [batchId, "then reorged"]);
    assert.equal((await verify(other.code)).verdict, "suspect");
    // anvil takes the recall's block back and sends no removed logs, but its new head does not extend
    // the last one.
    const before = resets;
    await rpc("anvil_reorg", [1, []]);
    await until(() => resets > before);
    assert.notEqual((await verify(other.code)).verdict, "suspect", "the recall is gone with its block");
    // A node that reports a reorg with removed: true logs (handed on by the watcher, watcher.test.ts):
    // they invalidate what they name, like any other log.
    assert.equal((await costOf(other.code)).batch, 0);
    for (const log of logs) onChange({ ...log, removed: true });
    assert.equal((await costOf(other.code)).batch, 1, "read again after the removed log");
  });
});
