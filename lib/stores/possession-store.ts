// The possession lists manufacturers publish (one per batch: the leaves of its possession tree), kept in
// the shared database (lib/stores/db.ts) so that every app instance can check a complaint's secret. A
// list is only trusted after its root is checked against the batch's on-chain possessionRoot
// (lib/chain/possession), so a stale or tampered row cannot forge a proof.
import { z } from "zod";
import type { PossessionList } from "../chain/possession";
import type { Db } from "./db";

const HASH = /^0x[0-9a-f]{64}$/;
const listSchema = z.object({
  serialStart: z.number().int().nonnegative(),
  leaves: z.array(z.string().regex(HASH)).min(1),
});

export class PossessionStore {
  constructor(private readonly db: Db) {}

  /** Publishes the batch's list (a list published again replaces the earlier one). */
  async write(batchId: string, list: PossessionList): Promise<void> {
    if (!HASH.test(batchId)) throw new RangeError(`Not a batch id: ${batchId}`);
    await this.db.query(
      "INSERT INTO possession_lists (batch_id, list) VALUES ($1, $2) " +
        "ON CONFLICT (batch_id) DO UPDATE SET list = excluded.list",
      [batchId, JSON.stringify({ serialStart: list.serialStart, leaves: list.leaves })],
    );
  }

  /** The published list of the batch, or null when none was published (or it is not a list). */
  async read(batchId: string): Promise<PossessionList | null> {
    const [row] = await this.db.query<{ list: string }>(
      "SELECT list FROM possession_lists WHERE batch_id = $1",
      [batchId],
    );
    if (row === undefined) return null;
    let data: unknown;
    try {
      data = JSON.parse(row.list);
    } catch {
      return null;
    }
    const parsed = listSchema.safeParse(data);
    return parsed.success ? parsed.data : null;
  }
}
