// `npm run soak`: a benchmark, not a test. Ten minutes (SOAK_MINUTES) of mixed traffic on loopback
// against a production build and a fresh seeded chain — verifications of the demo boxes, complaint
// pages, complaint filings refused for a wrong secret or by the rate limits, invalid codes — from 50
// clients, in one-minute rounds. Then one more minute of the same mix with hostile traffic beside it:
// broken %-escapes in every kind of path, verifications of random serials (a read the caches have never
// seen), /regulator page views and label sheets of a whole batch. Reports per round: requests/s, p95 (all
// and verifications alone), 5xx; for the hostile minute: hung requests (no answer in 30 s), 5xx, open file
// descriptors and connections after it, and the verification p95 beside the normal minutes'; the
// server's memory (RSS and V8 heap after a full GC) throughout. Writes bench/soak.json and a BENCHMARKS.md
// section.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { buildIfNeeded } from "./lib/build";
import { startWorld, type World } from "./lib/world";
import { demoSessionCookie } from "./lib/demo-session";
import { runLoadApart, type LoadRequest, type LoadResult } from "./lib/load";
import { writeBenchmarksSection } from "./lib/report";
import { batchIdOf } from "../lib/chain/backoffice";
import { rpcProvider } from "../lib/chain/provider";

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const CONNECTIONS = 50;
/** Clients sending the hostile mix, beside the 50 of the normal one. */
const HOSTILE_CONNECTIONS = 20;
/** Makers printing label sheets back to back: each sheet is a whole batch's worth (the route's cap). */
const LABEL_CONNECTIONS = 2;
/**
 * A request with no answer after this long is hung: far beyond a slow answer (a label sheet on a busy
 * server takes tens of seconds), short of the 300 s after which Node itself gives up on a request.
 */
const HUNG_AFTER_MS = 120_000;
/** The hostile minute's verification p95 may be at most this multiple of the normal minutes'. */
const P95_GOAL_RATIO = 1.5;

interface Round {
  minute: number;
  requestsPerSecond: number;
  p95Ms: number;
  verifyP95Ms: number;
  errors5xx: number;
  statuses: Record<string, number>;
  rssMb: number;
  heapMb: number;
}

interface Handles {
  fds: number;
  connections: number;
}

/** The minute of normal traffic with hostile traffic beside it, one load generator each. */
interface HostileMinute {
  normal: LoadResult;
  hostile: LoadResult;
  labels: LoadResult;
  before: Handles;
  after: Handles & { settledSeconds: number };
  memory: { rssMb: number; heapMb: number };
}

function memory(): { rssMb: number; heapMb: number } {
  // The server runs in this process; a full GC first, so the heap figure is what is still referenced.
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: Math.round(rss / 2 ** 20), heapMb: Math.round(heapUsed / 2 ** 20) };
}

/**
 * The server's inbound HTTP connections, and this process's file descriptors (the server's, and its
 * sockets to the chain's RPC).
 */
async function openHandles(world: World): Promise<Handles> {
  const connections = await new Promise<number>((resolve) =>
    world.server.server.getConnections((error, count) => resolve(error ? -1 : count)),
  );
  return { fds: readdirSync("/proc/self/fd").length, connections };
}

/**
 * The handles once the clients are gone: a socket a client closed leaves the server as soon as its event
 * loop gets to it (late when the loop is busy); one the server holds never does. Waits up to a minute.
 */
async function handlesAfterLoad(world: World): Promise<Handles & { settledSeconds: number }> {
  const began = Date.now();
  let handles = await openHandles(world);
  while (handles.connections > 0 && Date.now() - began < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    handles = await openHandles(world);
  }
  return { ...handles, settledSeconds: Math.round((Date.now() - began) / 100) / 10 };
}

const fiveHundreds = (statuses: Record<string, number>) =>
  Object.entries(statuses).reduce((n, [status, count]) => n + (Number(status) >= 500 ? count : 0), 0);

