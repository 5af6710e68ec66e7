import { getTranslations } from "next-intl/server";
import type { BatchEntry, ComplaintSummary, PriceObservation } from "@/lib/queries/regulator";
import { formatDate } from "@/lib/domain/format";
import { priceLabel } from "./labels";

const RECENT = 5;

function Tile({
  id,
  title,
  count,
  summary,
  empty,
  items,
}: {
  id: string;
  title: string;
  count: number;
  summary: string;
  empty: string;
  items: { key: string | number; text: string }[];
}) {
  return (
    <section
      aria-labelledby={`tile-${id}`}
      data-tile={id}
      data-count={count}
      className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4"
    >
      <h3 id={`tile-${id}`} className="font-semibold">
        {title}
      </h3>
      <p className="text-xl font-bold tabular-nums">{summary}</p>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="space-y-1 text-sm text-slate-700">
          {items.map((item) => (
            <li key={item.key}>{item.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Counts and the most recent price violations, complaints and recalls on the record. */
export async function Dashboard({
  observations,
  complaints,
  batches,
}: {
  observations: PriceObservation[];
  complaints: ComplaintSummary[];
  batches: BatchEntry[];
}) {
  const t = await getTranslations("regulator");
  const violations = observations.filter((o) => o.violation).reverse();
  const recalls = batches
    .flatMap((b) => (b.recall === null ? [] : [{ ...b, recall: b.recall }]))
    .sort((a, b) => b.recall.at - a.recall.at);
  const countOf = (...statuses: ComplaintSummary["status"][]) =>
    complaints.filter((c) => statuses.includes(c.status)).length;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Tile
        id="violations"
        title={t("dashboard.violations")}
        count={violations.length}
        summary={t("dashboard.violationsCount", { count: violations.length })}
        empty={t("dashboard.noViolations")}
        items={violations.slice(0, RECENT).map((v) => ({
          key: v.recordId,
          text: t("dashboard.violation", {
            date: formatDate(v.observedAt),
            seller: v.sellerName,
            price: priceLabel(t, v.fenPerPiece),
            lot: v.lot ?? "—",
            cap: v.capFenPerPiece === null ? t("chart.noCap") : priceLabel(t, v.capFenPerPiece),
          }),
        }))}
      />
      <Tile
        id="complaints"
        title={t("dashboard.complaints")}
        count={complaints.length}
        summary={t("dashboard.complaintsCount", {
          open: countOf("open", "answered"),
          upheld: countOf("upheld"),
          dismissed: countOf("dismissed"),
        })}
        empty={t("dashboard.noComplaints")}
        items={complaints.slice(0, RECENT).map((c) => ({
          key: c.id,
          text: t("dashboard.complaint", {
            date: formatDate(c.filedAt),
            id: c.id,
            kind: t(`dashboard.complaintKinds.${c.kind}`),
            respondent: c.respondentName,
            status: t(`dashboard.complaintStatuses.${c.status}`),
          }),
        }))}
      />
      <Tile
        id="recalls"
        title={t("dashboard.recalls")}
        count={recalls.length}
        summary={t("dashboard.recallsCount", { count: recalls.length })}
        empty={t("dashboard.noRecalls")}
        items={recalls.slice(0, RECENT).map((b) => ({
          key: b.batchId,
          text: t("dashboard.recall", {
            date: formatDate(b.recall.at),
            lot: b.lot,
            maker: b.manufacturerName,
            reason: b.recall.reason,
          }),
        }))}
      />
    </div>
  );
}
