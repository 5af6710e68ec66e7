// The read path of a verification, in two levels (docs/architecture.md, "The read path of a verification"). A batch's record — product,
// maker, licences, workshop, material, tests, release, recall, custody, caps, prices, complaints — is
// shared by every box of the batch: it is read with MedProofLens.report at most once per batch while
// nothing it depends on changes, and kept until an event touching it arrives (keyed-cache.ts,
// event-keys.ts). What is particular to one box (serial in range, sold, by whom, when) is one small
// MedProofLens.boxState call (under 50,000 gas), kept until that box is sold; a sold box's seller is
// named from the batch's record, or else by one MedProofLens.party read kept per seller. So a new box of
// a cached batch costs one small eth_call instead of a ~540,000-gas report. While the ChainWatcher is not
// live nothing is kept and each verification is one report, as anyone can check against any node.
//
// Calls are plain JSON-RPC over a kept-alive connection (cheaper than a provider round of network
// checks), with a timeout so a slow node never piles requests up.
import { contractInterface } from "./contracts";
import { toBoxRecord, toParty, toSerialInfo } from "./lens";
import { decodeOutputs, type AbiParam } from "./abi-decode";
import { abis } from "./generated/abis";
import { KeyedCache, type Loaded } from "./keyed-cache";
import { batchKey, recordKeys, partyKey, serialKey, type ChainLog, eventKeys } from "./event-keys";
import { knownParties } from "../domain/parties";
import type { BoxRecord, PartyInfo, SerialInfo } from "../domain/record";

export class ChainUnavailableError extends Error {
  override name = "ChainUnavailableError";
}

const lens = contractInterface("MedProofLens");
const outputsOf = (name: string) =>
  (abis.MedProofLens as readonly { type: string; name?: string; outputs?: readonly AbiParam[] }[]).find(
    (entry) => entry.type === "function" && entry.name === name,
  )?.outputs ?? [];
const REPORT_OUTPUTS = outputsOf("report");
const BOX_STATE_OUTPUTS = outputsOf("boxState");
const PARTY_OUTPUTS = outputsOf("party");
const UINT64_MAX = 2n ** 64n - 1n;

export interface BoxReaderOptions {
  rpcUrl: string;
  lensAddress: string;
  timeoutMs?: number;
  /** Keep reads while this says every chain change reaches `changed` (the watcher is live). */
  cacheIsSafe?: () => boolean;
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

/** A batch's record without a serial, and the batch id the lens computed for it. */
interface BatchFacts {
  record: BoxRecord;
  batchId: string;
}

/** One box's state and when it was read; the seller is named from the batch's record or by `party`. */
interface BoxFacts {
  inRange: boolean;
  sale: { seller: string; soldAt: number } | null;
  blockTimestamp: number;
}

/** A decoded lens result: plain objects keyed by the ABI's names. */
type Struct = Record<string, unknown>;

export class BoxReader {
  private nextId = 1;
  private readonly batches: KeyedCache<BatchFacts>;
  private readonly boxes: KeyedCache<BoxFacts>;
  /** Sellers of sold boxes the batch's record does not describe (it lists current holders only). */
  private readonly parties: KeyedCache<PartyInfo>;
  /** eth_calls sent, for the benchmark's calls-per-verification figure. */
  rpcCalls = 0;
  /** Batch-level reads (MedProofLens.report), a subset of rpcCalls. */
  batchReads = 0;
  /** Box-level reads (MedProofLens.boxState and, for a seller the batch's record lacks, party). */
  boxReads = 0;
  /** Reads answered without a batch or box read of their own, and reads that needed one, for GET /metrics. */
  cacheHits = 0;
  cacheMisses = 0;
  /** eth_calls the node did not answer or refused, for GET /metrics. */
  rpcErrors = 0;

  constructor(private readonly options: BoxReaderOptions) {
    const isSafe = options.cacheIsSafe ?? (() => false);
    this.batches = new KeyedCache(isSafe);
    this.boxes = new KeyedCache(isSafe, 200_000);
    this.parties = new KeyedCache(isSafe);
  }

  /** Something changed on chain that no event names (or may have been missed): forget every cached read. */
  invalidate(): void {
    this.batches.invalidate("all");
    this.boxes.invalidate("all");
    this.parties.invalidate("all");
  }

  /** An event arrived (or was taken back by a reorg): forget the reads it can change. */
  changed(log: ChainLog): void {
    const keys = eventKeys(log);
    const block = Number(log.blockNumber);
    const at = Number.isSafeInteger(block) ? block : 0;
    this.batches.invalidate(keys, at);
    this.boxes.invalidate(keys, at);
    this.parties.invalidate(keys, at);
  }

  /**
   * The record of one box. It names the oldest of the blocks its parts were read at, so nothing in it is
   * older than the block it names.
   */
  async read(query: BoxQuery): Promise<BoxRecord> {
    const asked = { chain: false };
    try {
      return await this.readParts(query, asked);
    } finally {
      if (asked.chain) this.cacheMisses += 1;
      else this.cacheHits += 1;
    }
  }

