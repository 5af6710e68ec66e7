// The scan log's promises: it logs only serials a batch issued, counts only the scans since a box's sale
// or its lot's delivery, survives a crash mid-write, loads a log too big for one string, and holds a
// bounded number of serials in memory however long the log grows.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  appendFileSync,
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
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
import type { BoxRecord, ScanHistory } from "../domain/record";
import type { Check } from "../domain/verdict";
import { DEFAULT_MAX_SCANS, ScanLog } from "./scan-log";
import { readScannedCode, Verifier } from "../queries/verify";

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempLog(): string {
  const dir = mkdtempSync(join(tmpdir(), "medproof-scan-log-"));
  dirs.push(dir);
  return join(dir, "scan-log.jsonl");
}

/** A log whose file has been read back. */
async function opened(path: string, maxScans?: number): Promise<ScanLog> {
  const log = new ScanLog(path, maxScans);
  await log.ready;
  return log;
}

async function historyOf(log: ScanLog, key: string, since: number | null): Promise<ScanHistory> {
  const history = await log.history(key, since);
  assert.ok(history, "the history is available once the log is read");
  return history;
}

const KEY = `${FIXTURE_GTIN}/${FIXTURE_LOT}/100123`;
const scan = (at: number, device = "device-a") => ({ at, place: "苏州", device });
const lines = (path: string) => readFileSync(path, "utf8").split("\n").filter(Boolean);

/** Verifies the fixture lot's serial `serial` against `record`, as the lean handler does. */
async function cloneCheck(log: ScanLog, record: BoxRecord, serial: string, now: number, device: string) {
  const verifier = new Verifier({ read: () => Promise.resolve(record) }, log);
  const code = readScannedCode(
    `https://example.com/01/${FIXTURE_GTIN}/10/${FIXTURE_LOT}/21/${serial}?17=280923`,
  );
  assert.ok(!("status" in code));
  const outcome = await verifier.verify(code, { region: 320500, device, now });
  assert.equal(outcome.status, 200);
  return (outcome.body as { checks: Check[] }).checks.find((c) => c.id === "clone")!;
}

