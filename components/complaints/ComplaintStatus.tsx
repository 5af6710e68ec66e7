"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { toDigitalLink } from "@/lib/domain/gs1";
import type { ComplaintView } from "@/lib/queries/complaints";

const TONE: Record<ComplaintView["status"], string> = {
  open: "bg-amber-100 text-amber-900",
  answered: "bg-sky-100 text-sky-900",
  upheld: "bg-emerald-100 text-emerald-900",
  dismissed: "bg-slate-200 text-slate-800",
};

type Translate = ReturnType<typeof useTranslations<"complaints.status">>;

const yuanOf = (fen: string | number | undefined) => Number(fen ?? 0) / 100;
const dateOf = (seconds: number) => new Date(seconds * 1000);

function historyLine(
  t: Translate,
  event: ComplaintView["history"][number],
  complaint: ComplaintView,
): string {
  const respondent = complaint.respondentName;
  switch (event.name) {
    case "ComplaintFiled":
      return t("history.ComplaintFiled", { respondent, deadline: dateOf(complaint.answerDeadline) });
    case "ComplaintAnswered":
      return t("history.ComplaintAnswered", { respondent });
    case "ComplaintRuled":
      return t("history.ComplaintRuled", {
        byRetest: String(event.args.byRetest === "true"),
        upheld: String(event.args.upheld === "true"),
      });
    case "ResponsibilityTracedToLot":
      return t("history.ResponsibilityTracedToLot");
    case "PenaltyApplied":
      return t("history.PenaltyApplied", {
        compensation: yuanOf(event.args.compensationFen),
        fine: yuanOf(event.args.fineFen),
      });
    case "PenaltyShortfall":
      return t("history.PenaltyShortfall", { shortfall: yuanOf(event.args.shortfallFen) });
    case "PayoutWithdrawn":
      return t("history.PayoutWithdrawn", { amount: yuanOf(event.args.amount) });
    default:
      return event.name;
  }
}

/**
 * A complaint's status, what it is about, and what happened to it, from the chain. A client component:
 * ComplaintLive renders it again when the complaint is read anew.
 */
export function ComplaintStatus({ complaint }: { complaint: ComplaintView }) {
  const t = useTranslations("complaints.status");
  const format = useFormatter();
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("heading", { id: complaint.id })}</h1>
        <p>
          <span className={`rounded-full px-3 py-1 text-sm font-semibold ${TONE[complaint.status]}`}>
            {t(`${complaint.status}.label`)}
          </span>
        </p>
        <p className="text-slate-700">{t(`${complaint.status}.explain`)}</p>
      </div>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded-2xl border border-slate-200 bg-white p-4 text-sm min-[20rem]:grid-cols-[auto_minmax(0,1fr)]">
        <dt className="text-slate-500">{t("about")}</dt>
        <dd>{t(`kinds.${complaint.kind}`)}</dd>
        {complaint.description && (
          <>
            <dt className="text-slate-500">{t("description")}</dt>
            <dd className="break-words">{complaint.description}</dd>
          </>
        )}
        <dt className="text-slate-500">{t("box")}</dt>
        <dd>
          {t("boxValue", { gtin: complaint.gtin, lot: complaint.lot, serial: complaint.serial })}{" "}
          {/* The box's own verdict page, by its Digital Link path (the code without its signature). */}
          <Link
            href={toDigitalLink(
              { gtin: complaint.gtin, lot: complaint.lot, serial: String(complaint.serial) },
              "",
            )}
            data-box-verdict
            className="text-emerald-800 underline"
          >
            {t("boxVerdict")}
          </Link>
        </dd>
        <dt className="text-slate-500">{t("against")}</dt>
        <dd>{complaint.respondentName}</dd>
        {complaint.pricePaidFen > 0 && (
          <>
            <dt className="text-slate-500">{t("pricePaid")}</dt>
            <dd>{t("yuan", { amount: yuanOf(complaint.pricePaidFen) })}</dd>
          </>
        )}
        {complaint.status === "upheld" && (
          <>
            <dt className="text-slate-500">{t("compensation")}</dt>
            <dd>
              {t("compensationValue", {
                amount: yuanOf(complaint.compensationFen),
                collected: String(complaint.withdrawableFen === 0),
              })}
            </dd>
          </>
        )}
      </dl>
      {complaint.photoUrl !== null && (
        <figure className="space-y-1">
          {/* The photo as filed: its bytes are bound to the evidence hash on chain. */}
          <img
            src={complaint.photoUrl}
            alt={t("photoAlt", { id: complaint.id })}
            className="max-h-96 rounded-xl border border-slate-200 bg-white object-contain"
          />
          <figcaption className="text-sm text-slate-600">{t("photoCaption")}</figcaption>
        </figure>
      )}
      <section aria-labelledby="complaint-history" className="space-y-2">
        <h2 id="complaint-history" className="text-lg font-semibold">
          {t("historyHeading")}
        </h2>
        <ol className="space-y-2">
          {complaint.history.map((event) => (
            <li
              key={`${event.txHash}-${event.name}`}
              className="rounded-xl border border-slate-200 bg-white p-3 text-sm"
            >
              <time className="block text-xs text-slate-500" dateTime={dateOf(event.at).toISOString()}>
                {format.dateTime(dateOf(event.at), { dateStyle: "medium", timeStyle: "short" })}
              </time>
              {historyLine(t, event, complaint)}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
