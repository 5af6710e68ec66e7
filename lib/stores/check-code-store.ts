// The check codes' digests the makers publish when labels are made (lib/chain/check-codes.ts), in the
// shared database (lib/stores/db.ts), so every app instance can check a typed check code. A row says
// only "this serial's label was made with a check code hashing to this"; the code is never stored.
import type { PublishedCheckCode } from "../chain/check-codes";
import type { Db } from "./db";

const HASH = /^0x[0-9a-f]{64}$/;
/** Rows per INSERT: well under PostgreSQL's 65,535 parameters, and a sheet (480 labels) in a few. */
const ROWS_PER_STATEMENT = 500;

export class CheckCodeStore {
  constructor(private readonly db: Db) {}

  /** Publishes digests; a serial published again (its sheet printed again) keeps the latest. */
  async write(rows: readonly PublishedCheckCode[]): Promise<void> {
    for (const row of rows) {
      if (!HASH.test(row.batchId) || !HASH.test(row.digest))
        throw new RangeError(`Not a check code row: ${row.serial}`);
    }
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      const values = chunk.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(", ");
      await this.db.query(
        `INSERT INTO check_codes (batch_id, serial, digest) VALUES ${values} ` +
          "ON CONFLICT (batch_id, serial) DO UPDATE SET digest = excluded.digest",
        chunk.flatMap((row) => [row.batchId, row.serial, row.digest]),
      );
    }
  }

  /** The digest published for a serial of a batch, or null when its maker published none. */
  async read(batchId: string, serial: string): Promise<string | null> {
    const [row] = await this.db.query<{ digest: string }>(
      "SELECT digest FROM check_codes WHERE batch_id = $1 AND serial = $2",
      [batchId.toLowerCase(), serial],
    );
    return row?.digest ?? null;
  }
}
