import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SellerStanding } from "@/lib/queries/field";
import { formatDate } from "@/lib/domain/format";
import { StatusIcon } from "@/components/ui/StatusIcon";
import { yuanAmount, yuanPerPiece } from "./money";

function Line({ ok, title, children }: { ok: boolean; title: string; children: React.ReactNode }) {
  return (
    <li className="flex gap-3 p-3" data-ok={ok}>
      <StatusIcon tone={ok ? "pass" : "fail"} />
      <div>
        <p className="font-semibold">{title}</p>
        <div className="text-sm text-slate-700">{children}</div>
      </div>
    </li>
  );
}

/** What an inspector checks at the counter: filing, suspension, bond and recorded violations. */
export async function SellerStandingCard({ seller }: { seller: SellerStanding }) {
  const t = await getTranslations("fieldPages.standing");
  const validFiling = seller.filings.find((f) => f.validNow);
  const bondOk = seller.bond.bondFen >= seller.bond.minimumFen;
  const notSuspended = seller.suspension === null && seller.bondSuspendedAt === null;
  const minimum = yuanAmount(seller.bond.minimumFen);
  return (
    <section
      aria-label={t("region", { name: seller.name })}
      className="rounded-2xl border border-slate-200 bg-white"
    >
      <h3 className="border-b border-slate-200 p-3 text-lg font-bold">
        {seller.registered ? (
          <Link href={`/participants/${seller.address}`} className="text-emerald-800 underline">
            {seller.name}
          </Link>
        ) : (
          t("notRegistered")
        )}
        <span className="block font-mono text-xs font-normal break-all text-slate-600">{seller.address}</span>
      </h3>
      <ul className="divide-y divide-slate-200">
        <Line ok={validFiling !== undefined} title={validFiling ? t("filingValid") : t("noFiling")}>
          {validFiling
            ? t("filingUntil", { number: validFiling.number, date: formatDate(validFiling.validUntil) })
            : seller.filings.length === 0
              ? t("noFilingAtAll")
              : seller.filings
                  .map((f) =>
                    f.revokedAt === null
                      ? t("filingExpired", { number: f.number, date: formatDate(f.validUntil) })
                      : t("filingRevoked", {
                          number: f.number,
                          date: formatDate(f.revokedAt),
                          reason: f.revocationReason,
                        }),
                  )
                  .join(" ")}
        </Line>
        <Line ok={notSuspended} title={notSuspended ? t("notSuspended") : t("suspended")}>
          {seller.suspension !== null && (
            <p>
              {t("byRegulator", { date: formatDate(seller.suspension.at), reason: seller.suspension.reason })}
            </p>
          )}
          {seller.bondSuspendedAt !== null && (
            <p>{t("forBond", { date: formatDate(seller.bondSuspendedAt) })}</p>
          )}
        </Line>
        <Line ok={bondOk} title={t("bond", { amount: yuanAmount(seller.bond.bondFen) })}>
          {bondOk ? t("bondMinimum", { amount: minimum }) : t("bondBelow", { amount: minimum })}
        </Line>
        <Line
          ok={seller.violations.length === 0}
          title={
            seller.violations.length === 0
              ? t("noViolations")
              : t("violations", { count: seller.violations.length })
          }
        >
          <ul>
            {seller.violations.map((v) => (
              <li key={v.recordId}>
                {v.capFenPerPiece === null
                  ? t("violation", { date: formatDate(v.observedAt), price: yuanPerPiece(v.fenPerPiece) })
                  : t("violationCap", {
                      date: formatDate(v.observedAt),
                      price: yuanPerPiece(v.fenPerPiece),
                      cap: yuanPerPiece(v.capFenPerPiece),
                    })}
                {v.lot !== null && t("lot", { lot: v.lot })}
              </li>
            ))}
          </ul>
        </Line>
      </ul>
    </section>
  );
}
