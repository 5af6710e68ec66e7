// The scan log: every verification of a serial, so a later scan can say when and where the box was
// first checked. An append-only JSON-lines file with group commit: a verification is acknowledged only
// after its line is on disk (fdatasync), and lines from many concurrent requests share one sync.
import { mkdirSync, openSync, readFileSync, existsSync, fdatasyncSync, writeSync, closeSync } from "node:fs";
import { dirname } from "node:path";
import type { ScanHistory } from "../domain/record";

export interface ScanEntry {
  /** Unix seconds. */
  at: number;
  place: string | null;
  /** An opaque device fingerprint (a salted hash), never the raw address. */
  device: string;
}

interface SerialHistory {
  count: number;
  first: ScanEntry;
  /** The most recent entries, bounded, to count devices after a sale. */
  recent: ScanEntry[];
}

const RECENT_LIMIT = 64;

export class ScanLog {
  private readonly index = new Map<string, SerialHistory>();
  private readonly fd: number;
  private pending: { line: string; done: () => void; fail: (error: Error) => void }[] = [];
  private flushScheduled = false;

  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    if (existsSync(path)) this.load();
    this.fd = openSync(path, "a");
  }

  private load(): void {
    for (const line of readFileSync(this.path, "utf8").split("\n")) {
      if (!line) continue;
      try {
        const { k, at, place, device } = JSON.parse(line) as ScanEntry & { k: string };
        this.remember(k, { at, place, device });
      } catch {
        // A torn last line from a crash mid-write: it was never acknowledged, so it is skipped.
      }
    }
  }

  private remember(key: string, entry: ScanEntry): void {
    const history = this.index.get(key);
    if (!history) {
      this.index.set(key, { count: 1, first: entry, recent: [entry] });
      return;
    }
    history.count += 1;
    history.recent.push(entry);
    if (history.recent.length > RECENT_LIMIT) history.recent.shift();
  }

  /** What was known before this scan, given when the serial was sold (if it was). */
  history(key: string, soldAt: number | null): ScanHistory {
    const h = this.index.get(key);
    if (!h) return { count: 0, firstVerifiedAt: null, firstPlace: null, devicesAfterSale: 0 };
    const devices =
      soldAt === null ? 0 : new Set(h.recent.filter((e) => e.at >= soldAt).map((e) => e.device)).size;
    return {
      count: h.count,
      firstVerifiedAt: h.first.at,
      firstPlace: h.first.place,
      devicesAfterSale: devices,
    };
  }

  /** Appends a scan; resolves once it is durable. */
  append(key: string, entry: ScanEntry): Promise<void> {
    this.remember(key, entry);
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
    closeSync(this.fd);
  }
}
