import { getTranslations } from "next-intl/server";
import type { ParticipantRecord } from "@/lib/queries/participants";
import { StatusIcon } from "@/components/ui/StatusIcon";
import { yuanAmount } from "@/components/field/money";

const dateOf = (seconds: number) => new Date(seconds * 1000);
const yuanOf = (fen: number) => fen / 100;

function Section({
  id,
  title,
  ok,
  children,
}: {
  id: string;
  title: string;
  ok: boolean;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      data-section={id}
      data-ok={ok}
      className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4"
    >
      <h2 id={`${id}-heading`} className="flex items-center gap-2 text-lg font-semibold">
        <StatusIcon tone={ok ? "pass" : "fail"} size={20} />
        {title}
      </h2>
      <div className="space-y-1 text-sm text-slate-800">{children}</div>
    </section>
  );
}

/**
 * Licences, suspension, bond, price violations, counterfeit findings (a section once there is one),
 * recalls, complaints and orders, each as the record has it.
 */
export async function ParticipantRecordSections({ record }: { record: ParticipantRecord }) {
  const t = await getTranslations("participants.record");
  const suspended = record.suspension !== null || record.bondSuspendedAt !== null;
  const bondOk = record.bond.bondFen >= record.bond.minimumFen;
  const sells = record.roles.includes("DISTRIBUTOR") || record.roles.includes("PHARMACY");
  const validFiling = record.filings.some((filing) => filing.validNow);
  return (
    <>
      <Section
        id="licences"
        title={t("licences", { count: record.licences.length })}
        ok={record.licences.every((l) => l.revokedAt === null) && (!sells || validFiling)}
      >
        {sells && !validFiling && <p className="font-semibold text-red-800">{t("noValidFiling")}</p>}
        {record.licences.length === 0 && <p>{t("noneOnRecord")}</p>}
        <ul className="space-y-2">
          {record.licences.map((licence) => (
            <li key={licence.id} data-licence={licence.number}>
              <p className="font-medium">
                {t("licenceNumber", { name: t(`licenceNames.${licence.kind}`), number: licence.number })}
              </p>
              <p>
                {t("valid", { from: dateOf(licence.validFrom), until: dateOf(licence.validUntil) })}
                {licence.revokedAt === null ? (
                  licence.validNow ? (
                    t("inForce")
                  ) : (
                    t("notInForce")
                  )
                ) : (
                  <span className="font-semibold text-red-800">
                    {t("revoked", { at: dateOf(licence.revokedAt), reason: licence.revocationReason })}
                  </span>
                )}
              </p>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="suspension" title={suspended ? t("suspended") : t("notSuspended")} ok={!suspended}>
        {record.suspension !== null && (
          <p>{t("suspendedBy", { at: dateOf(record.suspension.at), reason: record.suspension.reason })}</p>
        )}
        {record.bondSuspendedAt !== null && (
          <p>{t("bondSuspended", { at: dateOf(record.bondSuspendedAt) })}</p>
        )}
        {!suspended && <p>{t("mayTrade")}</p>}
      </Section>

      <Section id="bond" title={t("bond", { amount: yuanOf(record.bond.bondFen) })} ok={bondOk}>
        <p>{t("bondMinimum", { amount: yuanOf(record.bond.minimumFen), ok: String(bondOk) })}</p>
      </Section>

      <Section
        id="violations"
        title={t("violations", { count: record.violations.length })}
        ok={record.violations.length === 0}
      >
        {record.violations.length === 0 && <p>{t("noneRecorded")}</p>}
        <ul>
          {record.violations.map((v) => (
            <li key={v.recordId}>
              {t("violation", { at: dateOf(v.observedAt), asked: yuanOf(v.fenPerPiece) })}
              {v.capFenPerPiece !== null && t("againstCap", { cap: yuanOf(v.capFenPerPiece) })}
              {v.lot !== null && t("lotSuffix", { lot: v.lot })}
            </li>
          ))}
        </ul>
      </Section>

      {record.counterfeitFindings.length > 0 && (
        <Section
          id="counterfeit"
          title={t("findings", { count: record.counterfeitFindings.length })}
          ok={false}
        >
          <ul>
            {record.counterfeitFindings.map((f) => (
              <li key={f.findingId} data-finding={f.findingId}>
                {t("finding", {
                  at: dateOf(f.recordedAt),
                  id: f.findingId,
                  fine: yuanOf(f.fineFen),
                  unpaid: f.shortfallFen === 0 ? "0" : yuanAmount(f.shortfallFen),
                })}
                {f.lot !== null && t("lotSuffix", { lot: f.lot })}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {record.roles.includes("MANUFACTURER") && (
        <Section
          id="recalls"
          title={t("recalls", { count: record.recalls.length })}
          ok={record.recalls.length === 0}
        >
          {record.recalls.length === 0 && <p>{t("noRecalls")}</p>}
          <ul>
            {record.recalls.map((r) => (
              <li key={r.batchId}>
                {t("recall", { at: dateOf(r.recalledAt), lot: r.lot ?? r.batchId, reason: r.reason })}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section
        id="complaints"
        title={t("complaints", { count: record.upheldComplaints.length })}
        ok={record.upheldComplaints.length === 0}
      >
        {record.upheldComplaints.length === 0 && <p>{t("none")}</p>}
        <ul>
          {record.upheldComplaints.map((c) => (
            <li key={c.id}>
              {t("complaint", { at: dateOf(c.ruledAt), id: c.id, kind: t(`complaintKinds.${c.kind}`) })}
              {c.lot !== null && t("complaintLot", { lot: c.lot })}
              {t("complaintPaid", { compensation: yuanOf(c.compensationFen), fine: yuanOf(c.fineFen) })}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="orders" title={t("orders", { count: record.settledOrders.length })} ok>
        {record.settledOrders.length === 0 && <p>{t("noOrders")}</p>}
        <ul>
          {record.settledOrders.map((o) => (
            <li key={o.id}>
              {t("order", {
                id: o.id,
                role: o.role,
                boxes: o.boxes,
                amount: yuanOf(o.amountFen),
                accepted: String(o.accepted),
              })}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
