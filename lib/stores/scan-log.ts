// The scan log: every verification of an issued serial, so a later scan can say how often and when and
// where the box was checked. An append-only JSON-lines file with group commit: a verification is
// acknowledged only after its line is on disk (fdatasync), and lines from many concurrent requests share
// one sync. At start a torn last line (a crash mid-write) is cut off at once; the rest is read back in
// the background, chunk by chunk, so the server answers at once however long the log (until it is read,
// the clone check says the history is unavailable), and never as one string (a JavaScript string holds
// at most ~512 MB, and a busy log outgrows that). The index it fills is bounded: at most `maxScans`
// scans, forgetting the serials scanned least recently, and per serial its first scan, its last
// RECENT_LIMIT scans and a count. The file keeps everything; only the index forgets.
import {
  closeSync,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import type { ScanHistory } from "../domain/record";

export interface ScanEntry {
  /** Unix seconds. */
  at: number;
  place: string | null;
  /** An opaque device fingerprint (a salted hash), never the raw address. */
  device: string;
}

/**
 * Where scans are kept: this file now, a database later. `since` is the moment from which scans count
 * (lib/domain/scan-window.ts); null counts them all.
 */
export interface ScanStore {
  /** Null while the history cannot be read (the log is still loading, or unreadable). */
  history(key: string, since: number | null): Promise<ScanHistory | null>;
  /** Resolves once the scan is durable. */
  append(key: string, entry: ScanEntry): Promise<void>;
}

interface SerialScans {
  /** Every scan of the serial in the log. */
  count: number;
  first: ScanEntry;
  /** The latest scans, oldest first, at most RECENT_LIMIT. */
  recent: ScanEntry[];
  /** When the newest scan that fell out of `recent` was made; null while none has. */
  forgottenUntil: number | null;
}

/** Enough to count a box's checks and devices exactly as long as it is not scanned in bulk. */
const RECENT_LIMIT = 64;
/** Measured after a full GC: a million scans of a million serials held take ~270 MB of heap. */
export const DEFAULT_MAX_SCANS = 1_000_000;
/** About 10,000 lines: parsing them keeps the event loop busy for a few milliseconds at a time. */
const READ_CHUNK_BYTES = 1 << 20;
/** Long enough for any line this log writes; a torn tail is looked for within it. */
const TAIL_BYTES = 64 << 10;
const NEWLINE = 0x0a;

export class ScanLog implements ScanStore {
  /**
   * Two generations: serials scanned lately, and those scanned before the last turnover. A scan of an
   * older serial moves it to the recent generation; when that holds half the bound's scans (or both hold
   * all of it), the older one is dropped whole. So the index holds at most maxScans scans, forgets the
   * serials not scanned for longest, and costs a map lookup or two a scan (an exact LRU, reordering a map
   * on every scan, made a 10-million-line load crawl).
   */
  private recentGen = new Map<string, SerialScans>();
  private olderGen = new Map<string, SerialScans>();
  private recentGenScans = 0;
  private olderGenScans = 0;
  /** Region names repeat on every line read back; one copy each keeps the index small. */
  private readonly places = new Map<string, string>();
  private readonly fd: number;
  private state: "loading" | "ready" | "unreadable" | "closed" = "loading";
  /** Scans appended while the file is read, indexed after it in order. */
  private appendedWhileLoading: [string, ScanEntry][] = [];
  /** Resolves once the file is read (or found unreadable); history() answers null until then. */
  readonly ready: Promise<void>;
  private pending: { line: string; done: () => void; fail: (error: Error) => void }[] = [];
  private flushScheduled = false;

  constructor(
    path: string,
    private readonly maxScans = DEFAULT_MAX_SCANS,
  ) {
    if (maxScans < 2 * RECENT_LIMIT) throw new RangeError(`maxScans must be at least ${2 * RECENT_LIMIT}`);
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, "a+");
    this.ready = this.load(this.cutTornTail());
  }

  /** What the index holds now: at most maxScans scans (each serial's first is counted with it). */
  get held(): { serials: number; scans: number } {
    return {
      serials: this.recentGen.size + this.olderGen.size,
      scans: this.recentGenScans + this.olderGenScans,
    };
  }

  /** Cuts a last line the crash left unfinished (never acknowledged), so the next append starts its own. */
  private cutTornTail(): number {
    const size = fstatSync(this.fd).size;
    const tail = Buffer.allocUnsafe(Math.min(TAIL_BYTES, size));
    readSync(this.fd, tail, 0, tail.length, size - tail.length);
    const whole = size - tail.length + tail.lastIndexOf(NEWLINE) + 1;
    if (whole < size) ftruncateSync(this.fd, whole);
    return whole;
  }

  private async load(size: number): Promise<void> {
    try {
      const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      let carried = Buffer.alloc(0);
      for (let position = 0; position < size;) {
        const read = readSync(this.fd, chunk, 0, Math.min(chunk.length, size - position), position);
        if (read === 0) break;
        position += read;
        const bytes =
          carried.length === 0 ? chunk.subarray(0, read) : Buffer.concat([carried, chunk.subarray(0, read)]);
        const end = bytes.lastIndexOf(NEWLINE);
        if (end >= 0) for (const line of bytes.toString("utf8", 0, end).split("\n")) this.replay(line);
        carried = Buffer.from(bytes.subarray(end + 1));
        // Let requests in between chunks; a log of one chunk is read before the constructor returns.
        if (position < size) await new Promise((resolve) => setImmediate(resolve));
        // Closed meanwhile: its descriptor may already be another file's.
        if (this.state === "closed") return;
      }
      for (const [key, entry] of this.appendedWhileLoading) this.remember(key, entry);
      this.state = "ready";
    } catch {
      // The history stays unavailable (the clone check says so); verifications and appends go on.
      this.state = "unreadable";
    }
    this.appendedWhileLoading = [];
  }

  private replay(line: string): void {
    if (!line) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return; // not a line this log wrote
    }
    const { k, at, place, device } = parsed as Record<string, unknown>;
    if (typeof k !== "string" || typeof at !== "number" || typeof device !== "string") return;
    this.remember(k, { at, place: typeof place === "string" ? this.intern(place) : null, device });
  }

  private remember(key: string, entry: ScanEntry): void {
    // Forgetting a serial costs its next scan the "checked before" note, no more: a sale is on chain.
    if (
      this.recentGenScans >= this.maxScans / 2 ||
      this.recentGenScans + this.olderGenScans >= this.maxScans
    ) {
      this.olderGen = this.recentGen;
      this.olderGenScans = this.recentGenScans;
      this.recentGen = new Map();
      this.recentGenScans = 0;
    }
    const scans = this.lookup(key);
    if (!scans) {
      this.recentGen.set(key, { count: 1, first: entry, recent: [entry], forgottenUntil: null });
      this.recentGenScans += 1;
      return;
    }
    scans.count += 1;
    scans.recent.push(entry);
    if (scans.recent.length <= RECENT_LIMIT) this.recentGenScans += 1;
    else scans.forgottenUntil = scans.recent.shift()?.at ?? scans.forgottenUntil;
  }

  /** Finds a serial's scans, moving them to the recent generation. */
  private lookup(key: string): SerialScans | undefined {
    const recent = this.recentGen.get(key);
    if (recent) return recent;
    const older = this.olderGen.get(key);
    if (older) {
      this.olderGen.delete(key);
      this.olderGenScans -= older.recent.length;
      this.recentGen.set(key, older);
      this.recentGenScans += older.recent.length;
    }
    return older;
  }

  private intern(place: string): string {
    const known = this.places.get(place);
    if (known !== undefined) return known;
    if (this.places.size < 10_000) this.places.set(place, place);
    return place;
  }

  /** What is known about the serial's scans at or after `since` (all of them when null). */
  history(key: string, since: number | null): Promise<ScanHistory | null> {
    return Promise.resolve(this.state === "ready" ? this.historyNow(key, since) : null);
  }

  private historyNow(key: string, since: number | null): ScanHistory {
    const scans = this.recentGen.get(key) ?? this.olderGen.get(key);
    if (!scans) return { count: 0, firstVerifiedAt: null, firstPlace: null, devices: 0 };
    const devices = (list: ScanEntry[]) => new Set(list.map((e) => e.device)).size;
    if (since === null || scans.first.at >= since) {
      const { first } = scans;
      return {
        count: scans.count,
        firstVerifiedAt: first.at,
        firstPlace: first.place,
        devices: devices(scans.recent),
      };
    }
    const counted = scans.recent.filter((e) => e.at >= since);
    const [first] = counted;
    if (scans.forgottenUntil === null || scans.forgottenUntil < since) {
      return {
        count: counted.length,
        firstVerifiedAt: first?.at ?? null,
        firstPlace: first?.place ?? null,
        devices: devices(counted),
      };
    }
    // More than RECENT_LIMIT scans since the moment, and scans before it too: the index no longer knows
    // which came first, so it says only what it is sure of.
    return { count: counted.length + 1, firstVerifiedAt: null, firstPlace: null, devices: devices(counted) };
  }

  append(key: string, entry: ScanEntry): Promise<void> {
    if (this.state === "ready") this.remember(key, entry);
    else if (this.state === "loading") this.appendedWhileLoading.push([key, entry]);
    return new Promise((done, fail) => {
      this.pending.push({ line: JSON.stringify({ k: key, ...entry }) + "\n", done, fail });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      writeSync(this.fd, batch.map((p) => p.line).join(""));
      fdatasyncSync(this.fd);
      for (const p of batch) p.done();
    } catch (error) {
      for (const p of batch) p.fail(error as Error);
    }
  }

  close(): void {
    this.flush();
    this.state = "closed";
    closeSync(this.fd);
  }
}
