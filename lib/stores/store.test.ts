// The shared-state stores' promises, on both engines the app runs them on: PGlite (the embedded default)
// and a real PostgreSQL server started for this test. The scan log logs only serials a batch issued,
// counts only the scans since a box's sale or its lot's delivery, keeps an acknowledged scan through
// kill -9, lets no two concurrent scans both be a box's first, and group-commits concurrent scans with
// the histories one at a time would give, even when another instance takes a number first; rate limits
// are one budget across handles; a sign-in nonce is redeemed once across handles; evidence is kept whole
// and within its size limit; possession lists are published to every handle; tips about fakes come newest
// first with their photo and past scans and are decided once; migrations are applied once.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DAY } from "../domain/time";
import {
  FIXTURE_GTIN,
  FIXTURE_LOT,
  FIXTURE_NOW,
  FIXTURE_TIMES,
  makeBoxRecord,
  makePharmacy,
} from "../domain/fixtures";
import type { BoxRecord } from "../domain/record";
import type { Check } from "../domain/verdict";
import { readScannedCode, Verifier } from "../queries/verify";
import { startPostgres, type Postgres } from "../../scripts/lib/postgres";
import { openDb, type Db } from "./db";
import { MIGRATIONS } from "./migrations";
import { DbScanStore } from "./scan-store";
import { RateLimiter } from "./rate-limit";
import { EvidenceStore, prepareEvidence } from "./evidence-store";
import { PossessionStore } from "./possession-store";
import { SiweNonces } from "./siwe-nonces";
import { CheckCodeStore } from "./check-code-store";
import { TipStore, type NewTip } from "./tip-store";
import { MAX_EVIDENCE_PHOTO_BYTES } from "./migrations/0001-shared-state";

const dataDir = mkdtempSync(join(tmpdir(), "medproof-store-"));
let postgres: Postgres | undefined;
after(() => {
  postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Each engine's database; `another` opens a second handle on it, as a second app instance would. */
interface Engine {
  name: string;
  url: () => string | null;
}
const engines: Engine[] = [
  { name: "PGlite", url: () => null },
  { name: "PostgreSQL", url: () => postgres!.url },
];

const keyOf = (serial: string) => `${FIXTURE_GTIN}/${FIXTURE_LOT}/${serial}`;
const scan = (at: number, device = "device-a") => ({ at, place: "苏州", device });

/** Verifies the fixture lot's serial `serial` against `record`, as the lean handler does. */
async function cloneCheck(db: Db, record: BoxRecord, serial: string, now: number, device: string) {
  const verifier = new Verifier({ read: () => Promise.resolve(record) }, new DbScanStore(db));
  const code = readScannedCode(
    `https://example.com/01/${FIXTURE_GTIN}/10/${FIXTURE_LOT}/21/${serial}?17=280923`,
  );
  assert.ok(!("status" in code));
  const outcome = await verifier.verify(code, { region: 320500, device, now });
  assert.equal(outcome.status, 200);
  return (outcome.body as { checks: Check[] }).checks.find((c) => c.id === "clone")!;
}

async function scansOf(db: Db, key: string): Promise<number> {
  const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM scans WHERE key = $1", [key]);
  return row!.n;
}

/**
 * `db`, counting the scan log's statements (each one's parameters); `before` runs ahead of each and may
 * throw in its place.
 */
function counting(db: Db, before?: (params: unknown[]) => Promise<void>) {
  const statements: unknown[][] = [];
  const wrapped: Db = Object.create(db);
  wrapped.query = async <Row>(text: string, params: unknown[] = []) => {
    if (text.includes("INSERT INTO scans")) {
      statements.push(params);
      await before?.(params);
    }
    return db.query<Row>(text, params);
  };
  return { db: wrapped, statements };
}

/**
 * Opens the store in a child process, records one scan of `key`, and is killed with SIGKILL the moment
 * it says the scan was acknowledged: no close, no flush, nothing after the reply.
 */
async function scanThenKill9(env: Record<string, string>, key: string): Promise<void> {
  const script = `(async () => {
    const { openDb } = require("./lib/stores/db.ts");
    const { DbScanStore } = require("./lib/stores/scan-store.ts");
    const db = openDb({ databaseUrl: process.env.DATABASE_URL || null, dataDir: process.env.DATA_DIR });
    await new DbScanStore(db).record(${JSON.stringify(key)}, { at: 1, place: null, device: "d" }, null);
    process.stdout.write("acknowledged\\n");
    setInterval(() => undefined, 1000);
  })();`;
  const child = spawn(process.execPath, ["--import", "tsx", "-e", script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (!chunk.toString().includes("acknowledged")) return;
      child.kill("SIGKILL");
      resolve();
    });
    child.once("exit", (code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`the scanning process exited with ${code}`));
    });
  });
  await new Promise((resolve) => child.once("exit", resolve));
}

