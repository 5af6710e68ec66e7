import { useLocale, useTranslations } from "next-intl";
import type { VerifyResponse } from "@/lib/queries/verify";
import { formatYuan } from "@/lib/domain/format";
import { secondsToIsoDate } from "@/lib/domain/time";

/** The retail price cap where the box was scanned, and prices inspectors recorded for this batch. */
export function PricePanel({ price }: { price: VerifyResponse["price"] }) {
  const t = useTranslations("verdict.price");
  const locale = useLocale();
  const yuan = (fen: number) => formatYuan(fen, locale);
  const place = price.regionName ?? t("region", { code: String(price.region) });
  return (
    <section aria-labelledby="price-heading" className="space-y-2">
      <h2 id="price-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <div className="rounded-2xl border border-slate-200 bg-white p-4 text-sm">
        {price.cap ? (
          <p>
            {t.rich("cap", {
              place,
              price: yuan(price.cap.fenPerPiece),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}{" "}
            <span className="text-slate-500">
              {t("capSource", {
                date: secondsToIsoDate(price.cap.effectiveFrom),
                basis: price.cap.legalBasis,
              })}
            </span>
          </p>
        ) : (
          <p>{t("noCap", { place })}</p>
        )}
        {price.records.length > 0 && (
          <ul className="mt-3 space-y-1">
            {price.records.map((r, i) => (
              <li key={i} className={r.violation ? "font-medium text-red-800" : "text-slate-700"}>
                {t("record", {
                  date: secondsToIsoDate(r.observedAt),
                  price: yuan(r.fenPerPiece),
                  seller: r.seller.name,
                })}
                {r.violation && r.cap
                  ? t("aboveCap", { cap: yuan(r.cap.fenPerPiece) })
                  : r.cap
                    ? t("withinCap")
                    : ""}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