  private async readParts(query: BoxQuery, asked: { chain: boolean }): Promise<BoxRecord> {
    // Entries are named by what was scanned; the lens gives the batch id the invalidation keys use.
    const batchEntry = `${query.gtin}/${query.lot ?? ""}`;
    const boxEntry = `${batchEntry}/${query.serial ?? ""}`;
    const hasSerial = query.serial !== null;
    const boxEpoch = this.boxes.now();
    // Set when this very read fetched the batch's record, whose serial section is this box's state.
    const fromReport: { box?: Loaded<BoxFacts> } = {};
    const partyEpoch = this.parties.now();
    const facts = await this.batches.get(batchEntry, async () => {
      asked.chain = true;
      const { report, block } = await this.readReport(query);
      const record = toBoxRecord(report, query.gtin, query.lot, false);
      const id = String(report.batchId);
      if (hasSerial && record.batch !== null) {
        const serial = toSerialInfo(report.serial as Struct);
        fromReport.box = this.boxFacts(id, serialNumber(query.serial), {
          blockNumber: BigInt(block),
          blockTimestamp: BigInt(record.blockTimestamp),
          batchRegistered: true,
          inRange: serial.inRange,
          sale: (report.serial as Struct).sale,
        });
        const seller = serial.sale?.seller;
        if (seller)
          this.parties.offer(seller.account.toLowerCase(), this.partyFacts(seller, block), partyEpoch);
      }
      return { value: { record, batchId: id }, block, keys: recordKeys(query.gtin, id, record) };
    });
    const { record, batchId: id } = facts.value;
    if (!hasSerial || record.batch === null) return record;
    let box: Loaded<BoxFacts>;
    if (fromReport.box) {
      box = fromReport.box;
      this.boxes.offer(boxEntry, box, boxEpoch);
    } else {
      box = await this.boxes.get(boxEntry, () => {
        asked.chain = true;
        return this.readBoxState(query, id);
      });
    }
    let block = Math.min(box.block, facts.block);
    let sale: SerialInfo["sale"] = null;
    if (box.value.sale) {
      const seller = await this.seller(box.value.sale.seller, record);
      block = Math.min(block, seller.block);
      sale = { seller: seller.value, soldAt: box.value.sale.soldAt };
    }
    return {
      ...record,
      serial: { inRange: box.value.inRange, sale },
      blockNumber: block,
      blockTimestamp: box.block === block ? box.value.blockTimestamp : record.blockTimestamp,
    };
  }

  /** The seller's profile: from the batch's record when it describes the seller, else its own read. */
  private async seller(account: string, record: BoxRecord): Promise<Loaded<PartyInfo>> {
    const described = knownParties(record).get(account.toLowerCase());
    if (described) return this.partyFacts(described, record.blockNumber);
    return this.parties.get(account.toLowerCase(), async () => {
      this.boxReads += 1;
      const data = lens.encodeFunctionData("party", [account]);
      const outputs = decodeOutputs(PARTY_OUTPUTS, await this.call(data));
      return this.partyFacts(toParty(outputs.profile as Struct), Number(outputs.blockNumber as bigint));
    });
  }

  private partyFacts(party: PartyInfo, block: number): Loaded<PartyInfo> {
    return { value: party, block, keys: [partyKey(party.account)] };
  }

  /** A box's state from a lens BoxState (or the same fields of a Report). */
  private boxFacts(batchId: string, serial: bigint, state: Struct): Loaded<BoxFacts> {
    const sale = state.sale as Struct;
    const seller = String(sale.seller);
    const keys = [serialKey(batchId, serial)];
    // An unregistered batch's box is read again once the batch is registered.
    if (!state.batchRegistered) keys.push(batchKey(batchId));
    return {
      value: {
        inRange: Boolean(state.inRange),
        sale: /^0x0{40}$/i.test(seller) ? null : { seller, soldAt: Number(sale.soldAt as bigint) },
        blockTimestamp: Number(state.blockTimestamp as bigint),
      },
      block: Number(state.blockNumber as bigint),
      keys,
    };
  }

  private async readReport(query: BoxQuery): Promise<{ report: Struct; block: number }> {
    this.batchReads += 1;
    const data = lens.encodeFunctionData("report", [
      BigInt(query.gtin),
      query.lot ?? "",
      serialNumber(query.serial),
    ]);
    const outputs = decodeOutputs(REPORT_OUTPUTS, await this.call(data));
    const report = outputs[REPORT_OUTPUTS[0]?.name ?? ""] as Struct;
    return { report, block: Number(report.blockNumber as bigint) };
  }

  private async readBoxState(query: BoxQuery, batchId: string): Promise<Loaded<BoxFacts>> {
    this.boxReads += 1;
    const serial = serialNumber(query.serial);
    const data = lens.encodeFunctionData("boxState", [BigInt(query.gtin), query.lot ?? "", serial]);
    const outputs = decodeOutputs(BOX_STATE_OUTPUTS, await this.call(data));
    return this.boxFacts(batchId, serial, outputs[BOX_STATE_OUTPUTS[0]?.name ?? ""] as Struct);
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
