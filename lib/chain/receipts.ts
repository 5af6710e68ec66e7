// Waiting for a sent transaction's receipt by asking for it, instead of ethers' tx.wait().
//
// wait() asks once, then waits for the receipt to arrive with a new block. anvil mines on demand and
// answers eth_sendTransaction a moment before the block is indexed, so under load the first ask can
// come back empty — and when nothing else is sent (the demo seed sends one transaction at a time, a quiet
// server one at a time too) no new block ever comes and wait() never returns: CI's seeding hung so,
// idle, at block 97. Asking again on a short back-off ends as soon as the receipt exists, on any chain.
//
// On a chain that can reorganise, a transaction in the newest block may still vanish: a reply that says
// "confirmed" (a relayed complaint, a back-office action) passes CONFIRMATIONS, and waits until that many
// blocks stand on top of the one that holds it (0 on the embedded chain, where nothing reorganises). The receipt is asked for again on every round, so one that moved to
// another block (or out of the chain) in a reorg is followed, never trusted from before it.
import { makeError, type Provider, type TransactionReceipt, type TransactionResponse } from "ethers";

/** How long a caller that names no limit waits: far beyond any mined block, short of hanging a run. */
const DEFAULT_TIMEOUT_MS = 120_000;
const FIRST_DELAY_MS = 25;
const MAX_DELAY_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function isDeepEnough(
  provider: Provider,
  receipt: TransactionReceipt,
  confirmations: number,
): Promise<boolean> {
  return confirmations === 0 || (await provider.getBlockNumber()) >= receipt.blockNumber + confirmations;
}

/**
 * The transaction's receipt once mined and `confirmations` blocks deep (none by default). Fails
 * as tx.wait() does, so callers read errors the same way: CALL_EXCEPTION (with the receipt) when it
 * reverted, TIMEOUT when it is not mined and that deep within `timeoutMs`.
 */
export async function confirmation(
  tx: TransactionResponse,
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
  confirmations = 0,
): Promise<TransactionReceipt> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    const receipt = await tx.provider.getTransactionReceipt(tx.hash);
    if (receipt !== null && (await isDeepEnough(tx.provider, receipt, confirmations))) {
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
