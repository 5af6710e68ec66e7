// The read path of a verification: one eth_call of MedProofLens.report per box, sent as plain JSON-RPC
// over a kept-alive connection (cheaper than a provider round of network checks), with a timeout so a
// slow node never piles requests up. Repeated reads are served from memory while a ChainWatcher
// guarantees that every change on chain clears the cache (see watcher.ts); otherwise none are cached.
import { contractInterface } from "./contracts";
import { toBoxRecord } from "./lens";
import { decodeOutputs, type AbiParam } from "./abi-decode";
import { abis } from "./generated/abis";
import type { BoxRecord } from "../domain/record";

export class ChainUnavailableError extends Error {
  override name = "ChainUnavailableError";
}

const lens = contractInterface("MedProofLens");
const REPORT_OUTPUTS =
  (abis.MedProofLens as readonly { type: string; name?: string; outputs?: readonly AbiParam[] }[]).find(
    (entry) => entry.type === "function" && entry.name === "report",
  )?.outputs ?? [];
const UINT64_MAX = 2n ** 64n - 1n;

export interface BoxReaderOptions {
  rpcUrl: string;
  lensAddress: string;
  timeoutMs?: number;
  /** Serve repeated reads from memory while this says every chain change is being reported. */
  cacheIsSafe?: () => boolean;
}

const CACHE_LIMIT = 20_000;

export interface BoxQuery {
  gtin: string;
  lot: string | null;
  serial: string | null;
}

/** The lens takes the serial as a number; a serial that is not one is out of every batch's range. */
function serialNumber(serial: string | null): bigint {
  if (serial === null || !/^\d{1,20}$/.test(serial)) return 0n;
  const n = BigInt(serial);
  return n > UINT64_MAX ? 0n : n;
}

export class BoxReader {
  private nextId = 1;
  private readonly cache = new Map<string, BoxRecord>();
  /** Bumped by every invalidation, so a read that started before a change never fills the cache. */
  private generation = 0;
  /** eth_calls sent, for the benchmark's calls-per-verification figure. */
  rpcCalls = 0;
  /** Reads served from the cache and reads that had to ask the chain, for GET /metrics. */
  cacheHits = 0;
  cacheMisses = 0;
  /** eth_calls the node did not answer or refused, for GET /metrics. */
  rpcErrors = 0;

  constructor(private readonly options: BoxReaderOptions) {}

  /** The record changed on chain: forget every cached read. */
  invalidate(): void {
    this.generation += 1;
    this.cache.clear();
  }

  async read(query: BoxQuery): Promise<BoxRecord> {
    const cacheIsSafe = this.options.cacheIsSafe ?? (() => false);
    const key = `${query.gtin}/${query.lot ?? ""}/${query.serial ?? ""}`;
    if (cacheIsSafe()) {
      const cached = this.cache.get(key);
      if (cached) {
        this.cacheHits += 1;
        return cached;
      }
    }
    this.cacheMisses += 1;
    const generation = this.generation;
    const record = await this.readFromChain(query);
    if (cacheIsSafe() && generation === this.generation) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, record);
    }
    return record;
  }

  private async readFromChain(query: BoxQuery): Promise<BoxRecord> {
    const data = lens.encodeFunctionData("report", [
      BigInt(query.gtin),
      query.lot ?? "",
      serialNumber(query.serial),
    ]);
    const result = await this.call(data);
    const outputs = decodeOutputs(REPORT_OUTPUTS, result);
    const report = outputs[REPORT_OUTPUTS[0]?.name ?? ""] as Record<string, unknown>;
    return toBoxRecord(report, query.gtin, query.lot, query.serial !== null);
  }

  private async call(data: string): Promise<string> {
    this.rpcCalls += 1;
    let body: { result?: string; error?: { message?: string } };
    try {
      const response = await fetch(this.options.rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: this.nextId++,
          method: "eth_call",
          params: [{ to: this.options.lensAddress, data }, "latest"],
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 3000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = (await response.json()) as typeof body;
    } catch (error) {
      this.rpcErrors += 1;
      throw new ChainUnavailableError(`The chain did not answer: ${(error as Error).message}`);
    }
    if (typeof body.result !== "string") {
      this.rpcErrors += 1;
      throw new ChainUnavailableError(`The chain refused the read: ${body.error?.message ?? "no result"}`);
    }
    return body.result;
  }
}
