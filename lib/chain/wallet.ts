// Transactions a user's own wallet signs (EIP-1193 in the browser): the server encodes the call and
// simulates it as the wallet's account, so a refusal is told in plain words before the wallet is asked;
// the browser sends it; the server then waits for the receipt and reads what it did. The browser never
// needs ethers, and no key is ever on the server for these.
import { getAddress, isAddress, type Provider, type TransactionReceipt } from "ethers";
import { ActionError, createdIds, type ContractCall, type TxResult } from "./backoffice";
import { CONTRACT_NAMES, contractInterface, type ContractName } from "./contracts";
import type { Deployment } from "./deployment";
import { describeError } from "./errors";
import { confirmation } from "./receipts";

/** What the browser hands to `eth_sendTransaction`, and the chain it must be sent on. */
export interface PreparedTx {
  from: string;
  to: string;
  data: string;
  chainId: number;
}

/** Encodes `call` for `from` and simulates it; a revert becomes an ActionError in plain words. */
export async function prepareCall(
  deployment: Deployment,
  provider: Provider,
  from: string,
  call: ContractCall,
): Promise<PreparedTx> {
  if (!isAddress(from))
    throw new ActionError({ code: "invalid_wallet", message: "The wallet's account is not an address." });
  const to = deployment.addresses[call.contract];
  const data = contractInterface(call.contract).encodeFunctionData(call.method, call.args);
  try {
    await provider.call({ from, to, data });
  } catch (error) {
    throw new ActionError(describeError(error));
  }
  return { from: getAddress(from), to, data, chainId: deployment.chainId };
}

/** A wallet's transaction once mined: the contract and function it called, and what it created. */
export interface WalletTxResult extends TxResult {
  from: string;
  contract: ContractName;
  method: string;
  args: unknown[];
}

const RECEIPT_TIMEOUT_MS = 60_000;

/**
 * Waits for transaction `txHash` (sent by a wallet) and reads it back. Only calls to this deployment's
 * contracts are read; a revert is replayed to find the contract's reason, in plain words.
 */
export async function awaitWalletTx(
  deployment: Deployment,
  provider: Provider,
  txHash: string,
): Promise<WalletTxResult> {
  const tx = await provider.getTransaction(txHash);
  if (tx === null)
    throw new ActionError({
      code: "transaction_not_found",
      message: "The chain does not know that transaction. Was it sent from this wallet on this chain?",
    });
  const contract = CONTRACT_NAMES.find(
    (name) => deployment.addresses[name].toLowerCase() === (tx.to ?? "").toLowerCase(),
  );
  const parsed = contract === undefined ? null : contractInterface(contract).parseTransaction(tx);
  if (contract === undefined || parsed === null)
    throw new ActionError({
      code: "not_a_medproof_call",
      message: "That transaction is not a call to MedProof's contracts.",
    });
  let receipt: TransactionReceipt | null;
  try {
    receipt = await confirmation(tx, RECEIPT_TIMEOUT_MS);
  } catch (error) {
    // ethers throws on a reverted receipt (CALL_EXCEPTION) and on a timeout.
    const reverted = (error as { receipt?: TransactionReceipt }).receipt;
    if (reverted === undefined || reverted === null) {
      throw new ActionError({
        code: "not_confirmed",
        message: `The transaction was sent but not confirmed within ${RECEIPT_TIMEOUT_MS / 1000} s. It may still be mined: look again shortly.`,
      });
    }
    throw new ActionError(await revertReason(provider, tx, reverted.blockNumber));
  }
  if (receipt === null)
    throw new ActionError({ code: "not_confirmed", message: "The transaction was dropped." });
  return {
    txHash,
    blockNumber: receipt.blockNumber,
    gasUsed: Number(receipt.gasUsed),
    created: createdIds(contract, receipt.logs),
    from: tx.from,
    contract,
    method: parsed.name,
    args: parsed.args.toArray(),
  };
}

/** The contract's reason for a mined revert: the same call replayed on the state before its block. */
async function revertReason(
  provider: Provider,
  tx: { from: string; to: string | null; data: string },
  blockNumber: number,
) {
  try {
    await provider.call({ from: tx.from, to: tx.to, data: tx.data, blockTag: blockNumber - 1 });
  } catch (error) {
    return describeError(error);
  }
  return { code: "reverted", message: "The contract refused the transaction." };
}
