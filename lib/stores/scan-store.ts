// The scan log: every verification of an issued serial, so a later scan can say how often and when and
// where the box was checked. A table in the shared database (lib/stores/db.ts): a scan is acknowledged
// once its row is committed, and every app instance on the database sees every other's scans.
// Reading a serial's history and appending the new scan are one statement, and a serial's scans are
// numbered by a primary key: of two instances scanning one box at once, one takes number 1 and the
// other fails, retries and sees it — two cannot both call the box's first check "first".
import type { ScanHistory } from "../domain/record";
import type { Db } from "./db";

export interface ScanEntry {
  /** Unix seconds. */
  at: number;
  place: string | null;
  /** An opaque device fingerprint (a salted hash), never the raw address. */
  device: string;
}

/** `since` is the moment from which scans count (lib/domain/scan-window.ts); null counts them all. */
export interface ScanStore {
  /** Appends the scan (resolving once it is durable) and returns the serial's history before it. */
  record(key: string, entry: ScanEntry, since: number | null): Promise<ScanHistory>;
}

/**
 * Devices are counted among a serial's latest scans only: enough to tell one buyer from several as long
 * as the box is not scanned in bulk, and a read that stays small however often it is.
 */
export const DEVICE_WINDOW = 64;
/** Tries at the next number when other instances keep taking it first. */
const MAX_TRIES = 32;

/** PostgreSQL's unique_violation: another instance took the serial's next number first. */
const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === "23505";

// prior: the serial's scans this statement's snapshot sees; the insert takes the number after the last of
// them, so when it succeeds no other scan of the serial committed unseen. Counts are cast to int and times
// to float8: both engines then return JavaScript numbers.
const RECORD = `
  WITH prior AS (
    SELECT seq, at, place, device FROM scans WHERE key = $1
  ),
  added AS (
    INSERT INTO scans (key, seq, at, place, device)
    SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4 FROM prior
    RETURNING seq
  ),
  counted AS (
    SELECT seq, at, place, device FROM prior WHERE $5::bigint IS NULL OR at >= $5::bigint
  ),
  first AS (SELECT at, place FROM counted ORDER BY seq LIMIT 1),
  latest AS (SELECT device FROM counted ORDER BY seq DESC LIMIT ${DEVICE_WINDOW})
  SELECT (SELECT count(*) FROM counted)::int AS count,
         (SELECT at FROM first)::float8 AS first_at,
         (SELECT place FROM first) AS first_place,
         (SELECT count(DISTINCT device) FROM latest)::int AS devices,
         (SELECT seq FROM added) AS seq`;

interface RecordRow {
  count: number;
  first_at: number | null;
  first_place: string | null;
  devices: number;
}

export class DbScanStore implements ScanStore {
  constructor(private readonly db: Db) {}

  async record(key: string, entry: ScanEntry, since: number | null): Promise<ScanHistory> {
    for (let tries = 1; ; tries++) {
      try {
        const [row] = await this.db.query<RecordRow>(RECORD, [
          key,
          entry.at,
          entry.place,
          entry.device,
          since,
        ]);
        if (row === undefined) throw new Error("The scan log's insert returned no row.");
        return {
          count: row.count,
          firstVerifiedAt: row.first_at,
          firstPlace: row.first_place,
          devices: row.devices,
        };
      } catch (error) {
        if (!isUniqueViolation(error) || tries >= MAX_TRIES) throw error;
      }
    }
  }
}