const verifyP95 = (result: LoadResult) => result.byLabel.verify?.latencyMs.p95 ?? 0;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function main(): Promise<void> {
  buildIfNeeded();
  const world = await startWorld((m) => console.log(m));
  const url = new URL(world.server.url);
  const target = { host: url.hostname, port: Number(url.port) };
  const codes = world.chain.scenarios.filter((s) => s.secret !== undefined).map((s) => s.code);
  const verify = (code: string, label?: string): LoadRequest => ({
    path: `/api/verify?code=${encodeURIComponent(code)}`,
    ...(label ? { label } : {}),
  });
  const file = (code: string): LoadRequest => ({
    path: "/api/complaints",
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code, secret: "0".repeat(26), kind: "spec-failure", description: "soak test" }),
  });
  // 16 verifications, 2 complaint pages, 1 refused filing, 1 invalid code per 20 requests.
  const mix: LoadRequest[] = [];
  for (let i = 0; i < 16; i++) mix.push(verify(codes[i % codes.length] ?? "no demo box", "verify"));
  mix.push({ path: "/api/complaints/1" }, { path: "/api/complaints/1" });
  mix.push(file(codes[0] ?? "no demo box"));
  mix.push(verify("not a code"));

  // The hostile mix, per 20 requests: 6 broken escapes, 10 random serials of a real lot, 4 /regulator views.
  const genuine = world.chain.scenarios.find((s) => s.id === "genuine");
  if (genuine === undefined) throw new Error("the demo has no genuine box");
  const provider = rpcProvider(world.chain.anvil.url, world.chain.deployment.chainId);
  const broken = [
    "/demo/%zz.png",
    "/participants/%zz",
    "/complaints/%zz",
    "/01/%zz",
    "/api/complaints/%zz",
    "/manufacturer/batches/%zz/labels.pdf",
  ].map((path): LoadRequest => ({ path, label: "broken escape" }));
  const randomSerial = (): LoadRequest =>
    verify(
      `${url.origin}/01/${genuine.gtin}/10/${genuine.lot}/21/${1 + Math.floor(Math.random() * 1e9)}`,
      "random serial",
    );
  const hostile: LoadRequest[] = [];
  for (let i = 0; i < 100; i++) {
    hostile.push(...broken, ...Array.from({ length: 10 }, randomSerial));
    hostile.push(
      ...Array.from({ length: 4 }, (): LoadRequest => ({ path: "/regulator", label: "regulator" })),
    );
  }
  const labels: LoadRequest[] = [
    {
      path: `/manufacturer/batches/${await batchIdOf(world.chain.deployment, provider, genuine.gtin, genuine.lot)}/labels.pdf`,
      headers: { cookie: await demoSessionCookie(url.origin, "qinghe") },
      label: "label sheet",
    },
  ];

  const rounds: Round[] = [];
  const start = memory();
  console.log(
    `Soak: ${MINUTES} min, ${CONNECTIONS} clients; start RSS ${start.rssMb} MB, heap ${start.heapMb} MB`,
  );
  let hostileMinute: HostileMinute | undefined;
  try {
    for (let minute = 1; minute <= MINUTES; minute++) {
      const { result } = await runLoadApart({
        ...target,
        connections: CONNECTIONS,
        seconds: 60,
        requests: mix,
      });
      const round: Round = {
        minute,
        requestsPerSecond: result.requestsPerSecond,
        p95Ms: result.latencyMs.p95,
        verifyP95Ms: verifyP95(result),
        errors5xx: result.errors,
        statuses: result.statuses,
        ...memory(),
      };
      rounds.push(round);
      console.log(JSON.stringify(round));
    }
    const before = await openHandles(world);
    console.log(
      `Hostile minute: ${HOSTILE_CONNECTIONS} + ${LABEL_CONNECTIONS} clients beside the ${CONNECTIONS}`,
    );
    const minute = (connections: number, requests: LoadRequest[]) =>
      runLoadApart({ ...target, connections, seconds: 60, requests, timeoutMs: HUNG_AFTER_MS }).then(
        ({ result }) => result,
      );
    const [normal, bad, sheets] = await Promise.all([
      minute(CONNECTIONS, mix),
      minute(HOSTILE_CONNECTIONS, hostile),
      minute(LABEL_CONNECTIONS, labels),
    ]);
    hostileMinute = {
      normal,
      hostile: bad,
      labels: sheets,
      before,
      after: await handlesAfterLoad(world),
      memory: memory(),
    };
    console.log(JSON.stringify(hostileMinute));
  } finally {
    await world.stop();
  }
  if (hostileMinute !== undefined) report(start, rounds, hostileMinute);
  process.exit(0);
}

