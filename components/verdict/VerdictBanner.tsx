import type { VerdictLevel } from "@/lib/domain/verdict";
import { StatusIcon, type Tone } from "@/components/ui/StatusIcon";
import { Announce } from "@/components/ui/Announcer";

const LOOK: Record<VerdictLevel, { tone: Tone; word: string; advice: string; classes: string }> = {
  genuine: {
    tone: "pass",
    word: "Genuine",
    advice: "The record gives no reason for doubt.",
    classes: "bg-emerald-50 border-emerald-600 text-emerald-950",
  },
  caution: {
    tone: "warn",
    word: "Caution",
    advice: "Usable by the record, but read the notes below before you buy or use it.",
    classes: "bg-amber-50 border-amber-500 text-amber-950",
  },
  suspect: {
    tone: "fail",
    word: "Suspect — do not use",
    advice: "Do not use or sell this box. Keep it, and report it to the seller or the market regulator.",
    classes: "bg-red-50 border-red-600 text-red-950",
  },
  not_found: {
    tone: "unknown",
    word: "Not on the record",
    advice: "Genuine medical masks are registered: treat this box with suspicion.",
    classes: "bg-slate-50 border-slate-400 text-slate-950",
  },
};

/** The verdict in words, as the banner's heading says it. */
export function verdictWord(verdict: VerdictLevel): string {
  return LOOK[verdict].word;
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
}: {
  verdict: VerdictLevel;
  headline: string;
  /** Said before the verdict when it is announced: what a screen reader user must know about it. */
  spokenFirst?: string;
}) {
  const look = LOOK[verdict];
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
          {look.word}
        </h1>
      </div>
      <p className="mt-3 text-lg font-medium">{headline}</p>
      <p className="mt-1 text-sm opacity-80">{look.advice}</p>
      <Announce
        message={`${spokenFirst ? `${spokenFirst} ` : ""}${look.word}. ${headline}. ${look.advice}`}
      />
    </section>
  );
}
