// The read cache's rules, on reads the test releases by hand: an invalidation forgets only the entries
// built from its keys; a read that started before it, or that a lagging node answered at an older block,
// never fills the cache; concurrent misses share one read; nothing is kept while the watcher is not live.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { KeyedCache, type Loaded } from "./keyed-cache";

/** A read whose answer the test releases, counting how often it was started. */
function held(block: number, keys: string[]) {
  let started = 0;
  const releases: (() => void)[] = [];
  const read = () => {
    started += 1;
    const value = `read ${started} at ${block}`;
    return new Promise<Loaded<string>>((resolve) => releases.push(() => resolve({ value, block, keys })));
  };
  return { read, started: () => started, releaseAll: () => releases.splice(0).forEach((r) => r()) };
}

const at =
  (block: number, keys: string[], value = `at ${block}`) =>
  async () => ({ value, block, keys });

describe("KeyedCache", () => {
  it("forgets the entries an event's keys name and keeps the others", async () => {
    const cache = new KeyedCache<string>(() => true);
    await cache.get("A", at(10, ["batch:a", "party:maker"]));
    await cache.get("B", at(10, ["batch:b", "party:maker"]));
    cache.invalidate(["batch:a"], 11);
    assert.equal(cache.peek("A"), undefined);
    assert.equal(cache.peek("B")?.value, "at 10");
    cache.invalidate(["party:maker"], 12);
    assert.equal(cache.peek("B"), undefined);
    cache.invalidate("all");
    assert.equal(cache.size, 0);
  });

  it("never keeps a read that started before an invalidation of its keys", async () => {
    const cache = new KeyedCache<string>(() => true);
    const slow = held(20, ["batch:a"]);
    const pending = cache.get("A", slow.read);
    cache.invalidate(["batch:a"], 21); // the event arrives while the read is under way
    slow.releaseAll();
    assert.equal((await pending).value, "read 1 at 20");
    assert.equal(cache.peek("A"), undefined);
    // A read of other keys under way at the same time is kept.
    const other = held(20, ["batch:b"]);
    const kept = cache.get("B", other.read);
    cache.invalidate(["batch:a"], 22);
    other.releaseAll();
    await kept;
    assert.equal(cache.peek("B")?.value, "read 1 at 20");
  });

  it("never keeps a read a lagging node answered at a block older than an invalidation it saw", async () => {
    const cache = new KeyedCache<string>(() => true);
    cache.invalidate(["batch:a"], 30);
    await cache.get("A", at(29, ["batch:a"])); // started after the event, answered from before it
    assert.equal(cache.peek("A"), undefined);
    await cache.get("A", at(30, ["batch:a"]));
    assert.equal(cache.peek("A")?.value, "at 30");
    // Also after a full clear at a known block, and for a key folded into the floor.
    cache.invalidate("all", 40);
    await cache.get("B", at(39, ["batch:b"]));
    assert.equal(cache.peek("B"), undefined);
  });

  it("shares one read among concurrent misses, but not across an invalidation", async () => {
    const cache = new KeyedCache<string>(() => true);
    const read = held(5, ["batch:a"]);
    const first = [cache.get("A", read.read), cache.get("A", read.read)];
    assert.equal(read.started(), 1);
    cache.invalidate(["party:other"], 6);
    const later = cache.get("A", read.read);
    assert.equal(read.started(), 2, "a miss after an event reads again");
    read.releaseAll();
    await Promise.all([...first, later]);
  });

  it("keeps nothing while it is not safe", async () => {
    const cache = new KeyedCache<string>(() => false);
    let reads = 0;
    const read = async () => ({ value: String(++reads), block: 1, keys: [] });
    await cache.get("A", read);
    await cache.get("A", read);
    assert.equal(reads, 2);
    assert.equal(cache.peek("A"), undefined);
  });
});
