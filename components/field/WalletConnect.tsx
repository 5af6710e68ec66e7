"use client";

import { useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { injectedWallet, USER_REJECTED, walletAccount } from "./wallet";

const noSubscription = () => () => undefined;

/**
 * With a browser wallet (EIP-1193) in the page: connect it, so the page shows what its account's roles
 * allow and every action is signed by the wallet. Nothing is shown without one.
 */
export function WalletConnect({ connected }: { connected: string | null }) {
  const router = useRouter();
  const t = useTranslations("fieldDesk.wallet");
  const available = useSyncExternalStore(
    noSubscription,
    () => injectedWallet() !== null,
    () => false,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!available) return null;

  async function connect() {
    const wallet = injectedWallet();
    if (wallet === null) return;
    setBusy(true);
    setError(null);
    try {
      const account = await walletAccount(wallet);
      const response = await fetch("/api/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ wallet: account }),
      });
      const answer = (await response.json()) as { error?: { message: string } };
      if (answer.error) setError(answer.error.message);
      else router.refresh();
    } catch (failure) {
      setError((failure as { code?: unknown }).code === USER_REJECTED ? t("cancelled") : t("failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2" data-wallet={connected ?? ""}>
      <button
        type="button"
        onClick={connect}
        disabled={busy}
        className="w-full rounded-lg bg-emerald-700 px-4 py-2 font-medium text-white disabled:opacity-50"
      >
        {connected === null ? t("connect") : t("reconnect")}
      </button>
      {error !== null && (
        <p role="alert" className="rounded-xl border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {error}
        </p>
      )}
    </div>
  );
}
