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
    if (this.windows.size > 10_000) this.forgetExpired(now);
    let window = this.windows.get(key);
    if (window === undefined || now - window.startedAt >= this.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.limit) {
      return {
        allowed: false,
        retryAfterSeconds: Math.ceil((window.startedAt + this.windowMs - now) / 1000),
      };
    }
    window.count += 1;
    return { allowed: true, retryAfterSeconds: 0 };
  }

  private forgetExpired(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
    }
  }
}
