// The metrics read from the services when /metrics is scraped: the read cache's hits and misses and the
// RPC errors (counted by the reader), the relayer's queue and its balance. Reading them at scrape time
// keeps the verify path free of metric calls, and the balance costs one RPC per scrape, not per request.
import { Counter, Gauge } from "prom-client";
import { metrics } from "../metrics";
import type { Runtime } from "./runtime";

/** Registers the scraped metrics of `services` once per process (a second call finds them registered). */
export function collectRuntimeMetrics(services: Runtime): void {
  const { registry } = metrics();
  if (registry.getSingleMetric("medproof_read_cache_hits_total") !== undefined) return;
  const reader = services.reader;
  const counterOf = (name: string, help: string, value: () => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        // The reader keeps the running total; the counter mirrors it.
        this.reset();
        this.inc(value());
      },
    });
  counterOf("medproof_read_cache_hits_total", "Box reads served from the read cache", () => reader.cacheHits);
  counterOf("medproof_read_cache_misses_total", "Box reads that asked the chain", () => reader.cacheMisses);
  counterOf(
    "medproof_rpc_errors_total",
    "Chain reads (eth_call) the node did not answer or refused",
    () => reader.rpcErrors,
  );
  new Gauge({
    name: "medproof_relayer_queue",
    help: "Relayed complaint transactions waiting to be sent or mined",
    registers: [registry],
    async collect() {
      this.set((await relayerOrNull(services))?.pending ?? 0);
    },
  });
  new Gauge({
    name: "medproof_relayer_balance_wei",
    help: "The relayer account's balance in wei (absent without a relayer or a reachable chain)",
    registers: [registry],
    async collect() {
      this.reset();
      const relayer = await relayerOrNull(services);
      const balance = await relayer?.balance().catch(() => null);
      // Wei exceed 2^53; a gauge is a float, precise enough to alert on a balance running low.
      if (balance) this.set(Number(balance.wei));
    },
  });
}

/** The relayer when this server has one and the chain answers; a scrape never fails for its sake. */
function relayerOrNull(services: Runtime) {
  return services.relayer().catch(() => null);
}
