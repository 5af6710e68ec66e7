// A small pool of worker threads for heavy, occasional work (a label sheet is seconds of synchronous
// drawing) that must never hold up the event loop verifications are answered on. At most `size` jobs
// run at once and at most `queueBound` wait; one more is refused at once (PoolBusyError, with a retry
// estimate) rather than piling up memory and latency. A job whose client has gone (its AbortSignal)
// leaves the queue, or, when running, its worker is terminated and replaced: the work is one synchronous
// stretch that no message could interrupt, and nobody is waiting for its result.
import type { Worker } from "node:worker_threads";

/** What a pool's worker posts back for each job it was sent. */
export type WorkerAnswer<R> = { ok: true; result: R } | { ok: false; message: string };

export class PoolBusyError extends Error {
  override name = "PoolBusyError";
  constructor(readonly retryAfterSeconds: number) {
    super(`every worker is busy and the queue is full: retry in ${retryAfterSeconds} s`);
  }
}

export class JobAbortedError extends Error {
  override name = "JobAbortedError";
  constructor() {
    super("the job was abandoned by its client");
  }
}

export interface PoolOptions {
  /** Jobs that run at once, one worker thread each. */
  size: number;
  /** Jobs that may wait for a worker; more are refused. */
  queueBound: number;
}

interface Job<J, R> {
  input: J;
  resolve(result: R): void;
  reject(error: Error): void;
}

interface Slot<J, R> {
  worker: Worker | null;
  job: Job<J, R> | null;
  startedAt: number;
}

/** A first guess at a job's duration until one has finished (a full label sheet: a few seconds). */
const FIRST_GUESS_MS = 5_000;

export class WorkerPool<J, R> {
  private readonly slots: Slot<J, R>[];
  private readonly queue: Job<J, R>[] = [];
  /** Recent jobs' duration (a moving average), for the retry estimate. */
  private typicalMs = FIRST_GUESS_MS;

  /** `spawn` makes one worker; it is called lazily, and again after a worker was stopped. */
  constructor(
    private readonly spawn: () => Worker,
    private readonly options: PoolOptions,
  ) {
    this.slots = Array.from({ length: options.size }, () => ({ worker: null, job: null, startedAt: 0 }));
  }

  get running(): number {
    return this.slots.filter((slot) => slot.job !== null).length;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Runs `input` on a worker; rejects with PoolBusyError when full, JobAbortedError when `signal` aborts. */
  run(input: J, signal?: AbortSignal): Promise<R> {
    if (signal?.aborted) return Promise.reject(new JobAbortedError());
    const free = this.slots.find((slot) => slot.job === null);
    if (free === undefined && this.queue.length >= this.options.queueBound)
      return Promise.reject(new PoolBusyError(this.retryAfterSeconds()));
    return new Promise<R>((resolve, reject) => {
      // Once settled, the job stops listening to its signal.
      const release = () => signal?.removeEventListener("abort", onAbort);
      const job: Job<J, R> = {
        input,
        resolve: (result) => {
          release();
          resolve(result);
        },
        reject: (error) => {
          release();
          reject(error);
        },
      };
      const onAbort = () => this.abandon(job);
      signal?.addEventListener("abort", onAbort, { once: true });
      if (free === undefined) this.queue.push(job);
      else this.start(free, job);
    });
  }

  /** Seconds until a place is likely free: the jobs ahead, shared between the workers. */
  private retryAfterSeconds(): number {
    const ahead = this.queue.length + this.running;
    return Math.max(1, Math.ceil((ahead * this.typicalMs) / this.options.size / 1000));
  }

  private start(slot: Slot<J, R>, job: Job<J, R>): void {
    slot.job = job;
    slot.startedAt = Date.now();
    const worker = slot.worker ?? this.hire(slot);
    // Held while it works for a caller; an idle worker must not keep the process alive.
    worker.ref();
    worker.postMessage(job.input);
  }

  private hire(slot: Slot<J, R>): Worker {
    const worker = this.spawn();
    worker.on("message", (answer: WorkerAnswer<R>) => {
      const job = slot.job;
      if (slot.worker !== worker || job === null) return;
      this.typicalMs = 0.7 * this.typicalMs + 0.3 * (Date.now() - slot.startedAt);
      this.next(slot);
      if (answer.ok) job.resolve(answer.result);
      else job.reject(new Error(answer.message));
    });
    const lost = (error: Error) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const job = slot.job;
      this.next(slot);
      job?.reject(error);
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`the worker stopped (exit code ${code})`)));
    slot.worker = worker;
    return worker;
  }

  /** The slot's job is over: the next waiting job starts on it. */
  private next(slot: Slot<J, R>): void {
    slot.job = null;
    const waiting = this.queue.shift();
    if (waiting !== undefined) this.start(slot, waiting);
    else slot.worker?.unref();
  }

  private abandon(job: Job<J, R>): void {
    const waiting = this.queue.indexOf(job);
    if (waiting >= 0) this.queue.splice(waiting, 1);
    const slot = this.slots.find((s) => s.job === job);
    if (slot !== undefined) {
      // Forgotten before it stops, so its exit does not touch the slot's next job.
      const worker = slot.worker;
      slot.worker = null;
      void worker?.terminate();
      this.next(slot);
    }
    if (waiting >= 0 || slot !== undefined) job.reject(new JobAbortedError());
  }
}
