// The whole-record views' memory: kept only while the watcher is live, forgotten on every change, never
// filled by a read that started before a change, and one read shared by visitors who ask at once.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ViewCache, type BlockView } from "./view-cache";

/** A read whose answer the test releases, counting how often it was started. */
function controlledRead(block: number) {
  let started = 0;
  const releases: (() => void)[] = [];
  const read = () => {
    started += 1;
    return new Promise<BlockView<string>>((resolve) =>
      releases.push(() => resolve({ block, value: `read ${started}` })),
    );
  };
  return { read, started: () => started, releaseAll: () => releases.splice(0).forEach((r) => r()) };
}

describe("ViewCache", () => {
  it("serves a second view from memory while live, and reads again after a change", async () => {
    const cache = new ViewCache<string>({ cacheIsSafe: () => true });
    let reads = 0;
    const read = async () => ({ block: 7 + reads, value: `read ${++reads}` });
    assert.deepEqual(await cache.get("desk", read), { block: 7, value: "read 1" });
    assert.deepEqual(await cache.get("desk", read), { block: 7, value: "read 1" });
    assert.equal(reads, 1);
    cache.invalidate();
    assert.deepEqual(await cache.get("desk", read), { block: 8, value: "read 2" });
  });

  it("keeps nothing while the watcher is not live", async () => {
    const cache = new ViewCache<string>({ cacheIsSafe: () => false });
    let reads = 0;
    const read = async () => ({ block: 1, value: String(++reads) });
    await cache.get("desk", read);
    await cache.get("desk", read);
    assert.equal(reads, 2);
    assert.equal(cache.peek("desk"), undefined);
  });

  it("shares one read among views asked for at once", async () => {
    const cache = new ViewCache<string>({ cacheIsSafe: () => true });
    const chain = controlledRead(3);
    const views = [
      cache.get("desk", chain.read),
      cache.get("desk", chain.read),
      cache.get("desk", chain.read),
    ];
    chain.releaseAll();
    const answers = await Promise.all(views);
    assert.equal(chain.started(), 1);
    assert.ok(answers.every((answer) => answer.value === "read 1"));
  });

  it("never keeps a read that started before a change", async () => {
    const cache = new ViewCache<string>({ cacheIsSafe: () => true });
    const before = controlledRead(3);
    const stale = cache.get("desk", before.read);
    cache.invalidate(); // an event arrives while the read is under way
    const after = controlledRead(4);
    const fresh = cache.get("desk", after.read);
    assert.equal(after.started(), 1, "a view asked for after the change does not wait for the old read");
    before.releaseAll();
    after.releaseAll();
    assert.equal((await stale).block, 3);
    assert.equal((await fresh).block, 4);
    assert.equal(cache.peek("desk")?.block, 4);
  });

  it("drops everything when full rather than growing without bound", async () => {
    const cache = new ViewCache<string>({ cacheIsSafe: () => true, limit: 2 });
    for (const key of ["a", "b", "c"]) await cache.get(key, async () => ({ block: 1, value: key }));
    assert.equal(cache.peek("a"), undefined);
    assert.equal(cache.peek("c")?.value, "c");
  });
});
