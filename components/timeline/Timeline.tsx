import { useTranslations } from "next-intl";
import type { TimelineEvent } from "@/lib/domain/timeline";
import { secondsToIsoDate } from "@/lib/domain/time";

const DOT: Record<NonNullable<TimelineEvent["status"]> | "none", string> = {
  pass: "bg-emerald-600",
  warn: "bg-amber-500",
  fail: "bg-red-600",
  none: "bg-slate-400",
};

/** The batch's history, oldest first, from meltblown lot to the shelf. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  const t = useTranslations("verdict");
  if (events.length === 0) return <p className="text-sm text-slate-600">{t("noHistory")}</p>;
  return (
    <ol className="relative ml-2 border-l-2 border-slate-200">
      {events.map((event, i) => (
        <li key={`${event.at}-${i}`} className="mb-5 ml-5" data-kind={event.kind}>
          <span
            className={`absolute -left-[7px] mt-1.5 h-3 w-3 rounded-full ${DOT[event.status ?? "none"]}`}
            aria-hidden="true"
          />
          <p className="text-xs text-slate-500">
            <time dateTime={new Date(event.at * 1000).toISOString()}>{secondsToIsoDate(event.at)}</time> ·{" "}
            {t(`kind.${event.kind}`)}
          </p>
          <p className="font-medium text-slate-900">{event.title}</p>
          <p className="text-sm break-words text-slate-600">{event.detail}</p>
        </li>
      ))}
    </ol>
  );
}
