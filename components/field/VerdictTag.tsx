"use client";

import { useTranslations } from "next-intl";
import type { VerdictLevel } from "@/lib/domain/verdict";
import { StatusIcon, type Tone } from "@/components/ui/StatusIcon";

const LOOK: Record<VerdictLevel, { tone: Tone; word: "genuine" | "caution" | "suspect" | "notFound" }> = {
  genuine: { tone: "pass", word: "genuine" },
  caution: { tone: "warn", word: "caution" },
  suspect: { tone: "fail", word: "suspect" },
  not_found: { tone: "unknown", word: "notFound" },
};

/** A verdict in a list: icon and word together (colour is never the only signal). */
export function VerdictTag({ verdict }: { verdict: VerdictLevel | null }) {
  const t = useTranslations("fieldDesk.verdict");
  if (verdict === null) return <span className="text-sm text-slate-600">{t("checking")}</span>;
  const look = LOOK[verdict];
  return (
    <span className="inline-flex items-center gap-1.5 font-semibold">
      <StatusIcon tone={look.tone} size={20} />
      {t(look.word)}
    </span>
  );
}
