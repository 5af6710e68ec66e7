"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "./post-action";

/** Failures the browser names itself, worded here; the server words every other refusal. */
const BROWSER_FAILURES = {
  user_rejected: "userRejected",
  wrong_chain: "wrongChain",
  offline: "offline",
} as const;

const isBrowserFailure = (code: string): code is keyof typeof BROWSER_FAILURES => code in BROWSER_FAILURES;

/**
 * Where a transaction is: sending (signed by the server) or signing and pending (signed by the user's
 * wallet), confirmed (block and hash), or refused with the contract's reason. Its words are the "tx"
 * messages (components/ui/ClientMessages around the island).
 */
export function TxProgress({ state, confirmedText }: { state: ActionState; confirmedText?: string }) {
  const t = useTranslations("tx");
  if (state.kind === "idle") return null;
  if (state.kind === "sending" || state.kind === "signing" || state.kind === "pending")
    return (
      <p role="status" data-tx={state.kind} className="text-sm text-slate-700">
        {t(state.kind)}
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
        {isBrowserFailure(state.code) ? t(BROWSER_FAILURES[state.code]) : state.message}
      </p>
    );
  return (
    <p
      role="status"
      data-tx="confirmed"
      className="rounded-xl border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950"
    >
      {confirmedText ?? t("done")} {t("confirmedIn", { block: state.blockNumber })}{" "}
      <code className="break-all">{state.txHash}</code>.
    </p>
  );
}
