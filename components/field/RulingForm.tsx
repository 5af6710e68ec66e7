"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { TxProgress } from "./TxProgress";
import { useTxAction } from "./use-tx-action";

/**
 * An inspector's ruling on one complaint: uphold or dismiss, with the reason. Once ruled, the complaint
 * keeps its place with the confirmation instead of the buttons; it leaves the queue on the next visit
 * (a refresh now would take the confirmation away with it).
 */
export function RulingForm({ complaintId }: { complaintId: number }) {
  const t = useTranslations("fieldDesk.ruling");
  const { state, send, busy } = useTxAction({ refresh: false });
  const [reason, setReason] = useState("");
  const [upheld, setUpheld] = useState(false);

  function rule(uphold: boolean) {
    setUpheld(uphold);
    return send(`/api/field/complaints/${complaintId}`, { upheld: uphold, reason });
  }

  if (state.kind === "confirmed")
    return <TxProgress state={state} confirmedText={t("ruled", { upheld: String(upheld) })} />;
  return (
    <div className="space-y-2">
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("reason")}
        <input
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
        />
      </label>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={busy || reason.trim().length < 3}
          onClick={() => rule(true)}
          className="flex-1 rounded-lg bg-red-700 px-3 py-2 font-medium text-white disabled:opacity-50"
        >
          {t("uphold")}
        </button>
        <button
          type="button"
          disabled={busy || reason.trim().length < 3}
          onClick={() => rule(false)}
          className="flex-1 rounded-lg border border-slate-400 bg-white px-3 py-2 font-medium disabled:opacity-50"
        >
          {t("dismiss")}
        </button>
      </div>
      <TxProgress state={state} />
    </div>
  );
}
