import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { VerdictBanner } from "@/components/verdict/VerdictBanner";
import { VerdictDetails } from "@/components/verdict/VerdictDetails";
import { CodeEntryForm } from "@/components/scan/CodeEntryForm";
import { ChainUnavailable } from "@/components/verdict/ChainUnavailable";
import { RememberVerdict } from "@/components/offline/RememberVerdict";
import { runtime } from "@/lib/queries/runtime";
import { readScannedCode } from "@/lib/queries/verify";
import { toBracketed, toDigitalLink } from "@/lib/domain/gs1";
import type { Locale } from "@/lib/domain/locale";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ segments: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The GS1 Digital Link this page was opened at, as a scanner would have read it. */
function digitalLink(segments: string[], search: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
  }
  const qs = query.toString();
  return `http://localhost/01/${segments.join("/")}${qs ? `?${qs}` : ""}`;
}

/**
 * One parse and one verification per request, shared by the title and the page: each verification is a
 * scan in the scan log. The sentences come back in the reader's language from the server: no catalogue
 * is sent to the browser. `canonical` is the code's own Digital Link (for the offline copy), when it reads;
 * `bracketed` the same code as a person reads it off a label (what a report of a fake carries).
 */
const verifyOnce = cache(async (scanned: string, device: string, locale: Locale) => {
  const code = readScannedCode(scanned, locale);
  if ("status" in code) return { outcome: code, canonical: null, bracketed: null };
  const services = runtime();
  const outcome = await services.verifier.verify(code, { region: services.region, device, locale });
  return { outcome, canonical: toDigitalLink(code), bracketed: toBracketed(code) };
});

async function verifyRequested({ params, searchParams }: Props) {
  const [{ segments }, search, requestHeaders, locale] = await Promise.all([
    params,
    searchParams,
    headers(),
    getLocale(),
  ]);
  const scanned = digitalLink(segments, search);
  const verified = await verifyOnce(scanned, requestHeaders.get("x-medproof-device") ?? "unknown", locale);
  return { scanned, ...verified };
}

/**
 * The verdict is the title: what a screen reader says first on a page load, the tab's name, and what
 * Next's route announcer reads after a client-side navigation (when the title is in place in time).
 */
export async function generateMetadata(props: Props): Promise<Metadata> {
  const [{ outcome }, t] = await Promise.all([verifyRequested(props), getTranslations("verdict")]);
  if (outcome.status === 200) {
    const { verdict, headline } = outcome.body;
    return { title: t("page.title", { word: t(`level.${verdict}.word`), headline }) };
  }
  return { title: t(outcome.status === 400 ? "page.cantRead" : "page.cantReach") };
}

export default async function VerdictPage(props: Props) {
  const [{ scanned, outcome, canonical, bracketed }, t, tips] = await Promise.all([
    verifyRequested(props),
    getTranslations("verdict.page"),
    getTranslations("tips.report"),
  ]);

  if (outcome.status === 503) return <ChainUnavailable />;
  if (outcome.status === 400) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("cantRead")}</h1>
        <p role="alert" className="rounded-xl border border-red-300 bg-red-50 p-4 text-red-900">
          {outcome.body.error.message}
        </p>
        <CodeEntryForm autoFocus />
      </div>
    );
  }

  const result = outcome.body;
  const canComplain = result.batch !== null && result.code.serial !== null;
  // A box the record does not vouch for: the way to report it is on the first screen, under the verdict.
  const doubtful = result.verdict === "suspect" || result.verdict === "not_found";
  return (
    <div className="space-y-6">
      <VerdictBanner verdict={result.verdict} headline={result.headline} />
      {doubtful && (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <Link
            href={`/tips/new?code=${encodeURIComponent(bracketed ?? scanned)}`}
            data-report="fake"
            className="inline-block rounded-xl bg-red-700 px-4 py-2.5 font-medium text-white hover:bg-red-800"
          >
            {tips("link")}
          </Link>
          {canComplain && (
            <Link href="#report-heading" className="font-medium text-slate-900 underline">
              {tips("complain")}
            </Link>
          )}
          <p className="w-full text-sm text-slate-700">{tips("linkHint")}</p>
        </div>
      )}
      {canonical !== null && <RememberVerdict code={canonical} result={result} />}
      <VerdictDetails result={result} />
      {canComplain && (
        <section
          aria-labelledby="report-heading"
          className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4"
        >
          <h2 id="report-heading" className="text-lg font-semibold">
            {t("reportHeading")}
          </h2>
          <p className="text-sm text-slate-700">{t("reportBody")}</p>
          <Link
            href={`/complaints/new?code=${encodeURIComponent(scanned)}`}
            className="inline-block rounded-xl bg-slate-900 px-4 py-2.5 font-medium text-white hover:bg-slate-700"
          >
            {t("report")}
          </Link>
        </section>
      )}
      <p className="text-xs text-slate-500">
        {t("readFrom", {
          block: String(result.block),
          time: new Date(result.checkedAt * 1000).toISOString().replace("T", " ").slice(0, 16),
        })}
      </p>
    </div>
  );
}
