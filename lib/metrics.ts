// The process's Prometheus metrics (prom-client), served as text on GET /metrics. Two kinds: counted as
// they happen (verifications by verdict, their latency), and read when scraped from the services that
// already keep the figure (the read cache's hits and misses, RPC errors, the relayer's queue and balance:
// see lib/queries/health.ts), so the hot path pays nothing for a figure nobody asked for.
//
// Kept on globalThis (like lib/queries/runtime.ts): the custom server and Next's compiled routes load
// separate copies of this module, and a verdict page's verification must land in the registry scraped.
import { Counter, Histogram, Registry } from "prom-client";

interface Metrics {
  registry: Registry;
  verifications: Counter<"verdict">;
  verificationSeconds: Histogram;
}

const KEY = Symbol.for("medproof.metrics");
type Holder = { [KEY]?: Metrics };

function create(): Metrics {
  const registry = new Registry();
  return {
    registry,
    verifications: new Counter({
      name: "medproof_verifications_total",
      help: "Verifications answered, by verdict (or invalid_code, chain_unavailable when none was given)",
      labelNames: ["verdict"],
      registers: [registry],
    }),
    // The budget is p95 ≤ 30 ms: buckets fine below it, coarse above.
    verificationSeconds: new Histogram({
      name: "medproof_verification_duration_seconds",
      help: "Time to answer a verification, from the scanned text to the verdict",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1, 3],
      registers: [registry],
    }),
  };
}

/** The registry and the metrics counted as they happen. */
export function metrics(): Metrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= create();
  return holder[KEY];
}

/** Counts one verification under `verdict` and observes how long it took. */
export function recordVerification(verdict: string, seconds: number): void {
  const { verifications, verificationSeconds } = metrics();
  verifications.inc({ verdict });
  verificationSeconds.observe(seconds);
}
