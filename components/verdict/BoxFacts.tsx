import { useLocale, useTranslations } from "next-intl";
import type { VerifyResponse } from "@/lib/queries/verify";
import { CATEGORIES, isCategoryId } from "@/lib/domain/standards";
import { categoryName } from "@/lib/domain/format";
import { secondsToIsoDate } from "@/lib/domain/time";

/** What this box is: product, maker, lot, serial, dates — the facts a person compares with the box. */
export function BoxFacts({ result }: { result: VerifyResponse }) {
  const t = useTranslations("verdict.facts");
  const locale = useLocale();
  const { product, batch, code } = result;
  const rows: [string, string][] = [];
  if (product) {
    rows.push([t("product"), product.name]);
    if (isCategoryId(product.category))
      rows.push([
        t("category"),
        t("categoryValue", {
          name: categoryName(product.category, locale),
          standard: CATEGORIES[product.category].standard,
        }),
      ]);
    rows.push([t("manufacturer"), product.manufacturer]);
  }
  rows.push([t("gtin"), code.gtin]);
  if (code.lot) rows.push([t("lot"), code.lot]);
  if (code.serial) rows.push([t("serial"), code.serial]);
  if (batch) {
    rows.push([t("made"), secondsToIsoDate(batch.productionDate)]);
    rows.push([t("useBy"), secondsToIsoDate(batch.expiryDate)]);
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
