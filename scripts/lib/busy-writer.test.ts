// The busy writer keeps its lanes going at their pace, one transaction at a time a lane, counts what
// fails without stopping, and waits for what is in flight when stopped.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { startBusyWriter } from "./busy-writer";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the busy writer", () => {
  it("sends each lane's transactions one after another, counts failures and waits for the last", async () => {
    const sent: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    let finishedAfterStop = false;
    let stopping = false;
    const writer = startBusyWriter(
      [
        {
          name: "sales",
          send: async (i) => {
            inFlight += 1;
            mostInFlight = Math.max(mostInFlight, inFlight);
            await sleep(30);
            inFlight -= 1;
            sent.push(`sale ${i}`);
            if (stopping) finishedAfterStop = true;
          },
        },
        {
          name: "prices",
          send: (i) => (i % 2 === 1 ? Promise.reject(new Error(`price ${i} reverted`)) : Promise.resolve()),
        },
      ],
      20,
    );
    await sleep(420);
    stopping = true;
    const figures = await writer.stop();
    assert.equal(mostInFlight, 1, "a lane never has two transactions in flight");
    assert.ok((figures.confirmed.sales ?? 0) >= 3, `sales confirmed: ${figures.confirmed.sales}`);
    assert.equal(figures.confirmed.sales, sent.length);
    assert.equal(figures.sent.sales, sent.length, "every sale sent was confirmed");
    assert.equal(figures.sent.prices, (figures.confirmed.prices ?? 0) + figures.failed);
    assert.ok(figures.failed >= 2, "failed price records are counted");
    assert.ok((figures.confirmed.prices ?? 0) >= 2, "and the lane went on after them");
    assert.equal(figures.firstError, "prices: price 1 reverted");
    assert.ok(figures.perSecond > 0);
    assert.ok(finishedAfterStop || inFlight === 0, "stop waited for the sale in flight");
    assert.equal(inFlight, 0);
  });
});
