// Reads kept until the chain changes what they depend on. Each entry names the keys it was built from
// (a batch id, a party's address, a category…; see event-keys.ts) and the block it was read at; an event
// invalidates only the entries that share one of its keys, so a sale in one batch leaves every other
// batch's cached record alone.
//
// The rules that keep a cached read from ever being staler than the block it names:
// - a read that started before an invalidation of any of its keys never fills the cache (epochs);
// - a read answered at a block older than one an invalidation of its keys came from (a lagging node, or a
//   reorg's `removed` log) never fills it either;
// - nothing is kept while `isSafe()` says events might be missed (the watcher is not live).
// Concurrent misses of one entry share one read (single flight), unless an invalidation came in between:
// then the later miss reads again, so a request that arrives after an event never gets an answer from
// before it.
export interface Loaded<T> {
  value: T;
  /** The block the value was read at. */
  block: number;
  /** The invalidation keys the value was built from. */
  keys: string[];
}

interface Invalidation {
  epoch: number;
  block: number;
}

/** How many keys' last invalidation is remembered one by one; older ones fold into one floor. */
const REMEMBERED_KEYS = 50_000;

export class KeyedCache<T> {
  private readonly entries = new Map<string, Loaded<T>>();
  /** For each invalidation key, the entries built from it. */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly invalidations = new Map<string, Invalidation>();
  /** What every key counts as invalidated at: a full clear, or the latest forgotten key invalidation. */
  private floor: Invalidation = { epoch: 0, block: 0 };
  private epoch = 0;
  private readonly inFlight = new Map<string, { epoch: number; read: Promise<Loaded<T>> }>();

  constructor(
    private readonly isSafe: () => boolean,
    private readonly limit = 20_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached entry, or undefined; never an entry while the cache is not safe. */
  peek(id: string): Loaded<T> | undefined {
    return this.isSafe() ? this.entries.get(id) : undefined;
  }

  /**
   * The cached entry, or the result of `load` (shared with any read of the same id already under way),
   * kept when the rules above allow.
   */
  async get(id: string, load: () => Promise<Loaded<T>>): Promise<Loaded<T>> {
    const cached = this.peek(id);
    if (cached) return cached;
    const pending = this.inFlight.get(id);
    // Joined only while nothing was invalidated since it started: its keys are not known until it ends.
    if (pending && pending.epoch === this.epoch && this.isSafe()) return pending.read;
    const epoch = this.epoch;
    const read = load();
    this.inFlight.set(id, { epoch, read });
    try {
      const loaded = await read;
      if (this.isSafe() && this.fresh(loaded, epoch)) this.store(id, loaded);
      return loaded;
    } finally {
      if (this.inFlight.get(id)?.read === read) this.inFlight.delete(id);
    }
  }

  /** Offers a value read by other means (e.g. a box's state that came with its batch's record). */
  offer(id: string, loaded: Loaded<T>, startedAt: number): void {
    if (this.isSafe() && this.fresh(loaded, startedAt)) this.store(id, loaded);
  }

  /** The epoch to pass to `offer` for a read starting now. */
  now(): number {
    return this.epoch;
  }

  /**
   * The chain changed what `keys` name at `block` (or everything, for "all"): forget the entries built
   * from them, and refuse any read of them under way or answered at an older block.
   */
  invalidate(keys: string[] | "all", block = 0): void {
    this.epoch += 1;
    const mark = { epoch: this.epoch, block };
    if (keys === "all") {
      this.floor = { epoch: this.epoch, block: Math.max(this.floor.block, block) };
      this.invalidations.clear();
      this.entries.clear();
      this.dependents.clear();
      return;
    }
    for (const key of keys) {
      const previous = this.invalidations.get(key);
      this.invalidations.delete(key); // re-inserted last: the map stays ordered oldest first
      this.invalidations.set(key, { epoch: mark.epoch, block: Math.max(block, previous?.block ?? 0) });
      for (const id of this.dependents.get(key) ?? []) this.entries.delete(id);
      this.dependents.delete(key);
    }
    this.forgetOldInvalidations();
  }

  private fresh(loaded: Loaded<T>, startedAt: number): boolean {
    if (this.floor.epoch > startedAt || loaded.block < this.floor.block) return false;
    return loaded.keys.every((key) => {
      const last = this.invalidations.get(key);
      return last === undefined || (last.epoch <= startedAt && loaded.block >= last.block);
    });
  }

  private store(id: string, loaded: Loaded<T>): void {
    if (this.entries.size >= this.limit) {
      this.entries.clear();
      this.dependents.clear();
    }
    this.entries.set(id, loaded);
    for (const key of loaded.keys) {
      let ids = this.dependents.get(key);
      if (!ids) this.dependents.set(key, (ids = new Set()));
      ids.add(id);
    }
  }

  /** Folds the oldest remembered invalidations into the floor, which only makes the rules stricter. */
  private forgetOldInvalidations(): void {
    for (const [key, mark] of this.invalidations) {
      if (this.invalidations.size <= REMEMBERED_KEYS) return;
      this.floor = {
        epoch: Math.max(this.floor.epoch, mark.epoch),
        block: Math.max(this.floor.block, mark.block),
      };
      this.invalidations.delete(key);
    }
  }
}