for (const engine of engines) {
  describe(`the stores on ${engine.name}`, () => {
    let db: Db;
    const KILLED = keyOf("900001");

    before(async () => {
      if (engine.name === "PostgreSQL") postgres = await startPostgres();
      // Before this process opens the database: PGlite is one process's at a time.
      await scanThenKill9({ DATABASE_URL: engine.url() ?? "", DATA_DIR: dataDir }, KILLED);
      db = openDb({ databaseUrl: engine.url(), dataDir });
      await db.ready;
    });
    after(() => db.close());

    it("keeps a scan acknowledged a moment before kill -9", async () => {
      assert.equal(await scansOf(db, KILLED), 1);
      const history = await new DbScanStore(db).record(KILLED, scan(2), null);
      assert.equal(history.count, 1, "the next scan sees it");
    });

    it("records each migration once, with its version", async () => {
      const rows = await db.query<{ version: number }>(
        "SELECT version FROM schema_migrations ORDER BY version",
      );
      assert.deepEqual(
        rows.map((r) => r.version),
        MIGRATIONS.map((m) => m.version),
      );
    });

    // Two instances on one database are PostgreSQL's case (PGlite is one process's).
    if (engine.name === "PostgreSQL")
      it("applies a new migration once when two instances start together", async () => {
        const later = [...MIGRATIONS, { version: 999, name: "test", sql: "CREATE TABLE later (id int)" }];
        const handles = [1, 2].map(() => openDb({ databaseUrl: engine.url(), dataDir, migrations: later }));
        await Promise.all(handles.map((handle) => handle.ready));
        await Promise.all(handles.map((handle) => handle.close()));
        const rows = await db.query("SELECT 1 FROM schema_migrations WHERE version = 999");
        assert.equal(rows.length, 1);
        assert.deepEqual(await db.query("SELECT count(*)::int AS n FROM later"), [{ n: 0 }]);
      });

    it("logs a serial the batch issued, and not one outside its range", async () => {
      const outOfRange = await cloneCheck(
        db,
        makeBoxRecord({ serial: { inRange: false } }),
        "999999999",
        FIXTURE_NOW,
        "d",
      );
      assert.equal(outOfRange.status, "unknown", "an unissued serial has no history to compare");
      assert.equal(await scansOf(db, keyOf("999999999")), 0, "the unissued serial was not written");
      await cloneCheck(db, makeBoxRecord(), "100001", FIXTURE_NOW, "d");
      assert.equal(await scansOf(db, keyOf("100001")), 1, "the issued serial was");
    });

    it("does not count scans from before the lot's delivery toward an unsold box's checks", async () => {
      const record = makeBoxRecord();
      const deliveredAt = FIXTURE_TIMES.shippedToPharmacy + DAY;
      // Someone walks the lot's sequential serials before the boxes reach the shop.
      for (const [i, device] of ["scraper-1", "scraper-2", "scraper-3"].entries()) {
        await cloneCheck(db, record, "100002", deliveredAt - (10 - i) * DAY, device);
      }
      const buyer = await cloneCheck(db, record, "100002", FIXTURE_NOW, "buyer");
      assert.equal(buyer.status, "pass");
      assert.equal(buyer.title, "First check of this box");
      assert.match(buyer.detail, /since its lot was delivered on 2026-10-26/);
      const again = await cloneCheck(db, record, "100002", FIXTURE_NOW + 60, "buyer");
      assert.match(again.title, /^Checked once before; first on 2026-11-24, 苏州$/);
    });

    it("does not count scans from before the sale toward a sold box's devices", async () => {
      const soldAt = FIXTURE_NOW - DAY;
      const unsold = makeBoxRecord();
      for (const device of ["scraper-1", "scraper-2", "scraper-3"]) {
        await cloneCheck(db, unsold, "100003", soldAt - DAY, device);
      }
      const sold = makeBoxRecord({ serial: { sale: { seller: makePharmacy(), soldAt } } });
      await cloneCheck(db, sold, "100003", FIXTURE_NOW, "buyer");
      const check = await cloneCheck(db, sold, "100003", FIXTURE_NOW + 60, "buyer");
      assert.equal(
        check.status,
        "fail",
        "a sold code is final (the buyer is told when and where it was sold)",
      );
      assert.doesNotMatch(check.detail, /different devices/, "the buyer's own scans are one device");
    });

    it("counts a much-scanned serial exactly, and its devices among the latest scans", async () => {
      const store = new DbScanStore(db);
      const key = keyOf("100004");
      // 200 scans at seconds 1…200 from seven devices, in one statement (one at a time is slow on PGlite).
      await db.query(
        "INSERT INTO scans (key, seq, at, place, device) " +
          "SELECT $1, g, g, '苏州', 'device-' || (g % 7) FROM generate_series(1, 200) AS g",
        [key],
      );
      const probe = (since: number | null) => store.record(key, scan(1_000, "device-0"), since);
      assert.deepEqual(await probe(null), { count: 200, firstVerifiedAt: 1, firstPlace: "苏州", devices: 7 });
      assert.deepEqual(await probe(190), { count: 12, firstVerifiedAt: 190, firstPlace: "苏州", devices: 7 });
      const bulk = await probe(50);
      assert.equal(bulk.count, 153, "every scan since the moment, however many");
      assert.equal(bulk.firstVerifiedAt, 50, "and the first of them");
    });

    it("lets only one of many concurrent scans of a new serial be its first", async () => {
      // On PostgreSQL through two handles (two pools, as two app instances have); PGlite has one.
      const other = engine.name === "PostgreSQL" ? openDb({ databaseUrl: engine.url(), dataDir }) : db;
      const stores = [new DbScanStore(db), new DbScanStore(other)];
      const key = keyOf("100005");
      const histories = await Promise.all(
        Array.from({ length: 16 }, (_, i) => stores[i % 2]!.record(key, scan(100 + i, `d${i}`), null)),
      );
      if (other !== db) await other.close();
      const counts = histories.map((h) => h.count).sort((a, b) => a - b);
      assert.deepEqual(
        counts,
        Array.from({ length: 16 }, (_, i) => i),
        "each scan saw every one before it, and one scan saw none",
      );
      assert.equal(await scansOf(db, key), 16);
    });

    it("records many concurrent scans of distinct and repeated serials as one at a time would, in few statements", async () => {
      const { db: counted, statements } = counting(db);
      const store = new DbScanStore(counted);
      // 40 serials scanned 5 times each, interleaved, from three devices; half the scans count only
      // since a moment between them, and half give no place.
      const scans = Array.from({ length: 200 }, (_, i) => ({
        key: keyOf(`2${String(i % 40).padStart(5, "0")}`),
        entry: { at: 1_000 + i, place: i % 2 === 0 ? "苏州" : null, device: `d${i % 3}` },
        since: i % 4 === 3 ? 1_080 : null,
      }));
      const histories = await Promise.all(scans.map((s) => store.record(s.key, s.entry, s.since)));
      histories.forEach((history, i) => {
        const { key, since } = scans[i]!;
        const before = scans
          .slice(0, i)
          .filter((s) => s.key === key && (since === null || s.entry.at >= since))
          .map((s) => s.entry);
        assert.deepEqual(
          history,
          {
            count: before.length,
            firstVerifiedAt: before[0]?.at ?? null,
            firstPlace: before[0]?.place ?? null,
            devices: new Set(before.map((e) => e.device)).size,
          },
          `scan ${i} of ${key}`,
        );
      });
      assert.equal(statements.length, 5, "one statement a round of the serials' scans, not one a scan");
      for (const key of new Set(scans.map((s) => s.key))) assert.equal(await scansOf(db, key), 5);
    });

    it("records a batch scan by scan when another instance took one serial's next number", async () => {
      const keys = Array.from({ length: 20 }, (_, i) => keyOf(`3${String(i).padStart(5, "0")}`));
      const contended = keys[7]!;
      const { db: racing, statements } = counting(db, async (params) => {
        if (statements.length > 1) return;
        // Another instance's scan of one serial commits after this statement's snapshot: simulated by
        // committing it first and failing the statement as PostgreSQL would (it then writes nothing).
        await db.query("INSERT INTO scans (key, seq, at, place, device) VALUES ($1, 1, 1, '南京', 'x')", [
          contended,
        ]);
        assert.equal((params[0] as string[]).length, 20, "the first statement carries the whole batch");
        throw Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" });
      });
      const store = new DbScanStore(racing);
      const histories = await Promise.all(keys.map((key, i) => store.record(key, scan(100 + i), null)));
      histories.forEach((history, i) =>
        assert.deepEqual(
          history,
          keys[i] === contended
            ? { count: 1, firstVerifiedAt: 1, firstPlace: "南京", devices: 1 }
            : { count: 0, firstVerifiedAt: null, firstPlace: null, devices: 0 },
        ),
      );
      for (const key of keys) assert.equal(await scansOf(db, key), key === contended ? 2 : 1);
    });

    it("keeps two instances' batches of the same serials exact", async () => {
      const other = engine.name === "PostgreSQL" ? openDb({ databaseUrl: engine.url(), dataDir }) : db;
      const stores = [new DbScanStore(db), new DbScanStore(other)];
      const keys = Array.from({ length: 8 }, (_, i) => keyOf(`4${String(i).padStart(5, "0")}`));
      const histories = await Promise.all(
        Array.from({ length: 96 }, (_, i) =>
          stores[i % 2]!.record(keys[i % 8]!, scan(100 + i, `d${i}`), null).then((h) => ({
            key: keys[i % 8]!,
            h,
          })),
        ),
      );
      if (other !== db) await other.close();
      for (const key of keys) {
        const counts = histories
          .filter((r) => r.key === key)
          .map((r) => r.h.count)
          .sort((a, b) => a - b);
        assert.deepEqual(
          counts,
          Array.from({ length: 12 }, (_, i) => i),
          `each scan of ${key} saw those before it`,
        );
        assert.equal(await scansOf(db, key), 12);
      }
    });

    it("allows `limit` attempts per key and window, then says how long to wait", async () => {
      let now = 1_000_000;
      const limiter = new RateLimiter(db, "test-take", 2, 60_000, () => now);
      assert.equal((await limiter.take("a")).allowed, true);
      assert.equal((await limiter.take("a")).allowed, true);
      now += 15_000;
      assert.deepEqual(await limiter.take("a"), { allowed: false, retryAfterSeconds: 45 });
      assert.equal((await limiter.take("b")).allowed, true, "another key has its own window");
      const otherLimit = new RateLimiter(db, "test-other", 2, 60_000, () => now);
      assert.equal((await otherLimit.take("a")).allowed, true, "another limit counts apart");
      now += 45_000;
      assert.equal((await limiter.take("a")).allowed, true, "a new window starts");
    });

    it("peeks without counting", async () => {
      const limiter = new RateLimiter(db, "test-peek", 1, 60_000, () => 0);
      assert.equal((await limiter.peek("a")).allowed, true);
      assert.equal((await limiter.peek("a")).allowed, true);
      assert.equal((await limiter.take("a")).allowed, true);
      assert.deepEqual(await limiter.peek("a"), { allowed: false, retryAfterSeconds: 60 });
    });

    it("gives a client one budget across handles, even when they count at once", async () => {
      const other = engine.name === "PostgreSQL" ? openDb({ databaseUrl: engine.url(), dataDir }) : db;
      const limiters = [db, other].map((handle) => new RateLimiter(handle, "test-shared", 5, 60_000));
      const verdicts = await Promise.all(Array.from({ length: 12 }, (_, i) => limiters[i % 2]!.take("c")));
      if (other !== db) await other.close();
      assert.equal(verdicts.filter((v) => v.allowed).length, 5);
    });

    it("redeems a sign-in nonce once across handles, even when they try at once, and names why not", async () => {
      let now = 1_000_000;
      const nonces = new SiweNonces(db, () => now);
      const other = engine.name === "PostgreSQL" ? openDb({ databaseUrl: engine.url(), dataDir }) : db;
      await nonces.issue(`${engine.name}nonce1`, 600);
      const tries = await Promise.all(
        [db, other, db, other].map((handle) =>
          new SiweNonces(handle, () => now).redeem(`${engine.name}nonce1`),
        ),
      );
      assert.deepEqual(tries.toSorted(), ["redeemed", "replayed", "replayed", "replayed"]);
      assert.equal(await nonces.redeem(`${engine.name}never-issued`), "unknown");
      await nonces.issue(`${engine.name}nonce2`, 600);
      now += 600_000;
      assert.equal(await nonces.redeem(`${engine.name}nonce2`), "expired");
      if (other !== db) await other.close();
    });

    it("keeps a complaint's statement and photo, and refuses a photo over the limit", async () => {
      const store = new EvidenceStore(db);
      const photo = { type: "png" as const, bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) };
      const evidence = prepareEvidence("The ear loops snap.", photo);
      await store.save(evidence);
      await store.save(evidence); // a retried filing keeps one copy
      assert.deepEqual(await store.statement(evidence.hash), evidence.statement);
      const [row] = await db.query<{ photo: Uint8Array }>("SELECT photo FROM evidence WHERE hash = $1", [
        evidence.hash,
      ]);
      assert.equal(createHash("sha256").update(row!.photo).digest("hex"), evidence.statement.photo);
      assert.equal(await store.statement(`0x${"0".repeat(64)}`), null, "nothing under another hash");
      await db.query("UPDATE evidence SET statement = $1 WHERE hash = $2", [
        '{"description":"x"}',
        evidence.hash,
      ]);
      assert.equal(await store.statement(evidence.hash), null, "a changed statement no longer matches");
      const huge = { type: "jpeg" as const, bytes: Buffer.alloc(MAX_EVIDENCE_PHOTO_BYTES + 1) };
      await assert.rejects(store.save(prepareEvidence("Too big.", huge)), /check constraint/);
    });

    it("keeps tips newest first with their photo and the code's past scans, and decides each once", async () => {
      const evidence = new EvidenceStore(db);
      const tips = new TipStore(db);
      const key = keyOf("900077");
      const log = new DbScanStore(db);
      await log.record(key, { ...scan(10), place: null }, null);
      await log.record(key, scan(20), null);
      const past = await log.past(key);
      assert.deepEqual(past, {
        total: 2,
        latest: [
          { at: 20, place: "苏州" },
          { at: 10, place: null },
        ],
      });
      const photo = { type: "png" as const, bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 9]) };
      const withPhoto = prepareEvidence("Tip: blurred print", photo);
      const without = prepareEvidence("Tip: no leaflet", null);
      await evidence.save(withPhoto);
      await evidence.save(without);
      const tip = (createdAt: number, evidenceHash: string): NewTip => ({
        createdAt,
        code: "(01)09521234500018(10)240315A(21)900077",
        gtin: FIXTURE_GTIN,
        lot: FIXTURE_LOT,
        serial: "900077",
        batchId: null,
        sellerAddress: null,
        sellerName: "车站旁的小摊",
        boughtOn: "2026-11-20",
        place: null,
        priceFen: 2500,
        description: "blurred print",
        evidenceHash,
        scans: past,
      });
      const older = await tips.add(tip(1_000, withPhoto.hash));
      const newer = await tips.add(tip(2_000, without.hash));
      const open = (await tips.open()).filter((t) => t.id === older || t.id === newer);
      assert.deepEqual(
        open.map((t) => [t.id, t.hasPhoto]),
        [
          [newer, false],
          [older, true],
        ],
      );
      assert.deepEqual(open[1]?.scans, past);
      assert.deepEqual((await evidence.photo(withPhoto.hash))?.bytes, photo.bytes);
      const decision = {
        status: "confirmed" as const,
        at: 3_000,
        by: "finding 1",
        findingTx: `0x${"aa".repeat(32)}`,
      };
      assert.equal(await tips.decide(older, decision), true);
      assert.equal(await tips.decide(older, { ...decision, status: "dismissed" }), false, "decided once");
      assert.equal((await tips.get(older))?.status, "confirmed");
      assert.equal((await tips.byEvidence(withPhoto.hash))?.findingTx, decision.findingTx);
      assert.ok(!(await tips.open()).some((t) => t.id === older), "a decided tip leaves the queue");
    });

    it("publishes a batch's possession list to every handle, and a new list replaces it", async () => {
      const batchId = `0x${"ab".repeat(32)}`;
      const list = { serialStart: 100001, leaves: [`0x${"01".repeat(32)}`, `0x${"02".repeat(32)}`] };
      const other = engine.name === "PostgreSQL" ? openDb({ databaseUrl: engine.url(), dataDir }) : db;
      assert.equal(await new PossessionStore(other).read(batchId), null, "none before it is published");
      await new PossessionStore(db).write(batchId, list);
      assert.deepEqual(await new PossessionStore(other).read(batchId), list);
      const replaced = { serialStart: 100001, leaves: [`0x${"03".repeat(32)}`] };
      await new PossessionStore(other).write(batchId, replaced);
      assert.deepEqual(await new PossessionStore(db).read(batchId), replaced);
      if (other !== db) await other.close();
      await assert.rejects(new PossessionStore(db).write("batch-1", list), RangeError);
    });

    it("publishes check-code digests per serial, the latest winning, and finds them by batch and serial", async () => {
      const batchId = `0x${"cc".repeat(32)}`;
      const digest = (byte: string) => `0x${byte.repeat(32)}`;
      const store = new CheckCodeStore(db);
      assert.equal(await store.read(batchId, "100001"), null, "none before it is published");
      await store.write([
        { batchId, serial: "100001", digest: digest("01") },
        { batchId, serial: "100002", digest: digest("02") },
      ]);
      await store.write([{ batchId, serial: "100002", digest: digest("03") }]);
      assert.equal(await store.read(batchId.toUpperCase().replace("0X", "0x"), "100001"), digest("01"));
      assert.equal(await store.read(batchId, "100002"), digest("03"));
      assert.equal(await store.read(batchId, "100003"), null);
      await assert.rejects(
        store.write([{ batchId: "batch-1", serial: "1", digest: digest("01") }]),
        RangeError,
      );
    });
  });
}

describe("the embedded database's thread", () => {
  it("fails a statement sent after the database closed, instead of leaving it waiting", async () => {
    const closed = openDb({ databaseUrl: null, dataDir: mkdtempSync(join(tmpdir(), "medproof-closed-")) });
    await closed.ready;
    await closed.close();
    await assert.rejects(closed.query("SELECT 1"), /The database thread stopped/);
  });
});
