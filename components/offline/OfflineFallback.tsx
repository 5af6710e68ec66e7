"use client";

import { useEffect, useState } from "react";
import type { VerifyResponse } from "@/lib/queries/verify";
import { VerdictBanner, verdictWord } from "@/components/verdict/VerdictBanner";
import { VerdictDetails } from "@/components/verdict/VerdictDetails";
import { savedVerdict, savedVerdicts, type SavedVerdict } from "./saved-verdicts";
import { canonicalCode } from "@/lib/domain/gs1";

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
const formatWhen = (date: Date) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date);

/**
 * What the service worker shows, at the address asked for, when a page cannot be fetched: the verdict
 * this browser saved for that address, labelled with the time it is from, or a plain "you're offline".
 */
export function OfflineFallback() {
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
        if (next.kind === "saved")
          document.title = `Offline: ${verdictWord(next.result.verdict)}: ${next.result.headline} · MedProof`;
        setView(next);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  if (view.kind === "looking")
    return <p className="text-slate-600">Looking for a copy kept on this device…</p>;

  if (view.kind === "saved") {
    const when = fetchedAt(view.result);
    const label = `Offline — this result is from ${formatWhen(when)}.`;
    return (
      <div className="space-y-6">
        <p
          data-offline-label
          className="rounded-xl border-2 border-amber-600 bg-amber-50 p-3 font-semibold text-amber-950"
        >
          Offline — this result is from <time dateTime={when.toISOString()}>{formatWhen(when)}</time>.
          <span className="mt-1 block text-sm font-normal">
            The record may have changed since: check the box again when you are back online.
          </span>
        </p>
        <VerdictBanner verdict={view.result.verdict} headline={view.result.headline} spokenFirst={label} />
        <VerdictDetails result={view.result} />
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <h1 className="text-2xl font-bold">
          {view.wanted === "verdict"
            ? "You're offline: checking a box needs the network"
            : "You're offline: this page needs the network"}
        </h1>
        <p className="text-slate-700">Connect to the internet, then try again.</p>
      </section>
      {view.saved.length > 0 && (
        <section aria-labelledby="saved-heading" className="space-y-2">
          <h2 id="saved-heading" className="font-semibold">
            Boxes checked on this device, kept for offline use
          </h2>
          <ul className="divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
            {view.saved.map(({ path, result }) => (
              <li key={path}>
                {/* A plain link: offline the router's fetch would fail and fall back to a page load anyway. */}
                <a href={path} className="block p-3 hover:bg-slate-50">
                  <span className="font-medium">{verdictWord(result.verdict)}</span>
                  <span className="block text-sm break-words text-slate-600">
                    {result.product?.name ?? `GTIN ${result.code.gtin}`}
                    {result.code.lot ? `, lot ${result.code.lot}` : ""}
                    {result.code.serial ? `, box ${result.code.serial}` : ""} — checked{" "}
                    {formatWhen(fetchedAt(result))}
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
