// A background writer that keeps the chain busy while a benchmark row runs, as retail sales and price
// surveys do at national scale: each lane sends its transactions one after another (one signer, so no
// nonce races) at a steady pace, waiting for each receipt. A transaction that fails is counted and the
// lane goes on; the figures say what rate was achieved, which is what the row's label must be read with.

/** One kind of transaction: `send(i)` sends the lane's i-th and resolves once it is confirmed. */
export interface WriterLane {
  name: string;
  send(index: number): Promise<unknown>;
}

export interface WriterFigures {
  seconds: number;
  /** Transactions sent per lane, confirmed or not. */
  sent: Record<string, number>;
  /** Confirmed transactions per lane. */
  confirmed: Record<string, number>;
  failed: number;
  /** Confirmed transactions a second, all lanes together. */
  perSecond: number;
  /** The first failure's message, when one failed. */
  firstError: string | null;
}

export interface BusyWriter {
  /** Stops sending, waits for the transactions in flight and returns the figures. */
  stop(): Promise<WriterFigures>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts every lane at `perSecond` transactions a second each (a lane behind its pace sends at once). */
export function startBusyWriter(lanes: WriterLane[], perSecond: number): BusyWriter {
  const interval = 1000 / perSecond;
  const began = performance.now();
  const confirmed: Record<string, number> = Object.fromEntries(lanes.map((lane) => [lane.name, 0]));
  const sent: Record<string, number> = Object.fromEntries(lanes.map((lane) => [lane.name, 0]));
  let failed = 0;
  let firstError: string | null = null;
  let stopping = false;
  let wake: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (wake = resolve));

  const run = async (lane: WriterLane, offset: number) => {
    await Promise.race([sleep(offset), stopped]);
    for (let index = 0; !stopping; index += 1) {
      const due = began + offset + (index + 1) * interval;
      sent[lane.name] = index + 1;
      try {
        await lane.send(index);
        confirmed[lane.name] = (confirmed[lane.name] ?? 0) + 1;
      } catch (error) {
        failed += 1;
        firstError ??= `${lane.name}: ${(error as Error).message}`;
      }
      await Promise.race([sleep(due - performance.now()), stopped]);
    }
  };
  // Lanes start spread over one interval, so their transactions interleave instead of landing together.
  const running = lanes.map((lane, i) => run(lane, (i * interval) / lanes.length));
  return {
    async stop() {
      stopping = true;
      wake();
      await Promise.all(running);
      const seconds = (performance.now() - began) / 1000;
      const total = Object.values(confirmed).reduce((a, b) => a + b, 0);
      return {
        seconds: Math.round(seconds * 10) / 10,
        sent,
        confirmed,
        failed,
        perSecond: Math.round((total / seconds) * 100) / 100,
        firstError,
      };
    },
  };
}
