// Every log read of lib/chain goes through here: eth_getLogs paged by block range, from the deployment's
// first block (never block 0) to a named block. Public nodes and Besu refuse or time out on a range of
// the whole chain, so each request spans at most LOG_PAGE_BLOCKS blocks (5,000 by default); the pages
// are contiguous and disjoint, so every log is read exactly once, oldest first.
import type { Log, LogDescription, Provider } from "ethers";
import { contractInterface, type ContractName } from "./contracts";
import type { EventArgs, EventName } from "./abi-types";
import type { Deployment } from "./deployment";
import { env } from "../env";

/** Pages in flight at once: a long history reads faster, without flooding the node. */
const PARALLEL_PAGES = 4;

/** Inclusive [from, to] block ranges of at most `size` blocks that cover `from`…`to` exactly, in order. */
export function blockPages(from: number, to: number, size: number): [number, number][] {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`page size ${size} is not ≥ 1`);
  const pages: [number, number][] = [];
  for (let start = from; start <= to; start += size) pages.push([start, Math.min(to, start + size - 1)]);
  return pages;
}

/** A topic position: one value, any of several, or anything (null). */
export type Topic = string | string[] | null;

export interface LogQuery {
  address: string;
  topics: Topic[];
}

export interface LogReadOptions {
  /** The last block to read (reads that must agree end at the same block); the node's head when absent. */
  toBlock?: number;
  /** Blocks per request; LOG_PAGE_BLOCKS when absent. */
  pageSize?: number;
}

/** Logs matching `query` from the deployment block to `toBlock`, oldest first. */
export async function readLogs(
  deployment: Deployment,
  provider: Provider,
  query: LogQuery,
  options: LogReadOptions = {},
): Promise<Log[]> {
  const to = options.toBlock ?? (await provider.getBlockNumber());
  const pages = blockPages(deployment.deployedAtBlock, to, options.pageSize ?? env().logPageBlocks);
  const logs: Log[] = [];
  for (let next = 0; next < pages.length; next += PARALLEL_PAGES) {
    const batch = await Promise.all(
      pages
        .slice(next, next + PARALLEL_PAGES)
        .map(([fromBlock, toBlock]) => provider.getLogs({ ...query, fromBlock, toBlock })),
    );
    for (const page of batch) logs.push(...page);
  }
  return logs;
}

/** One decoded event E of contract N: its arguments by name, typed from the ABI, and where it is on the chain. */
export interface EventLog<N extends ContractName, E extends EventName<N>> {
  name: E;
  args: EventArgs<N, E>;
  blockNumber: number;
  transactionHash: string;
  index: number;
}

/**
 * Events `name` of contract `contract`, oldest first, filtered as an ethers filter is: by position among
 * the event's arguments, indexed ones only (`null` for any value, an array for any of several).
 */
export async function readEvents<N extends ContractName, E extends EventName<N>>(
  deployment: Deployment,
  provider: Provider,
  contract: N,
  name: E,
  indexed: readonly unknown[] = [],
  options: LogReadOptions = {},
): Promise<EventLog<N, E>[]> {
  const iface = contractInterface(contract);
  const fragment = iface.getEvent(name);
  if (fragment === null) throw new Error(`${contract} has no event ${name}`);
  const topics = iface.encodeFilterTopics(fragment, [...indexed]) as Topic[];
  const logs = await readLogs(
    deployment,
    provider,
    { address: deployment.addresses[contract], topics },
    options,
  );
  return logs.flatMap((log) => {
    const parsed: LogDescription | null = iface.parseLog(log);
    return parsed === null
      ? []
      : [
          {
            name,
            args: parsed.args as unknown as EventArgs<N, E>,
            blockNumber: log.blockNumber,
            transactionHash: log.transactionHash,
            index: log.index,
          },
        ];
  });
}
