"use client";

import { useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/queries/client/keys";
import { claimKeyStorage } from "./ComplaintForm";

const noSubscription = () => () => undefined;

/**
 * The complainant's side of the complaint page: the claim key kept in this browser at filing (shown
 * so it can be saved elsewhere), and collecting the compensation once the complaint is upheld. A
 * payout changes the complaint (its history, nothing left to collect): it is read again after one.
 */
export function ClaimPanel({ id, withdrawableFen }: { id: number; withdrawableFen: number }) {
  const t = useTranslations("complaints.claim");
  const storedKey = useSyncExternalStore(
    noSubscription,
    () => localStorage.getItem(claimKeyStorage(id)),
    () => null,
  );
  const [typedKey, setTypedKey] = useState("");
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [sending, setSending] = useState(false);
  const queryClient = useQueryClient();
  const claimKey = storedKey ?? typedKey.trim();

  async function collect() {
    setSending(true);
    try {
      const response = await fetch(`/api/complaints/${id}/withdraw`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ claimKey }),
      });
      const body = (await response.json()) as { amountFen?: number; error?: { message: string } };
      setOutcome(
        response.ok
          ? { ok: true, text: t("paid", { amount: (body.amountFen ?? 0) / 100 }) }
          : { ok: false, text: body.error?.message ?? t("failed") },
      );
      if (response.ok) await queryClient.invalidateQueries({ queryKey: queryKeys.complaint(id) });
    } catch {
      setOutcome({ ok: false, text: t("offline") });
    } finally {
      setSending(false);
    }
  }

  return (
    <section
      aria-labelledby="claim-heading"
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4"
    >
      <h2 id="claim-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      {storedKey ? (
        <>
          <p className="text-sm text-slate-700">{t("kept")}</p>
          <p data-testid="claim-key" className="rounded-lg bg-slate-100 p-2 font-mono text-xs break-all">
            {storedKey}
          </p>
        </>
      ) : (
        <div className="space-y-1">
          <label htmlFor="claimKey" className="text-sm">
            {t("enter")}
          </label>
          <input
            id="claimKey"
            value={typedKey}
            onChange={(e) => setTypedKey(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="w-full rounded-xl border border-slate-500 px-3 py-2 font-mono text-sm"
          />
        </div>
      )}
      {withdrawableFen > 0 && (
        <button
          type="button"
          onClick={collect}
          disabled={sending || claimKey === ""}
          className="rounded-xl bg-emerald-700 px-4 py-2.5 font-medium text-white hover:bg-emerald-800 disabled:opacity-60"
        >
          {sending ? t("collecting") : t("collect", { amount: withdrawableFen / 100 })}
        </button>
      )}
      {outcome && (
        <p role="status" className={outcome.ok ? "text-emerald-800" : "text-red-700"}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
