import { useTranslations } from "next-intl";
import type { Check } from "@/lib/domain/verdict";
import { StatusIcon } from "@/components/ui/StatusIcon";

/** Problems first, then notes, then what passed, then what the record does not say. */
const ORDER: Record<Check["status"], number> = { fail: 0, warn: 1, pass: 2, unknown: 3 };

export function CheckList({ checks }: { checks: Check[] }) {
  const t = useTranslations("verdict.status");
  const sorted = [...checks].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  return (
    <ul className="divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
      {sorted.map((check) => (
        <li key={check.id} data-check={check.id} data-status={check.status} className="flex gap-3 p-4">
          <StatusIcon tone={check.status} />
          <div className="min-w-0">
            <p className="font-semibold text-slate-900">
              <span className="sr-only">{t(check.status)}: </span>
              {check.title}
            </p>
            <p className="mt-0.5 text-sm break-words text-slate-600">{check.detail}</p>
          </div>
          <span
            className="ml-auto shrink-0 self-start rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600"
            aria-hidden="true"
          >
            {t(check.status)}
          </span>
        </li>
      ))}
    </ul>
  );
}
