import type { VerifyResponse } from "@/lib/queries/verify";
import { CATEGORIES, isCategoryId } from "@/lib/domain/standards";
import { secondsToIsoDate } from "@/lib/domain/time";

/** What this box is: product, maker, lot, serial, dates — the facts a person compares with the box. */
export function BoxFacts({ result }: { result: VerifyResponse }) {
  const { product, batch, code } = result;
  const rows: [string, string][] = [];
  if (product) {
    rows.push(["Product", product.name]);
    if (isCategoryId(product.category))
      rows.push([
        "Category",
        `${CATEGORIES[product.category].name} (${CATEGORIES[product.category].standard})`,
      ]);
    rows.push(["Manufacturer", product.manufacturer]);
  }
  rows.push(["GTIN", code.gtin]);
  if (code.lot) rows.push(["Lot", code.lot]);
  if (code.serial) rows.push(["Serial", code.serial]);
  if (batch) {
    rows.push(["Made", secondsToIsoDate(batch.productionDate)]);
    rows.push(["Use by", secondsToIsoDate(batch.expiryDate)]);
  }
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded-2xl border border-slate-200 bg-white p-4 text-sm min-[20rem]:grid-cols-[auto_minmax(0,1fr)]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="break-words text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
