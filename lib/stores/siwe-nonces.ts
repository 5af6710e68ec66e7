// The nonces this app hands out for Sign-In with Ethereum, kept in the shared database (lib/stores/db.ts):
// a signed message is only good with a nonce some instance issued, not yet expired, and redeemed once.
// Redeeming is one conditional UPDATE, so two instances given the same signed message at once cannot
// both accept it: the row lock lets one through and the other sees it used.
import type { Db } from "./db";

export type Redemption = "redeemed" | "replayed" | "expired" | "unknown";

/** Rows past their expiry by this long are swept: long enough that a replay is still named one. */
const KEEP_MS = 24 * 3600_000;
/** Expired rows are swept about once in this many issues: cheap, and the table stays small. */
const SWEEP_EVERY = 100;

export class SiweNonces {
  private issued = 0;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records `nonce` as issued, good for `seconds`. */
  async issue(nonce: string, seconds: number): Promise<void> {
    const now = this.now();
    if (++this.issued % SWEEP_EVERY === 0)
      await this.db.query("DELETE FROM siwe_nonces WHERE expires_at < $1::bigint", [now - KEEP_MS]);
    await this.db.query("INSERT INTO siwe_nonces (nonce, expires_at) VALUES ($1, $2::bigint)", [
      nonce,
      now + seconds * 1000,
    ]);
  }

  /** Uses `nonce` up, if it is one this app issued, unused and unexpired; else says which it is not. */
  async redeem(nonce: string): Promise<Redemption> {
    const now = this.now();
    const used = await this.db.query(
      "UPDATE siwe_nonces SET used_at = $2::bigint " +
        "WHERE nonce = $1 AND used_at IS NULL AND expires_at > $2::bigint RETURNING nonce",
      [nonce, now],
    );
    if (used.length > 0) return "redeemed";
    const [row] = await this.db.query<{ used: boolean }>(
      "SELECT used_at IS NOT NULL AS used FROM siwe_nonces WHERE nonce = $1",
      [nonce],
    );
    if (row === undefined) return "unknown";
    return row.used ? "replayed" : "expired";
  }
}
