// Filings of the same box at the same moment: each passes its simulation before any is mined, so all but
// the first fail inside the forwarder, which says only "FailedCall". They must get the same named 409 as
// a filing made a moment later, not a 422 FailedCall. About a batch of the test's own (fresh-batch.ts).
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { releasedBatch, type FreshBatch } from "../regulator/fresh-batch";
import { baseUrl } from "./world";

let batch: FreshBatch;

before(async () => {
  batch = await releasedBatch("race");
});

async function file(serial: number): Promise<{ status: number; code: string | undefined }> {
  const response = await fetch(`${baseUrl()}/api/complaints`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      code: batch.code(serial),
      secret: batch.secret(serial),
      kind: "spec-failure",
      description: "The ear loops came off at the first use.",
    }),
  });
  const body = (await response.json()) as { error?: { code: string } };
  return { status: response.status, code: body.error?.code };
}

describe("concurrent filings about one box", () => {
  it("file one complaint; every other gets 409 ComplaintAlreadyOpen", async () => {
    const replies = await Promise.all([1, 2, 3, 4].map(() => file(7)));
    const filed = replies.filter((reply) => reply.status === 201);
    const refused = replies.filter((reply) => reply.status !== 201);
    assert.equal(filed.length, 1, JSON.stringify(replies));
    assert.deepEqual(
      refused,
      refused.map(() => ({ status: 409, code: "ComplaintAlreadyOpen" })),
    );
  });
});
