"use client";

import { useTranslations } from "next-intl";

/**
 * A page failed to render: say so plainly, never a stack trace. The layout's ClientMessages gives it
 * the "pageStates" messages (an error boundary is a client component).
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("pageStates");
  return (
    <section role="alert" className="space-y-3 rounded-2xl border-2 border-slate-400 bg-white p-5">
      <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
      <p className="text-slate-700">{t("errorBody")}</p>
      <button
        type="button"
        onClick={reset}
        className="rounded-xl bg-slate-900 px-4 py-2 font-medium text-white"
      >
        {t("tryAgain")}
      </button>
    </section>
  );
}
