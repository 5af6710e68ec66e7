// `npx tsx scripts/bench-labels.ts` (after `next build`; not part of `npm test`): measures, never
// asserts. On a fresh seeded chain and the production server, one client verifying box after box,
// alone and while a 480-label sheet is made: how long each verification waits, and how long the
// sheet takes. A verification stuck behind a sheet is what the label worker exists to prevent.
import { performance } from "node:perf_hooks";
import { startWorld } from "./lib/world";
import { demoSessionCookie } from "./lib/demo-session";
import { batchIdOf } from "../lib/chain/backoffice";
import { rpcProvider } from "../lib/chain/provider";

const BASELINE_VERIFICATIONS = 50;

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return `${sorted.length} verifications: p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${at(1).toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const world = await startWorld((message) => console.log(message));
  try {
    const codes = world.chain.scenarios.map((s) => s.code);
    const genuine = world.chain.scenarios.find((s) => s.id === "genuine")!;
    const deployment = world.chain.deployment;
    const batchId = await batchIdOf(
      deployment,
      rpcProvider(world.chain.anvil.url, deployment.chainId),
      genuine.gtin,
      genuine.lot,
    );
    const verifyOnce = async (i: number) => {
      const started = performance.now();
      const response = await fetch(
        `${world.server.url}/api/verify?code=${encodeURIComponent(codes[i % codes.length]!)}`,
      );
      await response.arrayBuffer();
      return performance.now() - started;
    };
    const alone: number[] = [];
    for (let i = 0; i < BASELINE_VERIFICATIONS; i++) alone.push(await verifyOnce(i));
    console.log(`Alone: ${summary(alone)}`);

    const sheetStarted = performance.now();
    let sheetMs = 0;
    const sheet = fetch(`${world.server.url}/manufacturer/batches/${batchId}/labels.pdf?count=480`, {
      headers: { cookie: await demoSessionCookie(world.server.url, "qinghe") },
    }).then(async (response) => {
      const bytes = (await response.arrayBuffer()).byteLength;
      sheetMs = performance.now() - sheetStarted;
      return { status: response.status, bytes };
    });
    const during: number[] = [];
    for (let i = 0; sheetMs === 0; i++) during.push(await verifyOnce(i));
    const { status, bytes } = await sheet;
    console.log(`During a 480-label sheet: ${summary(during)}`);
    console.log(`The sheet: ${status}, ${(bytes / 1e6).toFixed(2)} MB in ${(sheetMs / 1000).toFixed(1)} s`);
  } finally {
    await world.stop();
  }
}

// The server's chain watcher and caches would keep the process alive after the figures.
void main().then(() => process.exit(0));
