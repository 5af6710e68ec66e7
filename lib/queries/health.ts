// GET /healthz: is this instance fit to take traffic? A list of named probes, each asked at once with a
// timeout; the instance is healthy when every probe is. A probe resolves with what it saw (head block,
// balance) or rejects with why it is failing, and the answer names the failing ones, so whoever is
// paged knows which dependency to look at. A new dependency (the database) adds a probe to the list.
import { access, constants } from "node:fs/promises";
import { env } from "../env";
import { readChainHead } from "../chain/head";
import { RelayError } from "../chain/relay";
import type { Runtime } from "./runtime";

export interface HealthProbe {
  name: string;
  /** What the probe saw when healthy; rejects (with a reason in the message) when not. */
  check(): Promise<Record<string, unknown>>;
}

export type ProbeReport = ({ ok: true } & Record<string, unknown>) | { ok: false; error: string };

export interface HealthReport {
  healthy: boolean;
  /** The names of the failing probes, in the list's order. */
  failing: string[];
  probes: Record<string, ProbeReport>;
}

/** A probe that has not answered by then is failing: a health check must answer before its caller's timeout. */
const PROBE_TIMEOUT_MS = 2500;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * A failure's message without the URLs in it: a hosted node's URL carries its API key, and the report
 * goes to whoever can reach /healthz.
 */
function withoutUrls(message: string): string {
  return message.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "<url>");
}

/** Asks every probe at once; one probe's failure or hang never hides another's answer. */
export async function checkHealth(
  probes: HealthProbe[],
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<HealthReport> {
  const results = await Promise.all(
    probes.map(async (probe): Promise<[string, ProbeReport]> => {
      try {
        return [probe.name, { ok: true, ...(await withTimeout(probe.check(), timeoutMs)) }];
      } catch (error) {
        return [
          probe.name,
          { ok: false, error: withoutUrls(error instanceof Error ? error.message : String(error)) },
        ];
      }
    }),
  );
  const failing = results.filter(([, report]) => !report.ok).map(([name]) => name);
  return { healthy: failing.length === 0, failing, probes: Object.fromEntries(results) };
}

/**
 * This instance's probes: the chain (its head block and the head's age), the watcher that keeps the
 * read cache honest, the stores' data folder, and the relayer's balance.
 */
export function runtimeProbes(services: Runtime): HealthProbe[] {
  const config = env();
  return [
    {
      name: "chain",
      async check() {
        const head = await readChainHead(config.rpcUrl);
        // Reported, not judged: a quiet chain (the demo's, mining on demand) has old heads too.
        return {
          block: head.number,
          ageSeconds: Math.max(0, Math.round(Date.now() / 1000 - head.timestamp)),
        };
      },
    },
    {
      name: "watcher",
      async check() {
        // Without a WebSocket endpoint nothing is cached, so there is nothing for a watcher to keep honest.
        if (services.watcher === null) return { configured: false };
        if (!services.watcher.isLive()) throw new Error("the chain's change subscription is not live");
        return { live: true };
      },
    },
    {
      // The scan log, rate limits, possession lists and complaint evidence.
      name: "database",
      async check() {
        await services.db.ping();
        return { engine: services.db.engine };
      },
    },
    {
      // The embedded chain's state, the deployment file and the session secret of this instance.
      name: "store",
      async check() {
        try {
          await access(config.dataDir, constants.R_OK | constants.W_OK);
        } catch (error) {
          throw new Error(`the data folder cannot be written (${(error as NodeJS.ErrnoException).code})`, {
            cause: error,
          });
        }
        return {};
      },
    },
    {
      name: "relayer",
      async check() {
        let relayer;
        try {
          relayer = await services.relayer();
        } catch (error) {
          // No relayer key on this chain: wallet-less complaints are refused by design, not failing.
          if (error instanceof RelayError && error.plain.code === "relay_unavailable")
            return { configured: false };
          throw error;
        }
        const { address, wei } = await relayer.balance();
        if (wei === 0n) throw new Error(`the relayer account ${address} has no balance left for gas`);
        return { address, balanceWei: wei.toString() };
      },
    },
  ];
}