function report(start: { rssMb: number; heapMb: number }, rounds: Round[], hostile: HostileMinute): void {
  const end = rounds.at(-1);
  const total5xx = rounds.reduce((n, r) => n + r.errors5xx, 0);
  mkdirSync("bench", { recursive: true });
  writeFileSync(
    "bench/soak.json",
    JSON.stringify({ minutes: MINUTES, connections: CONNECTIONS, start, rounds, hostile }, null, 2) + "\n",
  );
  const p95s = rounds.map((r) => r.p95Ms);
  const normalVerifyP95 = median(rounds.map((r) => r.verifyP95Ms));
  const hostileVerifyP95 = verifyP95(hostile.normal);
  const ratio = normalVerifyP95 > 0 ? hostileVerifyP95 / normalVerifyP95 : Number.NaN;
  const all = [hostile.normal, hostile.hostile, hostile.labels];
  const hung = all.reduce((n, r) => n + r.hung, 0);
  const labelFigures = (result: LoadResult) =>
    Object.entries(result.byLabel)
      .map(
        ([label, f]) =>
          `| hostile: ${label} | ${f.requests} requests, p95 ${f.latencyMs.p95} ms, statuses ${JSON.stringify(f.statuses).replace(/"/g, "")} | answered, no 5xx |`,
      )
      .join("\n");
  writeBenchmarksSection(
    "Soak",
    [
      `\`npm run soak\` on ${new Date().toISOString().slice(0, 10)}: ${MINUTES} min of mixed traffic from ${CONNECTIONS} clients`,
      "(16 verifications, 2 complaint pages, 1 complaint refused for a wrong secret or by the rate limit, 1 invalid",
      "code in every 20 requests), then one minute of the same mix with hostile traffic beside it:",
      `${HOSTILE_CONNECTIONS} clients sending broken %-escapes, verifications of random serials and /regulator views,`,
      `and ${LABEL_CONNECTIONS} printing whole label sheets back to back. Server and chain on the same two cores as the`,
      "load generators.",
      "",
      "| figure | value | goal |",
      "| --- | --- | --- |",
      `| requests, 5xx responses | ${rounds.reduce((n, r) => n + Object.values(r.statuses).reduce((a, b) => a + b, 0), 0)}, ${total5xx} | 0 5xx |`,
      `| server RSS, idle start → after minute 1 → end | ${start.rssMb} MB → ${rounds[0]?.rssMb ?? "?"} MB → ${end?.rssMb ?? "?"} MB | flat under load |`,
      `| server RSS per minute after the first, min / max | ${Math.min(...rounds.slice(1).map((r) => r.rssMb))} MB / ${Math.max(...rounds.slice(1).map((r) => r.rssMb))} MB | flat |`,
      `| V8 heap after GC, idle start → after minute 1 → end | ${start.heapMb} MB → ${rounds[0]?.heapMb ?? "?"} MB → ${end?.heapMb ?? "?"} MB | flat |`,
      `| p95 per minute, min / max | ${Math.min(...p95s)} ms / ${Math.max(...p95s)} ms | stable |`,
      `| requests/s per minute, min / max | ${Math.min(...rounds.map((r) => r.requestsPerSecond))} / ${Math.max(...rounds.map((r) => r.requestsPerSecond))} | |`,
      `| hostile minute: verification p95 / normal minutes' median | ${hostileVerifyP95} ms / ${normalVerifyP95} ms = ${ratio.toFixed(2)}× | ≤ ${P95_GOAL_RATIO}× |`,
      `| hostile minute: hung requests (no answer in ${HUNG_AFTER_MS / 1000} s) | ${hung} | 0 |`,
      `| hostile minute: 5xx (normal mix, hostile mix, label sheets) | ${all.map((r) => fiveHundreds(r.statuses)).join(", ")} | 0 |`,
      `| hostile minute: connections closed without an answer (same order) | ${all.map((r) => (r.statuses["0"] ?? 0) - r.hung).join(", ")} | 0 |`,
      `| hostile minute: inbound connections open before → after (settled in) | ${hostile.before.connections} → ${hostile.after.connections} (${hostile.after.settledSeconds} s) | 0 after |`,
      `| hostile minute: process file descriptors before → after (incl. RPC sockets) | ${hostile.before.fds} → ${hostile.after.fds} | |`,
      `| hostile minute: RSS, V8 heap after GC at its end | ${hostile.memory.rssMb} MB, ${hostile.memory.heapMb} MB | flat |`,
      labelFigures(hostile.hostile),
      labelFigures(hostile.labels),
    ].join("\n"),
  );
  console.log(
    `\nHostile minute: verification p95 ${hostileVerifyP95} ms vs ${normalVerifyP95} ms (${ratio.toFixed(2)}×, goal ≤ ${P95_GOAL_RATIO}×), ` +
      `${hung} hung, 5xx ${all.map((r) => fiveHundreds(r.statuses)).join("/")}`,
  );
  console.log("Wrote bench/soak.json and the Soak section of BENCHMARKS.md");
}

void main();
