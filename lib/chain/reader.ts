// The read path of a verification: one eth_call of MedProofLens.report per box, sent as plain JSON-RPC
// over a kept-alive connection (cheaper than a provider round of network checks), with a timeout so a
// slow node never piles requests up.
import { contractInterface } from "./contracts";
import { toBoxRecord } from "./lens";
import type { BoxRecord } from "../domain/record";

export class ChainUnavailableError extends Error {
  override name = "ChainUnavailableError";
}

const lens = contractInterface("MedProofLens");
const UINT64_MAX = 2n ** 64n - 1n;

export interface BoxReaderOptions {
  rpcUrl: string;
  lensAddress: string;
  timeoutMs?: number;
}

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
  /** eth_calls sent, for the benchmark's calls-per-verification figure. */
  rpcCalls = 0;

  constructor(private readonly options: BoxReaderOptions) {}

  async read(query: BoxQuery): Promise<BoxRecord> {
    const data = lens.encodeFunctionData("report", [
      BigInt(query.gtin),
      query.lot ?? "",
      serialNumber(query.serial),
    ]);
    const result = await this.call(data);
    const [report] = lens.decodeFunctionResult("report", result);
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
      throw new ChainUnavailableError(`The chain did not answer: ${(error as Error).message}`);
    }
    if (typeof body.result !== "string") {
      throw new ChainUnavailableError(`The chain refused the read: ${body.error?.message ?? "no result"}`);
    }
    return body.result;
  }
}
