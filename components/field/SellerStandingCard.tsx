import type { SellerStanding } from "@/lib/queries/field";
import { formatDate, formatYuan, formatYuanPerPiece } from "@/lib/domain/format";
import Link from "next/link";
import { StatusIcon } from "@/components/ui/StatusIcon";

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
export function SellerStandingCard({ seller }: { seller: SellerStanding }) {
  const validFiling = seller.filings.find((f) => f.validNow);
  const bondOk = seller.bond.bondFen >= seller.bond.minimumFen;
  return (
    <section
      aria-label={`Standing of ${seller.name}`}
      className="rounded-2xl border border-slate-200 bg-white"
    >
      <h3 className="border-b border-slate-200 p-3 text-lg font-bold">
        {seller.registered ? (
          <Link href={`/participants/${seller.address}`} className="text-emerald-800 underline">
            {seller.name}
          </Link>
        ) : (
          "Not a registered participant"
        )}
        <span className="block font-mono text-xs font-normal break-all text-slate-600">{seller.address}</span>
      </h3>
      <ul className="divide-y divide-slate-200">
        <Line
          ok={validFiling !== undefined}
          title={validFiling ? "Distribution filing valid" : "No valid distribution filing"}
        >
          {validFiling
            ? `${validFiling.number}, valid until ${formatDate(validFiling.validUntil)}.`
            : seller.filings.length === 0
              ? "No Class II distribution filing (二类医疗器械经营备案) is on the record: it may not sell masks."
              : seller.filings
                  .map((f) =>
                    f.revokedAt === null
                      ? `${f.number} expired on ${formatDate(f.validUntil)}.`
                      : `${f.number} revoked on ${formatDate(f.revokedAt)}: ${f.revocationReason}`,
                  )
                  .join(" ")}
        </Line>
        <Line
          ok={seller.suspension === null && seller.bondSuspendedAt === null}
          title={
            seller.suspension === null && seller.bondSuspendedAt === null ? "Not suspended" : "Suspended"
          }
        >
          {seller.suspension !== null && (
            <p>
              By the regulator since {formatDate(seller.suspension.at)}: {seller.suspension.reason}
            </p>
          )}
          {seller.bondSuspendedAt !== null && (
            <p>Since {formatDate(seller.bondSuspendedAt)}, because its bond fell below its minimum.</p>
          )}
        </Line>
        <Line ok={bondOk} title={`Bond ${formatYuan(seller.bond.bondFen)}`}>
          Minimum {formatYuan(seller.bond.minimumFen)}
          {bondOk ? "." : ": below it, so the seller is suspended until it tops it up."}
        </Line>
        <Line
          ok={seller.violations.length === 0}
          title={
            seller.violations.length === 0
              ? "No price violations recorded"
              : `${seller.violations.length} price ${seller.violations.length === 1 ? "violation" : "violations"} recorded`
          }
        >
          <ul>
            {seller.violations.map((v) => (
              <li key={v.recordId}>
                {formatDate(v.observedAt)}: {formatYuanPerPiece(v.fenPerPiece)}
                {v.capFenPerPiece !== null && <> against a cap of {formatYuanPerPiece(v.capFenPerPiece)}</>}
                {v.lot !== null && <>, lot {v.lot}</>}
              </li>
            ))}
          </ul>
        </Line>
      </ul>
    </section>
  );
}
