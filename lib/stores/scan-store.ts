// The scan log: every verification of an issued serial, so a later scan can say how often and when and
// where the box was checked. A table in the shared database (lib/stores/db.ts): a scan is acknowledged
// once its row is committed, and every app instance on the database sees every other's scans.
// Reading a serial's history and appending the new scan are one statement, and a serial's scans are
// numbered by a primary key: of two instances scanning one box at once, one takes number 1 and the
// other fails, retries and sees it — two cannot both call the box's first check "first".
// Scans are group-committed: while one statement is in flight, the scans that arrive wait, and the next
// statement records all of them at once. A statement costs about the same for one scan as for a hundred
// (on PGlite it runs on this process's own event loop), so one at a time would cap verifications at a
// few hundred a second and take the CPU the verifier needs.
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
/** The most scans one statement records: its parameters and its reply stay small. */
export const MAX_BATCH = 500;

/** Before any scan: the window of a scan with no start (`since` null) holds the serial's whole history. */
const EARLIEST = "(-9223372036854775807)::bigint";

/** PostgreSQL's unique_violation: another instance took the serial's next number first. */
const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === "23505";

// input: the batch, one row a scan, numbered n. Each scan's serial appears once in a batch (record()
// defers a second scan of a serial to the next statement), so each insert takes the number after the
// last one this statement's snapshot sees, and the laterals read that same snapshot — the history before
// the scan, not including what this statement adds. When the insert succeeds, no other scan of any of
// these serials committed unseen; when one serial's number was taken, the whole statement writes nothing.
// Every read is an index lookup of a few rows, however often the serial was scanned: a serial's scans
// are numbered without gaps, so those in the window are the numbers from the window's earliest up to
// the one before the new scan's (times follow the numbers, give or take two instances' clocks at the
// window's very edge). Counts are cast to int and times to float8: both engines then return numbers.
const RECORD = `
  WITH input AS (
    SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[])
      WITH ORDINALITY AS input (key, at, place, device, since, n)
  ),
  added AS (
    INSERT INTO scans (key, seq, at, place, device)
    SELECT key, coalesce((SELECT max(seq) FROM scans WHERE scans.key = input.key), 0) + 1, at, place, device
    FROM input
    RETURNING key, seq
  )
  SELECT input.n::int AS n,
         coalesce(added.seq - earliest.seq, 0)::int AS count,
         earliest.at::float8 AS first_at, earliest.place AS first_place, latest.devices
  FROM input
  JOIN added ON added.key = input.key
  LEFT JOIN LATERAL (
    SELECT scans.seq, scans.at, scans.place FROM scans
    WHERE scans.key = input.key AND scans.at >= coalesce(input.since, ${EARLIEST})
    ORDER BY scans.at, scans.seq LIMIT 1
  ) earliest ON true
  CROSS JOIN LATERAL (
    SELECT count(DISTINCT recent.device)::int AS devices FROM (
      SELECT scans.device FROM scans
      WHERE scans.key = input.key AND scans.seq >= coalesce(earliest.seq, added.seq)
      ORDER BY scans.seq DESC LIMIT ${DEVICE_WINDOW}
    ) recent
  ) latest
  ORDER BY input.n`;

interface RecordRow {
  count: number;
  first_at: number | null;
  first_place: string | null;
  devices: number;
}

/** One past scan of a serial, as a tip about it shows it to an inspector. */
export interface PastScan {
  /** Unix seconds. */
  at: number;
  place: string | null;
}

/** The most scans a tip keeps: the latest ones, enough to show where and how often a box was checked. */
export const PAST_SCANS_KEPT = 20;

/** A scan waiting for its statement, and the caller waiting for its history. */
interface Pending {
  key: string;
  entry: ScanEntry;
  since: number | null;
  resolve(history: ScanHistory): void;
  reject(error: unknown): void;
}

export class DbScanStore implements ScanStore {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly db: Db) {}

  record(key: string, entry: ScanEntry, since: number | null): Promise<ScanHistory> {
    return new Promise((resolve, reject) => {
      this.queue.push({ key, entry, since, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /** The serial's scans, latest first (at most PAST_SCANS_KEPT), and how many there were in all. */
  async past(key: string): Promise<{ total: number; latest: PastScan[] }> {
    const [rows, [count]] = await Promise.all([
      this.db.query<PastScan>(
        "SELECT at::float8 AS at, place FROM scans WHERE key = $1 ORDER BY seq DESC LIMIT $2",
        [key, PAST_SCANS_KEPT],
      ),
      this.db.query<{ total: number }>("SELECT count(*)::int AS total FROM scans WHERE key = $1", [key]),
    ]);
    return { total: count?.total ?? 0, latest: rows };
  }

  /** Records the queue, one statement at a time, until it is empty. Settles every scan; never throws. */
  private async flush(): Promise<void> {
    this.flushing = true;
    // One turn of the microtask queue first: scans recorded in the same tick share the first statement.
    await Promise.resolve();
    while (this.queue.length > 0) await this.settle(this.takeBatch());
    this.flushing = false;
  }

  /**
   * The oldest waiting scans, at most one of each serial (a later scan of the same serial must see the
   * earlier one, so it waits for the next statement, still ahead of any scan that arrived after it).
   */
  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const keys = new Set<string>();
    const waiting: Pending[] = [];
    for (const pending of this.queue) {
      if (batch.length < MAX_BATCH && !keys.has(pending.key)) {
        keys.add(pending.key);
        batch.push(pending);
      } else {
        waiting.push(pending);
      }
    }
    this.queue = waiting;
    return batch;
  }

  private async settle(batch: Pending[]): Promise<void> {
    try {
      await this.insert(batch);
    } catch (error) {
      if (!isUniqueViolation(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      // Another instance took the next number of one of these serials; the statement wrote nothing.
      // Each scan retries alone, so one contended serial neither holds back nor doubles the others.
      await Promise.all(batch.map((pending) => this.alone(pending)));
    }
  }

  private async alone(pending: Pending): Promise<void> {
    for (let tries = 1; ; tries++) {
      try {
        await this.insert([pending]);
        return;
      } catch (error) {
        if (!isUniqueViolation(error) || tries >= MAX_TRIES) {
          pending.reject(error);
          return;
        }
      }
    }
  }

  /** One statement: appends every scan of `batch` and gives each its serial's history before it. */
  private async insert(batch: Pending[]): Promise<void> {
    const rows = await this.db.query<RecordRow>(RECORD, [
      batch.map((p) => p.key),
      batch.map((p) => p.entry.at),
      batch.map((p) => p.entry.place),
      batch.map((p) => p.entry.device),
      batch.map((p) => p.since),
    ]);
    if (rows.length !== batch.length) throw new Error("The scan log's insert returned a row short.");
    rows.forEach((row, i) =>
      batch[i]?.resolve({
        count: row.count,
        firstVerifiedAt: row.first_at,
        firstPlace: row.first_place,
        devices: row.devices,
      }),
    );
  }
}
