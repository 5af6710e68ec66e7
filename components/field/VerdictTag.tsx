import type { VerdictLevel } from "@/lib/domain/verdict";
import { StatusIcon, type Tone } from "@/components/ui/StatusIcon";

const LOOK: Record<VerdictLevel, { tone: Tone; word: string }> = {
  genuine: { tone: "pass", word: "Genuine" },
  caution: { tone: "warn", word: "Caution" },
  suspect: { tone: "fail", word: "Suspect" },
  not_found: { tone: "unknown", word: "Not on the record" },
};

/** A verdict in a list: icon and word together (colour is never the only signal). */
export function VerdictTag({ verdict }: { verdict: VerdictLevel | null }) {
  if (verdict === null) return <span className="text-sm text-slate-600">Checking…</span>;
  const look = LOOK[verdict];
  return (
    <span className="inline-flex items-center gap-1.5 font-semibold">
      <StatusIcon tone={look.tone} size={20} />
      {look.word}
    </span>
  );
}
