// The maker's browser makes a batch's labels in slices, yielding to the page between them: the same
// commitment as the one-go domain function, and a turn of the event loop every 200 boxes.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { batchCommitment } from "@/lib/domain/label-signing";
import { forEachBoxInSlices, makeBatchLabels } from "./made-labels";

/** Whether a timer set just before `work` starts fires before `work` is done. */
async function yieldsDuring(work: () => Promise<unknown>): Promise<boolean> {
  let fired = false;
  setTimeout(() => (fired = true), 0);
  await work();
  return fired;
}

describe("forEachBoxInSlices", () => {
  it("makes every box's value in serial order", async () => {
    assert.deepEqual(
      await forEachBoxInSlices(450, (index) => index * 2),
      Array.from({ length: 450 }, (_, index) => index * 2),
    );
  });

  it("lets the page run between slices of 200 boxes, and not within one", async () => {
    assert.equal(await yieldsDuring(() => forEachBoxInSlices(200, (index) => index)), false);
    assert.equal(await yieldsDuring(() => forEachBoxInSlices(201, (index) => index)), true);
  });
});

describe("makeBatchLabels", () => {
  it("commits to the same signer, root and list as the domain's batchCommitment of its key", async () => {
    const batch = { gtin: "09521234500018", lot: "S1", expiry: "2028-12-31", serialStart: 7, boxes: 230 };
    const made = await makeBatchLabels(batch);
    assert.deepEqual(made.commitment, batchCommitment(made.key, batch));
    assert.equal(made.commitment.list.leaves.length, 230);
  });
});
