"use client";

import { useState, useSyncExternalStore } from "react";
import { formatYuan } from "@/lib/domain/format";
import { claimKeyStorage } from "./ComplaintForm";

const noSubscription = () => () => undefined;

/**
 * The complainant's side of the complaint page: the claim key kept in this browser at filing (shown
 * so it can be saved elsewhere), and collecting the compensation once the complaint is upheld.
 */
export function ClaimPanel({ id, withdrawableFen }: { id: number; withdrawableFen: number }) {
  const storedKey = useSyncExternalStore(
    noSubscription,
    () => localStorage.getItem(claimKeyStorage(id)),
    () => null,
  );
  const [typedKey, setTypedKey] = useState("");
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [sending, setSending] = useState(false);
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
          ? { ok: true, text: `${formatYuan(body.amountFen ?? 0)} was paid to your claim account.` }
          : { ok: false, text: body.error?.message ?? "The payment could not be collected. Try again." },
      );
    } catch {
      setOutcome({ ok: false, text: "The request could not be sent: check your connection and try again." });
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
        Your claim key
      </h2>
      {storedKey ? (
        <>
          <p className="text-sm text-slate-700">
            This key proves the complaint is yours and collects any compensation. It is kept in this browser
            only; write it down or save it somewhere safe — MedProof does not keep a copy.
          </p>
          <p data-testid="claim-key" className="rounded-lg bg-slate-100 p-2 font-mono text-xs break-all">
            {storedKey}
          </p>
        </>
      ) : (
        <div className="space-y-1">
          <label htmlFor="claimKey" className="text-sm">
            Filed from another device? Enter the claim key you were given.
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
          {sending ? "Collecting…" : `Collect ${formatYuan(withdrawableFen)}`}
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
