"use client";

import { useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { FieldBlock } from "@/components/forms/consumer";
import { queryKeys } from "@/lib/queries/client/keys";
import { claimKeyStorage } from "./ComplaintForm";

const noSubscription = () => () => undefined;

/**
 * The key kept somewhere other than this browser: copied, saved as a text file, or handed to another app
 * by the Web Share API where the browser has it (most phones). The file and the shared text say what the
 * key is for and where the complaint's page is, so a person who finds it later knows what it opens.
 */
function ClaimKeyActions({ id, claimKey }: { id: number; claimKey: string }) {
  const t = useTranslations("complaints.claim");
  const [done, setDone] = useState<string | null>(null);
  const canShare = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.share === "function",
    () => false,
  );
  const note = () => t("keyNote", { id, url: `${window.location.origin}/complaints/${id}`, key: claimKey });

  async function copy() {
    try {
      await navigator.clipboard.writeText(claimKey);
      setDone(t("copied"));
    } catch {
      setDone(t("copyFailed"));
    }
  }

  function save() {
    const file = URL.createObjectURL(new Blob([note()], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = file;
    link.download = `medproof-complaint-${id}-claim-key.txt`;
    link.click();
    URL.revokeObjectURL(file);
    setDone(t("saved"));
  }

  async function share() {
    try {
      await navigator.share({ title: t("shareTitle", { id }), text: note() });
    } catch {
      // Closing the share sheet rejects too: nothing to say.
    }
  }

  const button =
    "rounded-lg border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={copy} className={button}>
          {t("copy")}
        </button>
        <button type="button" onClick={save} className={button}>
          {t("save")}
        </button>
        {canShare && (
          <button type="button" onClick={share} className={button}>
            {t("share")}
          </button>
        )}
      </div>
      {done !== null && (
        <p role="status" className="text-sm text-slate-700">
          {done}
        </p>
      )}
    </div>
  );
}

/**
 * The complainant's side of the complaint page: the claim key kept in this browser at filing (shown,
 * with ways to copy, save and share it elsewhere), and collecting the compensation once the complaint is upheld. A
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
          <ClaimKeyActions id={id} claimKey={storedKey} />
        </>
      ) : (
        <FieldBlock id="claimKey" label={t("enter")} labelClassName="text-sm">
          <input
            id="claimKey"
            value={typedKey}
            onChange={(e) => setTypedKey(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="w-full rounded-xl border border-slate-500 px-3 py-2 font-mono text-sm"
          />
        </FieldBlock>
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
