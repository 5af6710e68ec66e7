// Fixed-window rate limits kept in the shared database (lib/stores/db.ts), so that a client's budget is
// one budget however many app instances it reaches. Counting is one upsert: two instances counting the
// same client at once are serialised on its row, and neither can hand out an attempt the other took.

import type { Db } from "./db";

export interface RateLimitVerdict {
  allowed: boolean;
  /** Seconds until the window frees up (when not allowed). */
  retryAfterSeconds: number;
}

interface WindowRow {
  started_at: number;
  count: number;
}

/** Expired windows are swept about once in this many attempts: cheap, and the table stays small. */
const SWEEP_EVERY = 1000;

// A window that has expired starts again at 1; a full one stays at limit + 1, which marks the refusal.
const TAKE = `
  INSERT INTO rate_limits (bucket, key, started_at, expires_at, count)
  VALUES ($1, $2, $3::bigint, $3::bigint + $4::bigint, 1)
  ON CONFLICT (bucket, key) DO UPDATE SET
    started_at = CASE WHEN rate_limits.expires_at <= $3::bigint THEN $3::bigint ELSE rate_limits.started_at END,
    expires_at = CASE WHEN rate_limits.expires_at <= $3::bigint THEN $3::bigint + $4::bigint
                      ELSE rate_limits.expires_at END,
    count = CASE WHEN rate_limits.expires_at <= $3::bigint THEN 1
                 ELSE least(rate_limits.count + 1, $5::int + 1) END
  RETURNING started_at::float8 AS started_at, count`;

const PEEK = `
  SELECT started_at::float8 AS started_at, count FROM rate_limits
  WHERE bucket = $1 AND key = $2 AND expires_at > $3::bigint`;

export class RateLimiter {
  private taken = 0;

  /** `bucket` names the limit: limiters with different buckets count apart on one database. */
  constructor(
    private readonly db: Db,
    private readonly bucket: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt for `key` (an attempt refused is not counted). */
  async take(key: string): Promise<RateLimitVerdict> {
    const now = this.now();
    if (++this.taken % SWEEP_EVERY === 0) {
      await this.db.query("DELETE FROM rate_limits WHERE expires_at <= $1::bigint", [now]);
    }
    const [row] = await this.db.query<WindowRow>(TAKE, [this.bucket, key, now, this.windowMs, this.limit]);
    return this.verdict(row, now, (count) => count <= this.limit);
  }

  /** Whether `key` has attempts left, without counting one: for limits counted only on some outcomes. */
  async peek(key: string): Promise<RateLimitVerdict> {
    const now = this.now();
    const [row] = await this.db.query<WindowRow>(PEEK, [this.bucket, key, now]);
    return this.verdict(row, now, (count) => count < this.limit);
  }

  private verdict(row: WindowRow | undefined, now: number, allows: (count: number) => boolean) {
    if (row === undefined || allows(row.count)) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.ceil((row.started_at + this.windowMs - now) / 1000) };
  }
}
