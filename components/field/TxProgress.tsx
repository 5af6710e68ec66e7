import type { ActionState } from "./post-action";

/** Where a transaction is: sending, confirmed (block and hash), or refused with the contract's reason. */
export function TxProgress({ state, confirmedText }: { state: ActionState; confirmedText?: string }) {
  if (state.kind === "idle") return null;
  if (state.kind === "sending")
    return (
      <p role="status" data-tx="sending" className="text-sm text-slate-700">
        Sending the transaction…
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
      {confirmedText ?? "Done."} Confirmed in block {state.blockNumber}, transaction{" "}
      <code className="break-all">{state.txHash}</code>.
    </p>
  );
}
