import type { ActionState } from "./post-action";

/** The sentences around a transaction, for pages that pass them in their reader's language. */
export interface TxWords {
  sending: string;
  /** "Confirmed in block 123, transaction" (the hash follows). */
  confirmedIn: (blockNumber: number) => string;
}

const ENGLISH: TxWords = {
  sending: "Sending the transaction…",
  confirmedIn: (blockNumber) => `Confirmed in block ${blockNumber}, transaction`,
};

/** Where a transaction is: sending, confirmed (block and hash), or refused with the contract's reason. */
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
  if (state.kind === "sending")
    return (
      <p role="status" data-tx="sending" className="text-sm text-slate-700">
        {words.sending}
      </p>
    );
  if (state.kind === "failed")
    return (
      <p
        role="alert"
        data-tx="failed"
        data-error={state.code}
        className="rounded-xl border border-red-300 bg-red-50 p-3 text-sm text-red-900"
      >
        {state.message}
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
