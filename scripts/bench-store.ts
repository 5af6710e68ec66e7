// `npx tsx scripts/bench-store.ts`: what recording a scan costs the scan log (lib/stores/scan-store.ts) on
// each engine, never asserts. On a fresh PGlite folder and a fresh PostgreSQL server (scripts/lib/postgres.ts),
// it records scans of new serials one at a time and 100 at once, and prints appends a second and the mean
// time a scan took to be acknowledged. `npm run bench` calls storeAppends() for its rows; run alone it
// prints them as JSON.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgres } from "./lib/postgres";
import { openDb, type Db } from "../lib/stores/db";
import { DbScanStore } from "../lib/stores/scan-store";

/** Scans recorded by each run: enough to outlast PGlite's warm-up, few enough for a shared machine. */
const SCANS = 3_000;
const CONCURRENT = 100;

export interface AppendFigures {
  engine: "PGlite" | "PostgreSQL";
  /** Scans acknowledged a second, and the mean time from record() to its acknowledgement. */
  sequential: { perSecond: number; meanMs: number };
  concurrent: { clients: number; perSecond: number; meanMs: number };
}

/** Records SCANS scans of new serials from `clients` loops that each await their scan before the next. */
async function appends(db: Db, run: string, clients: number) {
  const store = new DbScanStore(db);
  let next = 0;
  let waited = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < SCANS; i = next++) {
        const sent = performance.now();
        await store.record(`bench/${run}/${i}`, { at: i, place: null, device: `d${i % 7}` }, null);
        waited += performance.now() - sent;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: Math.round(SCANS / seconds), meanMs: Math.round((waited / SCANS) * 100) / 100 };
}

async function measure(engine: AppendFigures["engine"], db: Db): Promise<AppendFigures> {
  await db.ready;
  await appends(db, "warm-up", CONCURRENT);
  const sequential = await appends(db, "sequential", 1);
  const concurrent = await appends(db, "concurrent", CONCURRENT);
  return { engine, sequential, concurrent: { clients: CONCURRENT, ...concurrent } };
}

/** The scan log's appends on PGlite (in this process, as `npm start` runs it) and on PostgreSQL. */
export async function storeAppends(): Promise<AppendFigures[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "medproof-bench-store-"));
  const postgres = await startPostgres();
  try {
    const figures: AppendFigures[] = [];
    for (const [engine, url] of [
      ["PGlite", null],
      ["PostgreSQL", postgres.url],
    ] as const) {
      const db = openDb({ databaseUrl: url, dataDir });
      try {
        figures.push(await measure(engine, db));
      } finally {
        await db.close();
      }
    }
    return figures;
  } finally {
    postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void storeAppends().then((figures) => console.log(JSON.stringify(figures, null, 2)));
}
