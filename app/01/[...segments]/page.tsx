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
import { CHECK_CODE_PARAM, normaliseCheckCode, TYPED_PARAM } from "@/lib/domain/check-code";
import type { Locale } from "@/lib/domain/locale";
import { formatDateTime } from "@/lib/domain/format";
import { doubtsAuthenticity } from "@/lib/domain/verdict";

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
 * Whether the code field marked the code as typed (lib/domain/check-code.ts, entryPath). Only honoured on
 * a navigation from this site (or from a browser too old to say where it came from): a forger's QR that
 * carries ?typed=1, opened by a phone's camera, arrives with Sec-Fetch-Site "none" and stays a scan, so
 * its missing signature still makes it Suspect.
 */
function isTyped(search: Record<string, string | string[] | undefined>, fetchSite: string | null): boolean {
  return search[TYPED_PARAM] === "1" && (fetchSite === null || fetchSite === "same-origin");
}

/** The check code typed after the code, in its printed form; null when none (or none that reads). */
function typedCheckCode(search: Record<string, string | string[] | undefined>): string | null {
  const check = search[CHECK_CODE_PARAM];
  return typeof check === "string" ? normaliseCheckCode(check) : null;
}

/**
 * One parse and one verification per request, shared by the title and the page: each verification is a
 * scan in the scan log. The sentences come back in the reader's language from the server: no catalogue
 * is sent to the browser. `canonical` is the code's own Digital Link (for the offline copy), when it reads;
 * `bracketed` the same code as a person reads it off a label (what a report of a fake carries).
 */
const verifyOnce = cache(
  // Primitive arguments only: cache() matches them by identity, and the title and the page must share one.
  async (scanned: string, device: string, locale: Locale, typed: boolean, checkCode: string | null) => {
    const code = readScannedCode(scanned, locale);
    if ("status" in code) return { outcome: code, canonical: null, bracketed: null };
    const services = runtime();
    const outcome = await services.verifier.verify(code, {
      region: services.region,
      device,
      locale,
      typed: typed ? { checkCode } : undefined,
    });
    return { outcome, canonical: toDigitalLink(code), bracketed: toBracketed(code) };
  },
);

async function verifyRequested({ params, searchParams }: Props) {
  const [{ segments }, search, requestHeaders, locale] = await Promise.all([
    params,
    searchParams,
    headers(),
    getLocale(),
  ]);
  const scanned = digitalLink(segments, search);
  const verified = await verifyOnce(
    scanned,
    requestHeaders.get("x-medproof-device") ?? "unknown",
    locale,
    isTyped(search, requestHeaders.get("sec-fetch-site")),
    typedCheckCode(search),
  );
  return { scanned, locale, ...verified };
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
  const [{ scanned, locale, outcome, canonical, bracketed }, t, tips] = await Promise.all([
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
  // A box that may not be the maker's own: the way to report it is on the first screen, under the verdict.
  // A Suspect box that is the maker's own (recalled, expired, unreleased) is not called a fake: it goes back.
  const doubtful = doubtsAuthenticity(result);
  const withdrawn = result.verdict === "suspect" && !doubtful;
  return (
    <div className="space-y-6">
      <VerdictBanner verdict={result.verdict} headline={result.headline} withdrawn={withdrawn} />
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
          time: formatDateTime(result.checkedAt, locale),
        })}
      </p>
    </div>
  );
}
