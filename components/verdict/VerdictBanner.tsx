import { useTranslations } from "next-intl";
import type { VerdictLevel } from "@/lib/domain/verdict";
import type { Locale } from "@/lib/domain/locale";
import { StatusIcon, type Tone } from "@/components/ui/StatusIcon";
import { Announce } from "@/components/ui/Announcer";
import enVerdict from "@/lib/i18n/messages/en/verdict.json";
import zhVerdict from "@/lib/i18n/messages/zh-CN/verdict.json";

const LOOK: Record<VerdictLevel, { tone: Tone; classes: string }> = {
  genuine: { tone: "pass", classes: "bg-emerald-50 border-emerald-600 text-emerald-950" },
  caution: { tone: "warn", classes: "bg-amber-50 border-amber-500 text-amber-950" },
  suspect: { tone: "fail", classes: "bg-red-50 border-red-600 text-red-950" },
  not_found: { tone: "unknown", classes: "bg-slate-50 border-slate-400 text-slate-950" },
};

/**
 * The verdict in words, as the banner's heading says it, for code outside a translated component (a
 * page title set from the browser). Components use the `verdict` namespace's `level.<verdict>.word`.
 */
export function verdictWord(verdict: VerdictLevel, locale: Locale = "en"): string {
  return (locale === "en" ? enVerdict : zhVerdict).level[verdict].word;
}

/**
 * The verdict first: colour, icon and words together. Screen readers meet it as the page's title and
 * first heading on a page load, and hear it through the layout's live region when it arrives without
 * one (after a scan). The banner is no live region itself: one that arrives with its content is not
 * reliably read, and where it is, the verdict would be said twice.
 */
export function VerdictBanner({
  verdict,
  headline,
  spokenFirst,
  withdrawn = false,
}: {
  verdict: VerdictLevel;
  headline: string;
  /** A Suspect box that is the maker's own but may not be sold (recalled, expired, unreleased): it goes back. */
  withdrawn?: boolean;
  /** Said before the verdict when it is announced: what a screen reader user must know about it. */
  spokenFirst?: string;
}) {
  const t = useTranslations("verdict");
  const look = LOOK[verdict];
  const word = t(`level.${verdict}.word`);
  const advice = withdrawn ? t("page.withdrawn") : t(`level.${verdict}.advice`);
  return (
    <section
      aria-labelledby="verdict-heading"
      data-verdict={verdict}
      className={`rounded-2xl border-2 p-4 min-[22rem]:p-5 ${look.classes}`}
    >
      {/* At 200 % zoom on a phone the word drops below the icon and shrinks, rather than run off screen. */}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <StatusIcon tone={look.tone} size={40} />
        <h1
          id="verdict-heading"
          className="min-w-0 text-2xl font-bold tracking-tight break-words min-[22rem]:text-3xl"
        >
          {word}
        </h1>
      </div>
      <p className="mt-3 text-lg font-medium">{headline}</p>
      <p className="mt-1 text-sm opacity-80" data-advice={withdrawn ? "withdrawn" : undefined}>
        {advice}
      </p>
      <Announce
        message={`${spokenFirst ? `${spokenFirst} ` : ""}${t("announce", { word, headline, advice })}`}
      />
    </section>
  );
}
