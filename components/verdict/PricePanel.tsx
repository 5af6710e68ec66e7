import type { VerifyResponse } from "@/lib/queries/verify";
import { secondsToIsoDate } from "@/lib/domain/time";

const yuan = (fen: number) => `${(fen / 100).toFixed(2)} yuan`;

/** The retail price cap where the box was scanned, and prices inspectors recorded for this batch. */
export function PricePanel({ price }: { price: VerifyResponse["price"] }) {
  const place = price.regionName ?? `region ${price.region}`;
  return (
    <section aria-labelledby="price-heading" className="space-y-2">
      <h2 id="price-heading" className="text-lg font-semibold">
        Price
      </h2>
      <div className="rounded-2xl border border-slate-200 bg-white p-4 text-sm">
        {price.cap ? (
          <p>
            Retail cap in {place}: <strong>{yuan(price.cap.fenPerPiece)} per piece</strong>{" "}
            <span className="text-slate-500">
              (since {secondsToIsoDate(price.cap.effectiveFrom)}, {price.cap.legalBasis})
            </span>
          </p>
        ) : (
          <p>There is no retail price cap for this product in {place}.</p>
        )}
        {price.records.length > 0 && (
          <ul className="mt-3 space-y-1">
            {price.records.map((r, i) => (
              <li key={i} className={r.violation ? "font-medium text-red-800" : "text-slate-700"}>
                {secondsToIsoDate(r.observedAt)}: {yuan(r.fenPerPiece)} per piece at {r.seller.name}
                {r.violation && r.cap
                  ? ` — above the cap of ${yuan(r.cap.fenPerPiece)}`
                  : r.cap
                    ? " — within the cap"
                    : ""}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
