import { getTranslations } from "next-intl/server";
import type { PriceCapView, PriceObservation } from "@/lib/queries/regulator";
import { capInForceAt, layoutPriceChart, type PriceSeries } from "@/lib/domain/price-chart";
import { formatDate } from "@/lib/domain/format";
import { categoryLabel, priceLabel, regionLabel } from "./labels";

/**
 * Observed prices of one region, category and channel against the cap in force over time, drawn on the
 * server as an SVG with a title and description, a label on every point, and the data as a table.
 */
export async function PriceChart({
  series,
  now,
}: {
  series: PriceSeries<PriceObservation, PriceCapView>;
  now: number;
}) {
  const t = await getTranslations("regulator");
  const chart = layoutPriceChart(series.observations, series.caps, now);
  const { box } = chart;
  const key = `${series.region}-${series.category}-${series.channel}`;
  const id = `price-chart-${key}`;
  const capToday = capInForceAt(series.caps, now);
  const title = t("chart.title", {
    category: categoryLabel(t, series.category),
    channel: t(`channels.${series.channel}`),
    region: regionLabel(t, series.region),
  });
  const desc = t("chart.desc", {
    count: series.observations.length,
    from: formatDate(series.observations[0]?.observedAt ?? now),
    to: formatDate(series.observations[series.observations.length - 1]?.observedAt ?? now),
    violations: series.observations.filter((o) => o.violation).length,
    cap: capToday === null ? t("chart.noCap") : priceLabel(t, capToday.fenPerPiece),
  });
  const observationOf = new Map(series.observations.map((o) => [o.recordId, o]));
  const bottom = box.height - box.bottom;

  return (
    <figure data-price-chart={key} className="space-y-2 rounded-2xl border border-slate-200 bg-white p-3">
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="h-auto w-full"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <g aria-hidden="true" fontSize={14} fill="#475569">
          {chart.yTicks.map((tick) => (
            <g key={tick.at}>
              <line x1={box.left} x2={box.width - box.right} y1={tick.y} y2={tick.y} stroke="#e2e8f0" />
              <text x={box.left - 6} y={tick.y + 5} textAnchor="end">
                {tick.label}
              </text>
            </g>
          ))}
          {chart.xTicks.map((tick) => (
            <g key={tick.at}>
              <line x1={tick.x} x2={tick.x} y1={bottom} y2={bottom + 4} stroke="#94a3b8" />
              <text x={tick.x} y={bottom + 20} textAnchor="middle">
                {tick.label}
              </text>
            </g>
          ))}
          <line x1={box.left} x2={box.width - box.right} y1={bottom} y2={bottom} stroke="#94a3b8" />
          <text x={4} y={14}>
            {t("chart.axis")}
          </text>
        </g>
        {chart.capPath !== "" && (
          <path
            data-series="cap"
            d={chart.capPath}
            fill="none"
            stroke="#b91c1c"
            strokeWidth={2}
            strokeDasharray="6 4"
          >
            <title>
              {t("chart.capLine", {
                caps: chart.capsShown
                  .map((cap) =>
                    t("chart.capStep", {
                      price: priceLabel(t, cap.fenPerPiece),
                      date: formatDate(cap.effectiveFrom),
                    }),
                  )
                  .join("; "),
              })}
            </title>
          </path>
        )}
        <g data-series="observed">
          {chart.observedPath !== "" && (
            <path d={chart.observedPath} fill="none" stroke="#0f766e" strokeWidth={1.5} opacity={0.6} />
          )}
          {chart.points.map((point) => {
            const observation = observationOf.get(point.recordId);
            const label = t(point.violation ? "chart.pointAbove" : "chart.point", {
              date: formatDate(point.observedAt),
              seller: observation?.sellerName ?? "",
              price: priceLabel(t, point.fenPerPiece),
              cap: priceLabel(t, observation?.capFenPerPiece ?? 0),
            });
            return point.violation ? (
              // Above the cap: a red diamond, not only a colour.
              <path
                key={point.recordId}
                data-point={point.recordId}
                data-violation="true"
                d={`M${point.x} ${point.y - 6} L${point.x + 6} ${point.y} L${point.x} ${point.y + 6} L${point.x - 6} ${point.y} Z`}
                fill="#b91c1c"
              >
                <title>{label}</title>
              </path>
            ) : (
              <circle
                key={point.recordId}
                data-point={point.recordId}
                data-violation="false"
                cx={point.x}
                cy={point.y}
                r={4.5}
                fill="#0f766e"
              >
                <title>{label}</title>
              </circle>
            );
          })}
        </g>
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        <span className="font-semibold text-slate-900">{title}</span>
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block size-2.5 rounded-full bg-teal-700" />
          {t("chart.legendObserved")}
        </span>
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block size-2.5 rotate-45 bg-red-700" />
          {t("chart.legendViolation")}
        </span>
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block w-4 border-t-2 border-dashed border-red-700" />
          {t("chart.legendCap")}
        </span>
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-emerald-800">{t("chart.table")}</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-3">
                  {t("chart.date")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("chart.seller")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("chart.lot")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("chart.price")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("chart.cap")}
                </th>
                <th scope="col" className="py-1">
                  {t("chart.aboveCap")}
                </th>
              </tr>
            </thead>
            <tbody>
              {series.observations.map((o) => (
                <tr key={o.recordId} className="border-b border-slate-100">
                  <td className="py-1 pr-3 whitespace-nowrap">{formatDate(o.observedAt)}</td>
                  <td className="py-1 pr-3">{o.sellerName}</td>
                  <td className="py-1 pr-3">{o.lot ?? ""}</td>
                  <td className="py-1 pr-3 whitespace-nowrap">{priceLabel(t, o.fenPerPiece)}</td>
                  <td className="py-1 pr-3 whitespace-nowrap">
                    {o.capFenPerPiece === null ? t("chart.noCap") : priceLabel(t, o.capFenPerPiece)}
                  </td>
                  <td className="py-1">{o.violation ? t("chart.yes") : t("chart.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
