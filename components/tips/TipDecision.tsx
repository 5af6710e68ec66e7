"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/forms/fields";
import { TxProgress } from "@/components/field/TxProgress";
import { useTxAction } from "@/components/field/use-tx-action";

/**
 * An inspector's decision on one tip. Confirming records a counterfeit finding against the named seller
 * on chain, sent as every field action is (the acting demo party, or the connected wallet), and charges
 * its bond the fine; dismissing only closes the tip, which never charged anything. Once decided the tip
 * keeps its place with the outcome instead of the buttons; it leaves the queue on the next visit.
 */
export function TipDecision({
  tipId,
  seller,
}: {
  tipId: number;
  /** The named seller's name when it is on the record; null for a shop that is not. */
  seller: string | null;
}) {
  const t = useTranslations("tips.queue");
  const tx = useTranslations("tx");
  const { state, send, busy } = useTxAction({ refresh: false });
  const [dismissed, setDismissed] = useState<"no" | "sending" | "yes">("no");
  const [error, setError] = useState<string | null>(null);
  const url = `/api/field/tips/${tipId}`;

  async function dismiss() {
    setDismissed("sending");
    setError(null);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ decision: "dismiss" }),
      });
      if (response.ok) return setDismissed("yes");
      const body = (await response.json()) as { error?: { message: string } };
      setError(body.error?.message ?? "");
    } catch {
      setError(tx("offline"));
    }
    setDismissed("no");
  }

  if (dismissed === "yes")
    return (
      <p role="status" data-tip-decision="dismissed" className="text-sm font-medium">
        {t("dismissed")}
      </p>
    );
  if (state.kind === "confirmed")
    return <TxProgress state={state} confirmedText={t("confirmed", { seller: seller ?? "" })} />;
  const waiting = busy || dismissed === "sending";
  return (
    <div className="space-y-2">
      {seller === null && <p className="text-sm text-slate-700">{t("cannotConfirm")}</p>}
      <div className="flex flex-wrap gap-2">
        {seller !== null && (
          <button
            type="button"
            disabled={waiting}
            onClick={() => send(url, { decision: "confirm" })}
            className="flex-1 rounded-lg bg-red-700 px-3 py-2 font-medium text-white disabled:opacity-50"
          >
            {t("confirm")}
          </button>
        )}
        <button
          type="button"
          disabled={waiting}
          onClick={dismiss}
          className="flex-1 rounded-lg border border-slate-400 bg-white px-3 py-2 font-medium disabled:opacity-50"
        >
          {t("dismiss")}
        </button>
      </div>
      <ErrorAlert message={error} />
      <TxProgress state={state} />
    </div>
  );
}
