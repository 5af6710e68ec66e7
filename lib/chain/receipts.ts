// Waiting for a sent transaction's receipt by asking for it, instead of ethers' tx.wait().
//
// wait() asks once, then waits for the receipt to arrive with a new block. anvil mines on demand and
// answers eth_sendTransaction a moment before the block is indexed, so under load the first ask can
// come back empty — and when nothing else is sent (the demo seed sends one transaction at a time, a quiet
// server one at a time too) no new block ever comes and wait() never returns: CI's seeding hung so,
// idle, at block 97. Asking again on a short back-off ends as soon as the receipt exists, on any chain.
import { makeError, type TransactionReceipt, type TransactionResponse } from "ethers";

/** How long a caller that names no limit waits: far beyond any mined block, short of hanging a run. */
const DEFAULT_TIMEOUT_MS = 120_000;
const FIRST_DELAY_MS = 25;
const MAX_DELAY_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The transaction's receipt once mined. Fails as tx.wait() does, so callers read errors the same way:
 * CALL_EXCEPTION (with the receipt) when it reverted, TIMEOUT when it is not mined within `timeoutMs`.
 */
export async function confirmation(
  tx: TransactionResponse,
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
): Promise<TransactionReceipt> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    const receipt = await tx.provider.getTransactionReceipt(tx.hash);
    if (receipt !== null) {
      if (receipt.status === 0)
        throw makeError("transaction execution reverted", "CALL_EXCEPTION", {
          action: "sendTransaction",
          data: null,
          reason: null,
          invocation: null,
          revert: null,
          transaction: { to: receipt.to, from: receipt.from, data: "" },
          receipt,
        });
      return receipt;
    }
    if (Date.now() >= deadline) throw makeError("wait for transaction timeout", "TIMEOUT");
    await sleep(Math.min(delay, Math.max(0, deadline - Date.now())));
  }
}
