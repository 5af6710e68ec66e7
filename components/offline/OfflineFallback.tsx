"use client";

import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { VerifyResponse } from "@/lib/queries/verify";
import { VerdictBanner, verdictWord } from "@/components/verdict/VerdictBanner";
import { VerdictDetails } from "@/components/verdict/VerdictDetails";
import { savedVerdict, savedVerdicts, type SavedVerdict } from "./saved-verdicts";
import { canonicalCode } from "@/lib/domain/gs1";
import { formatDateTime } from "@/lib/domain/format";
import { isLocale } from "@/lib/domain/locale";

type View =
  | { kind: "looking" }
  | { kind: "saved"; result: VerifyResponse }
  | { kind: "offline"; wanted: "verdict" | "page"; saved: SavedVerdict[] };

/** The code whose verdict the address asks for: a Digital Link path, or /check?code=…; null for other pages. */
function requestedCode({ pathname, search }: Location): string | null {
  if (pathname.startsWith("/01/")) return `http://localhost${pathname}${search}`;
  if (pathname === "/check") return new URLSearchParams(search).get("code") ?? "";
  return null;
}

const fetchedAt = (result: VerifyResponse) => new Date(result.checkedAt * 1000);

/**
 * What the service worker shows, at the address asked for, when a page cannot be fetched: the verdict
 * this browser saved for that address, labelled with the time it is from, or a plain "you're offline".
 * In the language the page was kept in (China time, like every date on the site).
 */
export function OfflineFallback() {
  const t = useTranslations("offline");
  const locale = useLocale();
  // The same format as every date on the verdict page it stands in for (lib/domain/format.ts).
  const formatWhen = (date: Date) =>
    formatDateTime(Math.floor(date.getTime() / 1000), isLocale(locale) ? locale : "en");
  const [view, setView] = useState<View>({ kind: "looking" });

  useEffect(() => {
    let cancelled = false;
    const look = async (): Promise<View> => {
      const code = requestedCode(window.location);
      const canonical = code === null ? null : canonicalCode(code);
      const result = canonical === null ? null : await savedVerdict(canonical);
      if (result !== null) return { kind: "saved", result };
      return { kind: "offline", wanted: code === null ? "page" : "verdict", saved: await savedVerdicts() };
    };
    look()
      .catch((): View => ({ kind: "offline", wanted: "page", saved: [] }))
      .then((next) => {
        if (cancelled) return;
        setView(next);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const savedResult = view.kind === "saved" ? view.result : null;
  useEffect(() => {
    if (savedResult !== null)
      document.title = t("documentTitle", {
        verdict: verdictWord(savedResult.verdict),
        headline: savedResult.headline,
      });
  }, [savedResult, t]);

  if (view.kind === "looking") return <p className="text-slate-600">{t("looking")}</p>;

  if (view.kind === "saved") {
    const when = fetchedAt(view.result);
    return (
      <div className="space-y-6">
        <p
          data-offline-label
          className="rounded-xl border-2 border-amber-600 bg-amber-50 p-3 font-semibold text-amber-950"
        >
          {t.rich("label", {
            when: formatWhen(when),
            time: (words) => <time dateTime={when.toISOString()}>{words}</time>,
          })}
          <span className="mt-1 block text-sm font-normal">{t("mayHaveChanged")}</span>
        </p>
        <VerdictBanner
          verdict={view.result.verdict}
          headline={view.result.headline}
          spokenFirst={t("spokenLabel", { when: formatWhen(when) })}
        />
        <VerdictDetails result={view.result} />
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <h1 className="text-2xl font-bold">
          {view.wanted === "verdict" ? t("verdictNeedsNetwork") : t("pageNeedsNetwork")}
        </h1>
        <p className="text-slate-700">{t("connect")}</p>
      </section>
      {view.saved.length > 0 && (
        <section aria-labelledby="saved-heading" className="space-y-2">
          <h2 id="saved-heading" className="font-semibold">
            {t("savedHeading")}
          </h2>
          <ul className="divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
            {view.saved.map(({ path, result }) => (
              <li key={path}>
                {/* A plain link: offline the router's fetch would fail and fall back to a page load anyway. */}
                <a href={path} className="block p-3 hover:bg-slate-50">
                  <span className="font-medium">{verdictWord(result.verdict)}</span>
                  <span className="block text-sm break-words text-slate-600">
                    {t("savedBox", {
                      product: result.product?.name ?? `GTIN ${result.code.gtin}`,
                      lot: result.code.lot ?? "",
                      hasLot: String(Boolean(result.code.lot)),
                      serial: result.code.serial ?? "",
                      hasSerial: String(Boolean(result.code.serial)),
                      when: formatWhen(fetchedAt(result)),
                    })}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
