// Memory for the pages that read the whole record (/regulator, the participant profiles): each view is
// read once, names the block it was read at, and is served from memory until the chain watcher reports
// any change to the MedProof contracts (see watcher.ts), so a view costs no RPC while nothing changed
// and is never staler than the block it names. A whole-record view depends on every event, so it is
// forgotten on each one; the rules of keeping (nothing while the watcher is not live, no read that
// started before a change, one read shared by visitors who ask at once) are the box reader's own
// (lib/chain/keyed-cache.ts).
import { KeyedCache } from "../chain/keyed-cache";

/** A view and the block it was read at: everything in it is as of that block or later. */
export interface BlockView<T> {
  block: number;
  value: T;
}

export interface ViewCacheOptions {
  /** Keep views while this says every chain change is being reported. */
  cacheIsSafe: () => boolean;
  /** Views kept at most (then all are dropped): bounds what unknown keys can cost. */
  limit?: number;
}

export class ViewCache<T> {
  private readonly views: KeyedCache<T>;

  constructor(options: ViewCacheOptions) {
    this.views = new KeyedCache<T>(options.cacheIsSafe, options.limit ?? 1000);
  }

  /** The record changed on chain: forget every view, and every read already under way. */
  invalidate(): void {
    this.views.invalidate("all");
  }

  /** The view kept for `key`, without reading: undefined when there is none (or keeping is unsafe). */
  peek(key: string): BlockView<T> | undefined {
    const kept = this.views.peek(key);
    return kept && { block: kept.block, value: kept.value };
  }

  async get(key: string, read: () => Promise<BlockView<T>>): Promise<BlockView<T>> {
    const { block, value } = await this.views.get(key, async () => ({ ...(await read()), keys: [] }));
    return { block, value };
  }
}
