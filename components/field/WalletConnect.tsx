"use client";

import { useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/forms/fields";
import {
  chooseWallet,
  foundWallets,
  personalSign,
  serverWallets,
  subscribeWallets,
  switchToChain,
  USER_REJECTED,
  walletAccount,
} from "./wallet";

interface NonceAnswer {
  chainId: number;
  message: string;
}

type Answer<T> = T & { error?: { code: string; message: string } };

/**
 * "Sign in with your wallet" (Sign-In with Ethereum): the wallets the page found (EIP-6963; a choice when
 * there are several), the server's message for the account, the wallet moved to the app's chain, the
 * message signed, the server's check; then the page shows what the account's roles allow. Signed in, a
 * "Sign out". Without a wallet, where a phone user can turn instead.
 */
export function WalletConnect({ signedIn }: { signedIn: string | null }) {
  const router = useRouter();
  const t = useTranslations("signIn.panel");
  const wallets = useSyncExternalStore(subscribeWallets, foundWallets, serverWallets);
  const [choice, setChoice] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signIn() {
    const wallet = wallets.find((found) => found.id === choice) ?? wallets[0];
    if (wallet === undefined) return;
    setBusy(true);
    setError(null);
    try {
      const account = await walletAccount(wallet.provider);
      const issued = await fetch(`/api/session/nonce?address=${encodeURIComponent(account)}`);
      const nonce = (await issued.json()) as Answer<NonceAnswer>;
      if (nonce.error) return setError(nonce.error.message);
      const onChain = await switchToChain(wallet.provider, nonce.chainId);
      if (!onChain.ok)
        return setError(
          onChain.reason === "unknown_chain"
            ? t("unknownChain", { chain: nonce.chainId })
            : t("switchRefused", { chain: nonce.chainId, current: onChain.current }),
        );
      const signature = await personalSign(wallet.provider, nonce.message, account);
      const response = await fetch("/api/session/siwe", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: nonce.message, signature }),
      });
      const answer = (await response.json()) as Answer<object>;
      if (answer.error) return setError(answer.error.message);
      chooseWallet(wallet.id);
      router.refresh();
    } catch (failure) {
      const code = (failure as { code?: unknown }).code;
      setError(
        code === USER_REJECTED
          ? t("cancelled")
          : failure instanceof TypeError
            ? t("unreachable")
            : t("failed"),
      );
    } finally {
      setBusy(false);
    }
  }

  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      await fetch("/api/session", { method: "DELETE" });
      router.refresh();
    } catch {
      setError(t("unreachable"));
    } finally {
      setBusy(false);
    }
  }

  const button = "w-full rounded-lg px-4 py-2 font-medium disabled:opacity-50";
  return (
    <div className="space-y-2" data-wallet={signedIn ?? ""} data-wallets-found={wallets.length}>
      {signedIn !== null ? (
        <button
          type="button"
          onClick={signOut}
          disabled={busy}
          className={`${button} border border-slate-400 bg-white hover:bg-slate-100`}
        >
          {t("signOut")}
        </button>
      ) : wallets.length === 0 ? (
        <details className="text-sm" id="no-wallet">
          <summary className="cursor-pointer font-medium">{t("noWallet")}</summary>
          <p className="mt-1 text-slate-700">{t("noWalletHelp")}</p>
        </details>
      ) : (
        <>
          {wallets.length > 1 && (
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t("chooseWallet")}
              <select
                value={choice || wallets[0]?.id}
                onChange={(event) => setChoice(event.target.value)}
                className="rounded-lg border border-slate-300 bg-white px-2 py-2 text-base"
              >
                {wallets.map((wallet) => (
                  <option key={wallet.id} value={wallet.id}>
                    {wallet.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            onClick={signIn}
            disabled={busy}
            className={`${button} bg-emerald-700 text-white`}
          >
            {busy ? t("signing") : t("signIn")}
          </button>
        </>
      )}
      <ErrorAlert message={error} />
    </div>
  );
}
