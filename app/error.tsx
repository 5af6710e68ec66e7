"use client";

import { useSyncExternalStore } from "react";
import en from "@/lib/i18n/messages/en/pageStates.json";
import zhCN from "@/lib/i18n/messages/zh-CN/pageStates.json";

const noSubscription = () => () => undefined;

/**
 * The page's language, as the layout wrote it in <html lang>. The error boundary of every page is a
 * client component; reading the language here instead of through next-intl's client provider keeps
 * that provider (≈ 10 KB) out of every page's first load.
 */
function usePageWords() {
  return useSyncExternalStore(
    noSubscription,
    () => (document.documentElement.lang === "zh-CN" ? zhCN : en),
    () => en,
  );
}

/** A page failed to render: say so plainly, never a stack trace. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const words = usePageWords();
  return (
    <section role="alert" className="space-y-3 rounded-2xl border-2 border-slate-400 bg-white p-5">
      <h1 className="text-2xl font-bold">{words.errorTitle}</h1>
      <p className="text-slate-700">{words.errorBody}</p>
      <button
        type="button"
        onClick={reset}
        className="rounded-xl bg-slate-900 px-4 py-2 font-medium text-white"
      >
        {words.tryAgain}
      </button>
    </section>
  );
}
