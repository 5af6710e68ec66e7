"use client";

import { useTranslations } from "next-intl";
import { suspectFirst } from "@/lib/domain/field-scans";
import { VerdictTag } from "./VerdictTag";
import type { CheckedBox } from "./use-box-checks";

/** Scanned boxes, suspect ones first; `note` marks a box with something the verdict does not say. */
export function BoxList({ boxes, note }: { boxes: CheckedBox[]; note?: (box: CheckedBox) => string | null }) {
  const t = useTranslations("fieldDesk.boxes");
  if (boxes.length === 0) return null;
  return (
    <ol
      aria-label={t("list")}
      className="divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white"
    >
      {suspectFirst(boxes).map((box) => {
        const extra = note?.(box) ?? null;
        return (
          <li
            key={box.key}
            data-box={box.key}
            data-verdict={box.verdict ?? "checking"}
            className="space-y-0.5 p-3"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <VerdictTag verdict={box.verdict} />
              <span className="font-mono text-sm text-slate-700">
                {t("line", { lot: box.lot ?? "—", serial: box.serial ?? "—" })}
                {box.scans > 1 && t("scannedTimes", { count: box.scans })}
              </span>
            </div>
            {box.headline !== "" && <p className="text-sm text-slate-700">{box.headline}</p>}
            {extra !== null && <p className="text-sm font-medium text-red-800">{extra}</p>}
            {box.error !== null && <p className="text-sm text-red-800">{box.error}</p>}
          </li>
        );
      })}
    </ol>
  );
}
