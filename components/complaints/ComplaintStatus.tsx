import type { ComplaintView } from "@/lib/queries/complaints";
import { formatDate, formatDateTime, formatYuan } from "@/lib/domain/format";

const STATUS: Record<ComplaintView["status"], { label: string; tone: string; explain: string }> = {
  open: {
    label: "Open",
    tone: "bg-amber-100 text-amber-900",
    explain: "Waiting for the answer of the party the complaint is against.",
  },
  answered: {
    label: "Answered",
    tone: "bg-sky-100 text-sky-900",
    explain: "The party has answered; an inspector or a laboratory retest will decide.",
  },
  upheld: {
    label: "Upheld",
    tone: "bg-emerald-100 text-emerald-900",
    explain: "The complaint was upheld: the responsible party paid from its bond.",
  },
  dismissed: {
    label: "Dismissed",
    tone: "bg-slate-200 text-slate-800",
    explain: "The complaint was dismissed.",
  },
};

const KIND: Record<ComplaintView["kind"], string> = {
  "spec-failure": "The masks are faulty",
  counterfeit: "The box is a fake",
  "price-above-cap": "Charged above the price cap",
};

function historyLine(event: ComplaintView["history"][number], complaint: ComplaintView): string {
  switch (event.name) {
    case "ComplaintFiled":
      return `Filed against ${complaint.respondentName}; answer due by ${formatDate(complaint.answerDeadline)}.`;
    case "ComplaintAnswered":
      return `${complaint.respondentName} answered.`;
    case "ComplaintRuled":
      return `${event.args.byRetest === "true" ? "A laboratory retest" : "An inspector"} ${
        event.args.upheld === "true" ? "upheld" : "dismissed"
      } the complaint.`;
    case "ResponsibilityTracedToLot":
      return "The retest traced the failure to the meltblown lot: its supplier is answerable.";
    case "PenaltyApplied":
      return `${formatYuan(Number(event.args.compensationFen))} awarded to the buyer and a ${formatYuan(
        Number(event.args.fineFen),
      )} fine, from the bond.`;
    case "PenaltyShortfall":
      return `${formatYuan(Number(event.args.shortfallFen))} could not be paid from the bond.`;
    case "PayoutWithdrawn":
      return `${formatYuan(Number(event.args.amount))} paid out to the buyer.`;
    default:
      return event.name;
  }
}

/** A complaint's status, what it is about, and what happened to it, from the chain. */
export function ComplaintStatus({ complaint }: { complaint: ComplaintView }) {
  const status = STATUS[complaint.status];
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Complaint {complaint.id}</h1>
        <p>
          <span className={`rounded-full px-3 py-1 text-sm font-semibold ${status.tone}`}>
            {status.label}
          </span>
        </p>
        <p className="text-slate-700">{status.explain}</p>
      </div>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded-2xl border border-slate-200 bg-white p-4 text-sm min-[20rem]:grid-cols-[auto_minmax(0,1fr)]">
        <dt className="text-slate-500">About</dt>
        <dd>{KIND[complaint.kind]}</dd>
        {complaint.description && (
          <>
            <dt className="text-slate-500">Description</dt>
            <dd className="break-words">{complaint.description}</dd>
          </>
        )}
        <dt className="text-slate-500">Box</dt>
        <dd>
          GTIN {complaint.gtin}, lot {complaint.lot}, serial {complaint.serial}
        </dd>
        <dt className="text-slate-500">Against</dt>
        <dd>{complaint.respondentName}</dd>
        {complaint.pricePaidFen > 0 && (
          <>
            <dt className="text-slate-500">Price paid</dt>
            <dd>{formatYuan(complaint.pricePaidFen)}</dd>
          </>
        )}
        {complaint.status === "upheld" && (
          <>
            <dt className="text-slate-500">Compensation</dt>
            <dd>
              {formatYuan(complaint.compensationFen)}
              {complaint.withdrawableFen > 0 ? " — not collected yet" : " — paid out"}
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="complaint-history" className="space-y-2">
        <h2 id="complaint-history" className="text-lg font-semibold">
          What happened
        </h2>
        <ol className="space-y-2">
          {complaint.history.map((event) => (
            <li
              key={`${event.txHash}-${event.name}`}
              className="rounded-xl border border-slate-200 bg-white p-3 text-sm"
            >
              <time className="block text-xs text-slate-500">{formatDateTime(event.at)}</time>
              {historyLine(event, complaint)}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
