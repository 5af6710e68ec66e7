// Memory for the pages that read the whole record (/regulator, the participant profiles): each view is
// read once, names the block it was read at, and is served from memory until the chain watcher reports
// any change to the MedProof contracts (see watcher.ts), so a view costs no RPC while nothing changed
// and is never staler than the block it names. As for BoxReader: while the watcher is not live nothing
// is kept, and a read that started before a change never fills the cache. Visitors asking for the same
// view while it is being read share that one read.

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
  private readonly views = new Map<string, BlockView<T>>();
  private readonly reading = new Map<string, Promise<BlockView<T>>>();
  /** Bumped by every invalidation, so a read that started before a change never fills the cache. */
  private generation = 0;

  constructor(private readonly options: ViewCacheOptions) {}

  /** The record changed on chain: forget every view, and every read already under way. */
  invalidate(): void {
    this.generation += 1;
    this.views.clear();
    this.reading.clear();
  }

  /** The view kept for `key`, without reading: undefined when there is none (or keeping is unsafe). */
  peek(key: string): BlockView<T> | undefined {
    return this.options.cacheIsSafe() ? this.views.get(key) : undefined;
  }

  async get(key: string, read: () => Promise<BlockView<T>>): Promise<BlockView<T>> {
    if (!this.options.cacheIsSafe()) return read();
    const kept = this.views.get(key) ?? this.reading.get(key);
    if (kept !== undefined) return kept;
    const generation = this.generation;
    const reading = read();
    this.reading.set(key, reading);
    try {
      const view = await reading;
      if (generation === this.generation && this.options.cacheIsSafe()) {
        if (this.views.size >= (this.options.limit ?? 1000)) this.views.clear();
        this.views.set(key, view);
      }
      return view;
    } finally {
      if (this.reading.get(key) === reading) this.reading.delete(key);
    }
  }
}
