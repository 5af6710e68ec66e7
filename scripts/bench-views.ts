// `npx tsx scripts/bench-views.ts`: measures the two public read-heavy pages, never asserts. On a production
// build and a fresh seeded local chain (the server's RPC through a counting proxy), it records the JSON-RPC
// requests (and the HTTP requests they travel in) one view of /regulator and of a participant's profile
// costs, first and again with nothing changed, and autocannon's requests per second on each page
// (10 connections, 10 s). Writes bench/views.json.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync, writeFileSync } from "node:fs";
import { buildIfNeeded } from "./lib/build";
import { startWorld, type World } from "./lib/world";

const SECONDS = Number(process.env.BENCH_VIEWS_SECONDS ?? 10);
const CONNECTIONS = 10;
/** 便民大药房, a registered pharmacy of the demo. */
const PROFILE = "/participants/0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";

function delta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([method, n]) => [method, n - (before[method] ?? 0)] as const)
      .filter(([, n]) => n > 0),
  );
}

/** JSON-RPC requests by method one view sends, and the HTTP requests they travel in. */
async function requestsPerView(world: World, path: string): Promise<Record<string, number>> {
  const before = world.rpc!.counts();
  const httpBefore = world.rpc!.httpRequests();
  const response = await fetch(`${world.server.url}${path}`);
  await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return { ...delta(before, world.rpc!.counts()), http: world.rpc!.httpRequests() - httpBefore };
}

/** In a child process, asynchronously: the server under test runs in this process's event loop. */
async function autocannon(
  url: string,
): Promise<{ requestsPerSecond: number; p50: number; p99: number; errors: number }> {
  const { stdout: out } = await promisify(execFile)(
    "node_modules/.bin/autocannon",
    ["-c", String(CONNECTIONS), "-d", String(SECONDS), "-j", url],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const result = JSON.parse(out) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    errors: number;
    non2xx: number;
  };
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main(): Promise<void> {
  buildIfNeeded();
  const world = await startWorld(undefined, { countRpc: true });
  try {
    // Counted before any load: an autocannon run leaves renders in flight that would be counted too.
    // The first view is a cold read; the repeat views come once the watcher is surely live.
    const figures: Record<string, Record<string, unknown>> = {};
    figures["/regulator"] = { rpcFirstView: await requestsPerView(world, "/regulator") };
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await requestsPerView(world, "/regulator");
    figures["/regulator"].rpcRepeatView = await requestsPerView(world, "/regulator");
    figures[PROFILE] = {
      rpcFirstView: await requestsPerView(world, PROFILE),
      rpcRepeatView: await requestsPerView(world, PROFILE),
    };
    for (const path of ["/regulator", PROFILE]) {
      Object.assign(
        figures[path]!,
        { connections: CONNECTIONS },
        await autocannon(`${world.server.url}${path}`),
      );
      console.log(path, JSON.stringify(figures[path]));
    }
    mkdirSync("bench", { recursive: true });
    writeFileSync("bench/views.json", JSON.stringify(figures, null, 2) + "\n");
  } finally {
    await world.stop();
  }
}

void main();
