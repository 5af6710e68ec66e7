// The durability barrier of the embedded chain: a reply that says "confirmed" waits until the chain state
// holding its transaction is on disk (durable-state.ts), so a kill -9 a millisecond after the reply loses
// nothing it confirmed. A group commit: one anvil_dumpState is written at a time, and every reply that
// arrives while one is being written shares the next, which starts when that one ends and so covers all
// they waited for. The runtime makes one only for the embedded chain: no anvil_* method is ever sent to
// a chain named by RPC_URL.
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { JsonRpcProvider } from "ethers";
import { log } from "../log";
import {
  blockOfState,
  ChainBehindError,
  readHead,
  replaceDurably,
  writeHead,
  type Head,
  type StateFiles,
} from "./durable-state";

const gunzipped = promisify(gunzip);

/** Throws ChainBehindError when the chain no longer holds the block the app acknowledged. */
export async function assertChainHolds(provider: JsonRpcProvider, acknowledged: Head | null): Promise<void> {
  if (acknowledged === null) return;
  const block = await provider.getBlock(acknowledged.number);
  if (block?.hash === acknowledged.hash) return;
  throw new ChainBehindError(acknowledged, await provider.getBlockNumber(), block?.hash ?? null);
}

export class DurabilityBarrier {
  /** The commit being written (resolved when none is). */
  private running: Promise<void> = Promise.resolve();
  /** The commit that starts when the running one ends, shared by everyone who asked meanwhile. */
  private next: Promise<void> | null = null;
  /** The last head whose state is on disk. */
  private acknowledged: Head | null;

  constructor(
    private readonly provider: JsonRpcProvider,
    private readonly files: StateFiles,
  ) {
    this.acknowledged = readHead(files.head);
  }

  /**
   * Resolves once everything the chain had mined when it was called is on disk; rejects when it could
   * not be saved (the chain is down, the disk refuses, or the chain went back behind what was confirmed).
   */
  settle(): Promise<void> {
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        this.running = this.commit().catch((error: unknown) => {
          log().error({ err: error }, "the chain's state could not be saved");
          throw error;
        });
        return this.running;
      });
    return this.next;
  }

  private async commit(): Promise<void> {
    const latest = await this.provider.getBlock("latest");
    if (latest === null || latest.hash === null) throw new Error("the chain has no head block");
    const head = { number: latest.number, hash: latest.hash };
    // Nothing mined since the last commit: what the caller waits for is on disk already.
    if (head.number === this.acknowledged?.number && head.hash === this.acknowledged.hash) return;
    await assertChainHolds(this.provider, this.acknowledged);
    const dump = (await this.provider.send("anvil_dumpState", [])) as string;
    const state = (await gunzipped(Buffer.from(dump.replace(/^0x/, ""), "hex"))).toString("utf8");
    const block = blockOfState(state);
    if (block === null || block < head.number)
      throw new Error(`anvil_dumpState returned the state at block ${block}, before the head ${head.number}`);
    // A spare copy already at this block (anvil's own write, copied) holds the same chain.
    await replaceDurably(this.files.spare, state, block);
    // After the state: the head file never names a block the state on disk lacks.
    await writeHead(this.files.head, head);
    this.acknowledged = head;
  }
}

/**
 * Whether everything mined so far is on disk: what a reply that says "confirmed" awaits, and answers
 * "unavailable" without (the barrier logs why). Always true off the embedded chain (no barrier).
 */
export function onDisk(barrier: DurabilityBarrier | null): Promise<boolean> {
  return barrier === null
    ? Promise.resolve(true)
    : barrier.settle().then(
        () => true,
        () => false,
      );
}
