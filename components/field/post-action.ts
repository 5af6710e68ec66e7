// Sending one desk action, and what the page shows meanwhile. Without a browser wallet the server signs
// it as the acting demo party: sending, then confirmed with its block and transaction, or the refusal in
// words. With one (window.ethereum), the server prepares the call for the wallet's account (simulated
// first, so a refusal comes in words before the wallet is asked), the wallet signs and sends it, and the
// page posts its hash back to the same route, which reads the receipt: signing, pending, then confirmed,
// the refusal, or the action's next call (a lot's delivery, a retest's ruling) to sign the same way.
import { injectedWallet, switchToChain, USER_REJECTED, walletAccount, type Eip1193Provider } from "./wallet";

export type ActionState<T = unknown> =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "signing" }
  | { kind: "pending"; txHash: string }
  | { kind: "confirmed"; txHash: string; blockNumber: number; result: T }
  | { kind: "failed"; code: string; message: string };

interface Confirmed {
  txHash: string;
  blockNumber: number;
}

interface Prepared {
  prepared: { from: string; to: string; data: string; chainId: number };
}

type Answer<T> = { ok: true; body: T } | { ok: false; state: ActionState<never> };

/** The most calls one action takes (a lot and its delivery, a report and its ruling). */
const MAX_STEPS = 3;

const failed = (code: string, message: string) => ({ kind: "failed", code, message }) as const;

async function postJson<T>(url: string, body: unknown): Promise<Answer<T>> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as T & { error?: { code: string; message: string } };
    if (!response.ok || answer.error !== undefined)
      return { ok: false, state: failed(answer.error?.code ?? "failed", answer.error?.message ?? "") };
    return { ok: true, body: answer };
  } catch {
    return {
      ok: false,
      state: failed("offline", "The server could not be reached. Check the connection and try again."),
    };
  }
}

const confirmedState = <T extends Confirmed>(answer: T): ActionState<T> => ({
  kind: "confirmed",
  txHash: answer.txHash,
  blockNumber: answer.blockNumber,
  result: answer,
});

export async function postAction<T extends Confirmed>(
  url: string,
  body: object,
  onProgress?: (state: ActionState<T>) => void,
): Promise<ActionState<T>> {
  const wallet = injectedWallet();
  if (wallet !== null) return walletAction(wallet, url, body, onProgress);
  const answer = await postJson<T>(url, body);
  return answer.ok ? confirmedState(answer.body) : answer.state;
}

async function walletAction<T extends Confirmed>(
  wallet: Eip1193Provider,
  url: string,
  body: object,
  onProgress?: (state: ActionState<T>) => void,
): Promise<ActionState<T>> {
  try {
    const from = await walletAccount(wallet);
    let answer = await postJson<Prepared | T>(url, { ...body, wallet: from });
    for (let step = 0; step < MAX_STEPS; step += 1) {
      if (!answer.ok) return answer.state;
      // A route that signs by itself (no wallet support) answers with the confirmed transaction.
      if (!("prepared" in answer.body)) return confirmedState(answer.body);
      const tx = answer.body.prepared;
      // On another chain the wallet is asked to switch (it asks its user); one that does not know the chain
      // is told apart, since switching cannot help it.
      const onChain = await switchToChain(wallet, tx.chainId);
      if (!onChain.ok)
        return failed(
          "wrong_chain",
          onChain.reason === "unknown_chain"
            ? `Your wallet does not know chain ${tx.chainId}, where MedProof's contracts are. Add that network to the wallet, then try again.`
            : `Your wallet is on chain ${onChain.current}. Switch it to chain ${tx.chainId}, where MedProof's contracts are.`,
        );
      onProgress?.({ kind: "signing" });
      const txHash = String(
        await wallet.request({
          method: "eth_sendTransaction",
          params: [{ from: tx.from, to: tx.to, data: tx.data }],
        }),
      );
      onProgress?.({ kind: "pending", txHash });
      answer = await postJson<Prepared | T>(url, { ...body, wallet: from, txHash });
    }
    return failed("too_many_steps", "The action asked for more transactions than any desk action has.");
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code === USER_REJECTED) return failed("user_rejected", "You cancelled the signature.");
    return failed("wallet_error", typeof message === "string" ? message : "The wallet refused the request.");
  }
}

/** While a transaction is on its way: its buttons stay disabled. */
export const inFlight = (state: ActionState<unknown> | { kind: string }): boolean =>
  state.kind === "sending" || state.kind === "signing" || state.kind === "pending";
