import type { ActionState } from "./post-action";

/** The sentences around a transaction, for pages that pass them in their reader's language. */
export interface TxWords {
  sending: string;
  /** "Confirmed in block 123, transaction" (the hash follows). */
  confirmedIn: (blockNumber: number) => string;
  /** A browser wallet is asking its user to sign. */
  signing?: string;
  /** Sent by the wallet, waiting to be mined. */
  pending?: string;
  /** Failures the browser names itself (user_rejected, wrong_chain, offline…), by code. */
  failures?: Partial<Record<string, string>>;
}

const ENGLISH: TxWords = {
  sending: "Sending the transaction…",
  confirmedIn: (blockNumber) => `Confirmed in block ${blockNumber}, transaction`,
  signing: "Confirm the transaction in your wallet…",
  pending: "Sent: waiting for it to be confirmed on the chain…",
};

/**
 * Where a transaction is: sending (signed by the server) or signing and pending (signed by the user's
 * wallet), confirmed (block and hash), or refused with the contract's reason.
 */
export function TxProgress({
  state,
  confirmedText,
  words = ENGLISH,
}: {
  state: ActionState;
  confirmedText?: string;
  words?: TxWords;
}) {
  if (state.kind === "idle") return null;
  if (state.kind === "sending" || state.kind === "signing" || state.kind === "pending") {
    const text = {
      sending: words.sending,
      signing: words.signing ?? ENGLISH.signing,
      pending: words.pending ?? ENGLISH.pending,
    }[state.kind];
    return (
      <p role="status" data-tx={state.kind} className="text-sm text-slate-700">
        {text}
      </p>
    );
  }
  if (state.kind === "failed")
    return (
      <p
        role="alert"
        data-tx="failed"
        data-error={state.code}
        className="rounded-xl border border-red-300 bg-red-50 p-3 text-sm text-red-900"
      >
        {words.failures?.[state.code] ?? state.message}
      </p>
    );
  return (
    <p
      role="status"
      data-tx="confirmed"
      className="rounded-xl border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950"
    >
      {confirmedText ?? "Done."} {words.confirmedIn(state.blockNumber)}{" "}
      <code className="break-all">{state.txHash}</code>.
    </p>
  );
}
