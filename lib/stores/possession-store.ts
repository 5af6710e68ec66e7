// The possession lists manufacturers publish (one per batch: the leaves of its possession tree), kept
// under the data folder as <batchId>.json. A list is only trusted after its root is checked against the
// batch's on-chain possessionRoot (lib/chain/possession), so a stale or tampered file cannot forge a proof.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { PossessionList } from "../chain/possession";

const HASH = /^0x[0-9a-f]{64}$/;
const listSchema = z.object({
  serialStart: z.number().int().nonnegative(),
  leaves: z.array(z.string().regex(HASH)).min(1),
});

export class PossessionStore {
  constructor(private readonly dir: string) {}

  private path(batchId: string): string {
    if (!HASH.test(batchId)) throw new RangeError(`Not a batch id: ${batchId}`);
    return join(this.dir, `${batchId}.json`);
  }

  write(batchId: string, list: PossessionList): void {
    mkdirSync(this.dir, { recursive: true });
    const path = this.path(batchId);
    writeFileSync(`${path}.tmp`, JSON.stringify(list));
    renameSync(`${path}.tmp`, path);
  }

  /** The published list of the batch, or null when none was published (or the file is unreadable). */
  read(batchId: string): PossessionList | null {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(this.path(batchId), "utf8"));
    } catch {
      return null;
    }
    const parsed = listSchema.safeParse(data);
    return parsed.success ? parsed.data : null;
  }
}

/** The store of a data folder: <dataDir>/possession. */
export function possessionStoreIn(dataDir: string): PossessionStore {
  return new PossessionStore(join(dataDir, "possession"));
}
