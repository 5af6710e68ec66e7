// The worker pool that keeps label sheets off the event loop: the bound on waiting jobs, abandoning a
// job whose client left (queued: dropped; running: its worker stopped and replaced), a crashed worker.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Worker } from "node:worker_threads";
import { JobAbortedError, PoolBusyError, WorkerPool } from "./worker-pool";

// A worker that holds its thread until told to answer: a job is {hold: true} (wait for a "go" on the
// shared array) or {value} (answer at once). Ordering, not timing, decides every assertion below.
const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const gate = new Int32Array(workerData);
parentPort.on("message", (job) => {
  if (job.hold) Atomics.wait(gate, 0, 0);
  if (job.fail) throw new Error("broken");
  parentPort.postMessage({ ok: true, result: job.value });
});`;

function pool(size: number, queueBound: number) {
  const gate = new SharedArrayBuffer(4);
  let spawned = 0;
  const workers = new WorkerPool<{ value?: number; hold?: boolean; fail?: boolean }, number>(
    () => {
      spawned++;
      return new Worker(SOURCE, { eval: true, workerData: gate });
    },
    { size, queueBound },
  );
  const release = () => {
    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
  };
  return { workers, release, spawned: () => spawned };
}

describe("a worker pool", () => {
  it("runs jobs on a worker and answers their results", async () => {
    const { workers } = pool(1, 2);
    assert.deepEqual(await Promise.all([1, 2, 3].map((value) => workers.run({ value }))), [1, 2, 3]);
  });

  it("refuses a job beyond the running ones and the queue bound, with a retry estimate", async () => {
    const { workers, release } = pool(1, 1);
    const running = workers.run({ hold: true, value: 1 });
    const waiting = workers.run({ value: 2 });
    await assert.rejects(workers.run({ value: 3 }), (error: unknown) => {
      assert.ok(error instanceof PoolBusyError);
      assert.ok(error.retryAfterSeconds >= 1);
      return true;
    });
    assert.deepEqual([workers.running, workers.queued], [1, 1]);
    release();
    assert.deepEqual(await Promise.all([running, waiting]), [1, 2]);
  });

  it("drops an abandoned waiting job, and stops and replaces the worker of an abandoned running one", async () => {
    const { workers, spawned } = pool(1, 1);
    const runningClient = new AbortController();
    const waitingClient = new AbortController();
    const running = workers.run({ hold: true, value: 1 }, runningClient.signal);
    const waiting = workers.run({ value: 2 }, waitingClient.signal);
    waitingClient.abort();
    await assert.rejects(waiting, JobAbortedError);
    assert.equal(workers.queued, 0);
    runningClient.abort();
    await assert.rejects(running, JobAbortedError);
    // The held worker was terminated: the next job runs on a new one at once.
    assert.equal(await workers.run({ value: 3 }), 3);
    assert.equal(spawned(), 2);
  });

  it("fails the job of a worker that crashes, and carries on with a new worker", async () => {
    const { workers, spawned } = pool(1, 1);
    await assert.rejects(workers.run({ fail: true }), /broken/);
    assert.equal(await workers.run({ value: 4 }), 4);
    assert.equal(spawned(), 2);
  });
});
