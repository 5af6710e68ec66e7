import type { VerdictLevel } from "@/lib/domain/verdict";
import { StatusIcon, type Tone } from "@/components/ui/StatusIcon";

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

/** The verdict first: colour, icon and words together, announced to screen readers. */
export function VerdictBanner({ verdict, headline }: { verdict: VerdictLevel; headline: string }) {
  const look = LOOK[verdict];
  return (
    <section
      role="status"
      aria-live="polite"
      data-verdict={verdict}
      className={`rounded-2xl border-2 p-5 ${look.classes}`}
    >
      <div className="flex items-center gap-3">
        <StatusIcon tone={look.tone} size={40} />
        <h1 className="text-3xl font-bold tracking-tight">{look.word}</h1>
      </div>
      <p className="mt-3 text-lg font-medium">{headline}</p>
      <p className="mt-1 text-sm opacity-80">{look.advice}</p>
    </section>
  );
}
