// `npm run soak`: a benchmark, not a test. Ten minutes (SOAK_MINUTES) of mixed traffic on loopback
// against a production build and a fresh seeded chain — verifications of the demo boxes, complaint
// pages, complaint filings refused for a wrong secret or by the rate limits, invalid codes — from 50
// clients, in one-minute rounds. Reports per round: requests/s, p95, 5xx; and the server's memory (RSS
// and V8 heap after a full GC) at the start and the end. Writes bench/soak.json and a BENCHMARKS.md section.
import { mkdirSync, writeFileSync } from "node:fs";
import { buildIfNeeded } from "./lib/build";
import { startWorld } from "./lib/world";
import { runLoadApart, type LoadRequest } from "./lib/load";
import { writeBenchmarksSection } from "./lib/report";

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const CONNECTIONS = 50;

interface Round {
  minute: number;
  requestsPerSecond: number;
  p95Ms: number;
  errors5xx: number;
  statuses: Record<string, number>;
  rssMb: number;
  heapMb: number;
}

function memory(): { rssMb: number; heapMb: number } {
  // The server runs in this process; a full GC first, so the heap figure is what is still referenced.
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: Math.round(rss / 2 ** 20), heapMb: Math.round(heapUsed / 2 ** 20) };
}

async function main(): Promise<void> {
  buildIfNeeded();
  const world = await startWorld((m) => console.log(m));
  const url = new URL(world.server.url);
  const codes = world.chain.scenarios.filter((s) => s.secret !== undefined).map((s) => s.code);
  const verify = (code: string): LoadRequest => ({ path: `/api/verify?code=${encodeURIComponent(code)}` });
  const file = (code: string): LoadRequest => ({
    path: "/api/complaints",
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code, secret: "0".repeat(26), kind: "spec-failure", description: "soak test" }),
  });
  // 16 verifications, 2 complaint pages, 1 refused filing, 1 invalid code per 20 requests.
  const mix: LoadRequest[] = [];
  for (let i = 0; i < 16; i++) mix.push(verify(codes[i % codes.length] ?? "no demo box"));
  mix.push({ path: "/api/complaints/1" }, { path: "/api/complaints/1" });
  mix.push(file(codes[0] ?? "no demo box"));
  mix.push(verify("not a code"));

  const rounds: Round[] = [];
  const start = memory();
  console.log(
    `Soak: ${MINUTES} min, ${CONNECTIONS} clients; start RSS ${start.rssMb} MB, heap ${start.heapMb} MB`,
  );
  try {
    for (let minute = 1; minute <= MINUTES; minute++) {
      const { result } = await runLoadApart({
        host: url.hostname,
        port: Number(url.port),
        connections: CONNECTIONS,
        seconds: 60,
        requests: mix,
      });
      const round: Round = {
        minute,
        requestsPerSecond: result.requestsPerSecond,
        p95Ms: result.latencyMs.p95,
        errors5xx: result.errors,
        statuses: result.statuses,
        ...memory(),
      };
      rounds.push(round);
      console.log(JSON.stringify(round));
    }
  } finally {
    await world.stop();
  }
  const end = rounds.at(-1);
  const total5xx = rounds.reduce((n, r) => n + r.errors5xx, 0);
  mkdirSync("bench", { recursive: true });
  writeFileSync(
    "bench/soak.json",
    JSON.stringify({ minutes: MINUTES, connections: CONNECTIONS, start, rounds }, null, 2) + "\n",
  );
  const p95s = rounds.map((r) => r.p95Ms);
  writeBenchmarksSection(
    "Soak",
    [
      `\`npm run soak\` on ${new Date().toISOString().slice(0, 10)}: ${MINUTES} min of mixed traffic from ${CONNECTIONS} clients`,
      "(16 verifications, 2 complaint pages, 1 complaint refused for a wrong secret or by the rate limit, 1 invalid",
      "code in every 20 requests), server and chain on the same two cores as the load generator.",
      "",
      "| figure | value | goal |",
      "| --- | --- | --- |",
      `| requests, 5xx responses | ${rounds.reduce((n, r) => n + Object.values(r.statuses).reduce((a, b) => a + b, 0), 0)}, ${total5xx} | 0 5xx |`,
      `| server RSS, idle start → after minute 1 → end | ${start.rssMb} MB → ${rounds[0]?.rssMb ?? "?"} MB → ${end?.rssMb ?? "?"} MB | flat under load |`,
      `| server RSS per minute after the first, min / max | ${Math.min(...rounds.slice(1).map((r) => r.rssMb))} MB / ${Math.max(...rounds.slice(1).map((r) => r.rssMb))} MB | flat |`,
      `| V8 heap after GC, idle start → after minute 1 → end | ${start.heapMb} MB → ${rounds[0]?.heapMb ?? "?"} MB → ${end?.heapMb ?? "?"} MB | flat |`,
      `| p95 per minute, min / max | ${Math.min(...p95s)} ms / ${Math.max(...p95s)} ms | stable |`,
      `| requests/s per minute, min / max | ${Math.min(...rounds.map((r) => r.requestsPerSecond))} / ${Math.max(...rounds.map((r) => r.requestsPerSecond))} | |`,
    ].join("\n"),
  );
  console.log("\nWrote bench/soak.json and the Soak section of BENCHMARKS.md");
  process.exit(0);
}

void main();
