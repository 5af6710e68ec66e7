// Fixed-window rate limits kept in memory: enough for one server process, which is what the embedded
// default runs. (Several processes behind a balancer would share a store; none is needed here.)

export interface RateLimitVerdict {
  allowed: boolean;
  /** Seconds until the window frees up (when not allowed). */
  retryAfterSeconds: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt for `key`. */
  take(key: string): RateLimitVerdict {
    const now = this.now();
    const window = this.current(key, now);
    const verdict = this.verdict(window, now);
    if (verdict.allowed) {
      window.count += 1;
      this.windows.set(key, window);
    }
    return verdict;
  }

  /** Whether `key` has attempts left, without counting one: for limits counted only on some outcomes. */
  peek(key: string): RateLimitVerdict {
    const now = this.now();
    return this.verdict(this.current(key, now), now);
  }

  private current(key: string, now: number): { startedAt: number; count: number } {
    if (this.windows.size > 10_000) this.forgetExpired(now);
    const window = this.windows.get(key);
    return window === undefined || now - window.startedAt >= this.windowMs
      ? { startedAt: now, count: 0 }
      : window;
  }

  private verdict(window: { startedAt: number; count: number }, now: number): RateLimitVerdict {
    if (window.count < this.limit) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.ceil((window.startedAt + this.windowMs - now) / 1000) };
  }

  private forgetExpired(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
    }
  }
}
