// The verdict's fact card: what the box is (product, maker, lot, serial, dates) and who answers for it —
// maker, meltblown supplier, cleanroom auditor, laboratory, distributor and the shop that sold it — each
// name a link to that party's public profile and credit, and where the box was sold (or that no sale is
// recorded). Used by the verdict page and the offline copy alike, so it stays a plain component.
import type { ReactNode } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { VerifyResponse } from "@/lib/queries/verify";
import type { NamedParty } from "@/lib/domain/box-parties";
import { CATEGORIES, isCategoryId } from "@/lib/domain/standards";
import { categoryName, shortAddress } from "@/lib/domain/format";
import { isLocale } from "@/lib/domain/locale";
import { secondsToIsoDate } from "@/lib/domain/time";

/** A party's name as a link to its profile (/participants/<address>). */
function PartyLink({ party }: { party: NamedParty }) {
  const locale = useLocale();
  return (
    <Link
      href={`/participants/${party.account}`}
      data-party={party.account}
      className="text-emerald-800 underline underline-offset-2"
    >
      {party.name ?? shortAddress(party.account, isLocale(locale) ? locale : "en")}
    </Link>
  );
}

function PartyList({ parties }: { parties: NamedParty[] }) {
  return parties.map((party, i) => (
    <span key={party.account}>
      {i > 0 && ", "}
      <PartyLink party={party} />
    </span>
  ));
}

export function BoxFacts({ result }: { result: VerifyResponse }) {
  const t = useTranslations("verdict.facts");
  const locale = useLocale();
  const { product, batch, code } = result;
  // A verdict this browser saved offline before the parties were part of the answer has none.
  const parties = result.parties ?? null;
  const rows: [string, ReactNode][] = [];
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
    rows.push([t("manufacturer"), parties ? <PartyLink party={parties.maker} /> : product.manufacturer]);
  }
  rows.push([t("gtin"), code.gtin]);
  if (code.lot) rows.push([t("lot"), code.lot]);
  if (code.serial) rows.push([t("serial"), code.serial]);
  if (batch) {
    rows.push([t("made"), secondsToIsoDate(batch.productionDate)]);
    rows.push([t("useBy"), secondsToIsoDate(batch.expiryDate)]);
  }
  if (parties) {
    if (parties.suppliers.length > 0) rows.push([t("supplier"), <PartyList parties={parties.suppliers} />]);
    if (parties.auditor) rows.push([t("auditor"), <PartyLink party={parties.auditor} />]);
    if (parties.labs.length > 0) rows.push([t("lab"), <PartyList parties={parties.labs} />]);
    if (parties.distributors.length > 0)
      rows.push([t("distributor"), <PartyList parties={parties.distributors} />]);
    const { sale } = parties;
    if (sale?.status === "sold") {
      const seller = sale.seller;
      rows.push([
        t("sold"),
        t.rich("soldAt", {
          name: seller.name ?? shortAddress(seller.account),
          date: secondsToIsoDate(sale.soldAt),
          shop: () => <PartyLink party={seller} />,
        }),
      ]);
    } else if (sale?.status === "not-sold") rows.push([t("sold"), t("notSold")]);
  }
  return (
    <dl
      data-box-facts
      className="grid grid-cols-1 gap-x-4 gap-y-1 rounded-2xl border border-slate-200 bg-white p-4 text-sm min-[20rem]:grid-cols-[auto_minmax(0,1fr)]"
    >
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="break-words text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
