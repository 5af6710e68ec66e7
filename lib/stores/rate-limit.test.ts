import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { RateLimiter } from "./rate-limit";

describe("the rate limiter", () => {
  it("allows `limit` attempts per key and window, then says how long to wait", () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(2, 60_000, () => now);
    assert.equal(limiter.take("a").allowed, true);
    assert.equal(limiter.take("a").allowed, true);
    now += 15_000;
    assert.deepEqual(limiter.take("a"), { allowed: false, retryAfterSeconds: 45 });
    assert.equal(limiter.take("b").allowed, true, "another key has its own window");
    now += 45_000;
    assert.equal(limiter.take("a").allowed, true, "a new window starts");
  });

  it("peeks without counting", () => {
    const limiter = new RateLimiter(1, 60_000, () => 0);
    assert.equal(limiter.peek("a").allowed, true);
    assert.equal(limiter.peek("a").allowed, true);
    assert.equal(limiter.take("a").allowed, true);
    assert.deepEqual(limiter.peek("a"), { allowed: false, retryAfterSeconds: 60 });
  });
});
