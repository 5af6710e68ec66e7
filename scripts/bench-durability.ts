// `npx tsx scripts/bench-durability.ts`: what the embedded chain's durability barrier costs a confirmed
// reply, never asserts. On a fresh seeded demo chain, bursts of transactions are sent at once; each is
// timed from its send to its receipt (what a reply waited for before the barrier) and to its receipt and
// settle() (the state holding it dumped, written, fsynced). Prints one line per burst size.
//
// 2026-12-06 on the seeded demo chain (2.6 MB of state JSON, 0.44 MB gzipped; 2 cores shared with other
// runs): one reply 4.7 → 407 ms mean (p50 3.6 → 369 ms); bursts of 10, 21 → 720 ms; bursts of 50,
// 53 → 671 ms, the burst sharing one or two dumps. anvil_dumpState is most of it (73–560 ms a dump);
// gunzip ~10 ms, write + fsync + rename + folder fsync ~10–25 ms.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedChain } from "./lib/embedded";
import { freePort } from "./lib/ports";
import { rpcProvider } from "../lib/chain/provider";
import { embeddedStateFiles } from "../lib/chain/durable-state";
import { DurabilityBarrier } from "../lib/chain/durability";

const BURSTS = [1, 10, 50];
const ROUNDS = 5;

const ms = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!.toFixed(1);

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "medproof-bench-durability-"));
  const dataDir = join(root, "data");
  const chain = await startEmbeddedChain({
    dataDir,
    port: await freePort(),
    digitalLinkBase: "http://localhost:3000",
    demoDir: join(root, "demo"),
  });
  try {
    const files = embeddedStateFiles(dataDir);
    const barrier = new DurabilityBarrier(rpcProvider(chain.anvil.url), files);
    const [from, to] = (await rpcProvider(chain.anvil.url).send("eth_accounts", [])) as string[];
    const reply = async (durable: boolean) => {
      const started = performance.now();
      await rpcProvider(chain.anvil.url).send("eth_sendTransaction", [{ from, to, value: "0x1" }]);
      if (durable) await barrier.settle();
      return performance.now() - started;
    };
    for (const burst of BURSTS) {
      for (const durable of [false, true]) {
        const times: number[] = [];
        for (let round = 0; round < ROUNDS; round += 1)
          times.push(...(await Promise.all(Array.from({ length: burst }, () => reply(durable)))));
        const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
        console.log(
          `burst of ${burst}, ${durable ? "receipt + barrier" : "receipt only     "}: ` +
            `mean ${mean.toFixed(1)} ms, p50 ${ms(times, 0.5)} ms, p95 ${ms(times, 0.95)} ms per reply`,
        );
      }
    }
    console.log(`state on disk: ${(statSync(files.spare).size / 1e6).toFixed(2)} MB`);
  } finally {
    await chain.anvil.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
