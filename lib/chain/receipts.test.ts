// confirmation(): a receipt counts once the chain's head stands `confirmations` blocks on top of it, and
// a receipt that a reorganisation moved is followed to its new block. Checked against a scripted node.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { TransactionResponse } from "ethers";
import { confirmation } from "./receipts";

/**
 * A node whose answers follow the script: each time the receipt is asked for, the next round's receipt
 * block (or none) and head; the last round holds.
 */
function scriptedTransaction(rounds: { receiptBlock: number | null; head: number }[]) {
  let round = 0;
  const now = () => rounds[Math.min(round, rounds.length) - 1]!;
  const provider = {
    async getTransactionReceipt() {
      round += 1;
      const { receiptBlock } = now();
      return receiptBlock === null ? null : { blockNumber: receiptBlock, status: 1 };
    },
    async getBlockNumber() {
      return now().head;
    },
  };
  const tx = { hash: "0x" + "ab".repeat(32), provider } as unknown as TransactionResponse;
  return { tx, rounds: () => round };
}

describe("confirmation", () => {
  it("answers as soon as the receipt exists when no confirmations are asked", async () => {
    const { tx } = scriptedTransaction([{ receiptBlock: 10, head: 10 }]);
    assert.equal((await confirmation(tx, 1000, 0)).blockNumber, 10);
  });

  it("waits until the head is the asked number of blocks past the receipt's block", async () => {
    const { tx, rounds } = scriptedTransaction([
      { receiptBlock: 10, head: 10 },
      { receiptBlock: 10, head: 11 },
      { receiptBlock: 10, head: 12 },
    ]);
    assert.equal((await confirmation(tx, 5000, 2)).blockNumber, 10);
    assert.equal(rounds(), 3, "it asked again until the head reached block 12");
  });

  it("gives up with TIMEOUT while the transaction is not deep enough", async () => {
    const { tx } = scriptedTransaction([{ receiptBlock: 10, head: 11 }]);
    await assert.rejects(confirmation(tx, 200, 2), (error: { code?: string }) => error.code === "TIMEOUT");
  });

  it("follows a receipt that a reorganisation moved to a later block", async () => {
    const { tx } = scriptedTransaction([
      { receiptBlock: 10, head: 11 },
      { receiptBlock: null, head: 11 },
      { receiptBlock: 12, head: 13 },
      { receiptBlock: 12, head: 14 },
    ]);
    assert.equal((await confirmation(tx, 5000, 2)).blockNumber, 12);
  });
});
