import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import type { QueuedTip } from "@/lib/queries/tip-queue";
import { yuanAmount } from "@/components/field/money";
import { TipDecision } from "./TipDecision";

/**
 * The inspectors' queue of tips about suspected fakes, newest first: what the reporter says, the photo,
 * where and when the box was bought, the code's scan history, and the named seller with its standing,
 * so the inspector can decide without leaving the page. The decision buttons are the client island.
 */
export async function TipQueue({ tips }: { tips: QueuedTip[] }) {
  const [t, locale] = await Promise.all([getTranslations("tips.queue"), getLocale() as Promise<Locale>]);
  if (tips.length === 0) return <p>{t("none")}</p>;
  return (
    <ul className="space-y-3">
      {tips.map((tip) => (
        <li
          key={tip.id}
          data-tip={tip.id}
          className="space-y-2 rounded-2xl border border-slate-200 bg-white p-3"
        >
          <p className="font-semibold">{t("tip", { id: tip.id, date: formatDate(tip.createdAt, locale) })}</p>
          <p className="text-sm break-all text-slate-700">{t("code", { code: tip.code })}</p>
          <p className="text-sm text-slate-700">
            {tip.lot !== null && tip.batchId !== null ? t("batch", { lot: tip.lot }) : t("noBatch")}
          </p>
          <p className="whitespace-pre-line">{tip.description}</p>
          {tip.hasPhoto && (
            // A plain img: the photo is served to inspectors only, never through Next's public image cache.
            <img
              src={`/api/tips/${tip.id}/photo`}
              alt={t("photo", { id: tip.id })}
              className="max-h-64 rounded-lg border border-slate-200"
            />
          )}
          <p className="text-sm">
            {t("bought", { date: tip.boughtOn, seller: tip.sellerName })}{" "}
            {tip.sellerAddress === null ? (
              t("unregistered")
            ) : (
              <Link href={`/participants/${tip.sellerAddress}`} className="underline">
                {tip.sellerAddress.slice(0, 10)}…
              </Link>
            )}
            {tip.place !== null && <> {t("at", { place: tip.place })}</>}
          </p>
          <p className="text-sm">
            {tip.priceFen === null ? t("noPrice") : t("price", { price: yuanAmount(tip.priceFen) })}
          </p>
          {tip.standing !== null && (
            <p data-standing className="text-sm text-slate-700">
              {t("standing", {
                name: tip.standing.name,
                bond: yuanAmount(tip.standing.bond.bondFen),
                violations: tip.standing.violations.length,
                findings: tip.standing.counterfeitFindings.length,
              })}
              {(tip.standing.suspension !== null || tip.standing.bondSuspendedAt !== null) && (
                <> · {t("suspended")}</>
              )}
            </p>
          )}
          <div className="text-sm text-slate-700">
            <p>{t("scans", { count: tip.scans.total })}</p>
            {tip.scans.latest.length > 0 && (
              <ul className="list-disc pl-5">
                {tip.scans.latest.map((scan, index) => (
                  <li key={index}>
                    {t("scan", { date: formatDate(scan.at, locale), place: scan.place ?? "none" })}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <TipDecision tipId={tip.id} seller={tip.sellerAddress === null ? null : tip.sellerName} />
        </li>
      ))}
    </ul>
  );
}