describe("the scan log", () => {
  it("logs a serial the batch issued, and not one outside its range", async () => {
    const path = tempLog();
    const log = await opened(path);
    const outOfRange = await cloneCheck(
      log,
      makeBoxRecord({ serial: { inRange: false } }),
      "999999999",
      FIXTURE_NOW,
      "d",
    );
    assert.equal(outOfRange.status, "unknown", "an unissued serial has no history to compare");
    await cloneCheck(log, makeBoxRecord(), "100123", FIXTURE_NOW, "d");
    log.close();
    assert.deepEqual(
      lines(path).map((line) => (JSON.parse(line) as { k: string }).k),
      [KEY],
      "only the issued serial was written",
    );
  });

  it("does not count scans from before the lot's delivery toward an unsold box's checks", async () => {
    const log = await opened(tempLog());
    const record = makeBoxRecord();
    const deliveredAt = FIXTURE_TIMES.shippedToPharmacy + DAY;
    // Someone walks the lot's sequential serials before the boxes reach the shop.
    for (const [i, device] of ["scraper-1", "scraper-2", "scraper-3"].entries()) {
      await cloneCheck(log, record, "100123", deliveredAt - (10 - i) * DAY, device);
    }
    const buyer = await cloneCheck(log, record, "100123", FIXTURE_NOW, "buyer");
    assert.equal(buyer.status, "pass");
    assert.equal(buyer.title, "First check of this box");
    assert.match(buyer.detail, /since its lot was delivered on 2026-10-26/);
    const again = await cloneCheck(log, record, "100123", FIXTURE_NOW + 60, "buyer");
    assert.match(again.title, /^Checked once before; first on 2026-11-24, 苏州$/);
    log.close();
  });

  it("does not count scans from before the sale toward a sold box's devices", async () => {
    const log = await opened(tempLog());
    const soldAt = FIXTURE_NOW - DAY;
    const unsold = makeBoxRecord();
    for (const device of ["scraper-1", "scraper-2", "scraper-3"]) {
      await cloneCheck(log, unsold, "100123", soldAt - DAY, device);
    }
    const sold = makeBoxRecord({ serial: { sale: { seller: makePharmacy(), soldAt } } });
    await cloneCheck(log, sold, "100123", FIXTURE_NOW, "buyer");
    const check = await cloneCheck(log, sold, "100123", FIXTURE_NOW + 60, "buyer");
    assert.equal(check.status, "fail", "a sold code is final (the buyer is told when and where it was sold)");
    assert.doesNotMatch(check.detail, /different devices/, "the buyer's own scans are one device");
    log.close();
  });

  it("skips a torn last line after kill -9, and the next scan starts a line of its own", async () => {
    const path = tempLog();
    const first = await opened(path);
    await first.append(KEY, scan(1_000));
    first.close();
    appendFileSync(path, '{"k":"' + KEY + '","at":2000,"pla'); // the crash cut the write short
    const second = new ScanLog(path); // a log of one chunk is read before the constructor returns
    assert.equal((await historyOf(second, KEY, null)).count, 1, "the torn scan was never acknowledged");
    await second.append(KEY, scan(3_000));
    second.close();
    const third = await opened(path);
    const history = await historyOf(third, KEY, null);
    third.close();
    assert.equal(history.count, 2, "the scan acknowledged after the crash survives the next start");
    assert.equal(lines(path).length, 2);
  });

  it("holds at most maxScans scans, forgetting the serials scanned least recently", async () => {
    const path = tempLog();
    const log = await opened(path, 128);
    const key = (n: number) => `${FIXTURE_GTIN}/${FIXTURE_LOT}/${n}`;
    for (let n = 1; n <= 300; n++) {
      await log.append(key(n), scan(n));
      await log.append(key(1), scan(n)); // serial 1 is scanned all along
      assert.ok(log.held.scans <= 128, `${log.held.scans} scans held`);
    }
    assert.equal((await historyOf(log, key(1), null)).count, 301, "the serial scanned all along is kept");
    assert.equal((await historyOf(log, key(300), null)).count, 1, "the latest serial is kept");
    assert.equal((await historyOf(log, key(2), null)).count, 0, "a serial scanned long ago is forgotten");
    log.close();
    assert.equal(lines(path).length, 600, "the file keeps every scan");
    const reloaded = await opened(path, 128);
    assert.ok(reloaded.held.scans <= 128, "the bound holds when the log is read back");
    assert.equal((await historyOf(reloaded, key(1), null)).count, 301);
    reloaded.close();
  });

  it("keeps a bounded tail of one serial's scans, and says only what it is sure of beyond it", async () => {
    const log = await opened(tempLog());
    for (let at = 1; at <= 200; at++) await log.append(KEY, scan(at, `device-${at % 7}`));
    assert.deepEqual(await historyOf(log, KEY, null), {
      count: 200,
      firstVerifiedAt: 1,
      firstPlace: "苏州",
      devices: 7,
    });
    assert.deepEqual(await historyOf(log, KEY, 190), {
      count: 11,
      firstVerifiedAt: 190,
      firstPlace: "苏州",
      devices: 7,
    });
    const bulk = await historyOf(log, KEY, 50);
    assert.ok(bulk.count > 64 && bulk.count <= 151, `at least the scans it still holds: ${bulk.count}`);
    assert.equal(bulk.firstVerifiedAt, null, "the first scan since 50 is no longer known");
    log.close();
  });

  it("loads a log of 10 million scans, more than one JavaScript string can hold", async () => {
    const path = tempLog();
    const fd = openSync(path, "w");
    const total = 10_000_000;
    // Two million serials scanned five times each, then one serial (not among them) ten times.
    const serialOf = (i: number) => (i < total - 10 ? 100_001 + (i % 2_000_000) : 5_000_000);
    const line = (i: number) =>
      `{"k":"${FIXTURE_GTIN}/${FIXTURE_LOT}/${serialOf(i)}","at":${1_790_000_000 + i},` +
      `"place":"苏州","device":"${(i % 65_521).toString(36).padStart(16, "0")}"}\n`;
    for (let i = 0; i < total;) {
      let block = "";
      for (const end = Math.min(i + 20_000, total); i < end; i++) block += line(i);
      writeSync(fd, block);
    }
    closeSync(fd);
    const bytes = statSync(path).size;
    assert.ok(bytes > 2 ** 29, `${bytes} bytes: past the ~512 MiB string limit`);

    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const log = new ScanLog(path);
    const openMs = performance.now() - started;
    const latest = `${FIXTURE_GTIN}/${FIXTURE_LOT}/5000000`;
    assert.equal(
      await log.history(latest, null),
      null,
      "while loading, the history is unavailable, not empty",
    );
    await log.append(latest, scan(1_800_000_000, "while-loading")); // acknowledged while the file is read
    await log.ready;
    const seconds = (performance.now() - started) / 1000;
    const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    console.log(
      `# scan log: ${total.toLocaleString("en")} lines, ${(bytes / 2 ** 20).toFixed(0)} MiB: open (server ` +
        `answers) in ${openMs.toFixed(0)} ms, read back in ${seconds.toFixed(1)} s; ` +
        `${log.held.scans.toLocaleString("en")} scans of ${log.held.serials.toLocaleString("en")} serials ` +
        `held, heap +${heapMiB.toFixed(0)} MiB`,
    );
    assert.ok(log.held.scans <= DEFAULT_MAX_SCANS, "the default bound holds");
    const last = await historyOf(log, latest, null);
    assert.equal(last.count, 11, "the latest serial's every scan is counted, the one made while loading too");
    assert.equal(last.firstVerifiedAt, 1_790_000_000 + total - 10);
    log.close();
  });
});
