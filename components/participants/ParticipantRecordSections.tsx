import type { ParticipantRecord } from "@/lib/queries/participants";
import type { LicenceKind } from "@/lib/chain/field";
import { formatDate, formatYuan, formatYuanPerPiece, formatBoxes } from "@/lib/domain/format";
import { StatusIcon } from "@/components/ui/StatusIcon";

const LICENCE_NAMES: Record<LicenceKind, string> = {
  "production-licence": "Production licence (医疗器械生产许可证)",
  "registration-certificate": "Registration certificate (医疗器械注册证)",
  "distribution-filing": "Class II distribution filing (第二类医疗器械经营备案)",
};

const COMPLAINT_WORDS = {
  "spec-failure": "faulty masks",
  counterfeit: "a fake box",
  "price-above-cap": "a price above the cap",
} as const;

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

/** Licences, suspension, bond, violations, recalls, complaints and orders, each as the record has it. */
export function ParticipantRecordSections({ record }: { record: ParticipantRecord }) {
  const suspended = record.suspension !== null || record.bondSuspendedAt !== null;
  const bondOk = record.bond.bondFen >= record.bond.minimumFen;
  const sells = record.roles.includes("DISTRIBUTOR") || record.roles.includes("PHARMACY");
  const validFiling = record.filings.some((filing) => filing.validNow);
  return (
    <>
      <Section
        id="licences"
        title={`Licences (${record.licences.length})`}
        ok={record.licences.every((l) => l.revokedAt === null) && (!sells || validFiling)}
      >
        {sells && !validFiling && (
          <p className="font-semibold text-red-800">No valid distribution filing: it may not sell masks.</p>
        )}
        {record.licences.length === 0 && <p>None on the record.</p>}
        <ul className="space-y-2">
          {record.licences.map((licence) => (
            <li key={licence.id} data-licence={licence.number}>
              <p className="font-medium">
                {LICENCE_NAMES[licence.kind]}: {licence.number}
              </p>
              <p>
                Valid {formatDate(licence.validFrom)} to {formatDate(licence.validUntil)}
                {licence.revokedAt === null ? (
                  licence.validNow ? (
                    "; in force."
                  ) : (
                    "; not in force today."
                  )
                ) : (
                  <span className="font-semibold text-red-800">
                    ; revoked on {formatDate(licence.revokedAt)}: {licence.revocationReason}
                  </span>
                )}
              </p>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="suspension" title={suspended ? "Suspended" : "Not suspended"} ok={!suspended}>
        {record.suspension !== null && (
          <p>
            By the regulator since {formatDate(record.suspension.at)}: {record.suspension.reason}
          </p>
        )}
        {record.bondSuspendedAt !== null && (
          <p>Since {formatDate(record.bondSuspendedAt)}, because its bond fell below its minimum.</p>
        )}
        {!suspended && <p>It may trade.</p>}
      </Section>

      <Section id="bond" title={`Bond ${formatYuan(record.bond.bondFen)}`} ok={bondOk}>
        <p>
          Minimum {formatYuan(record.bond.minimumFen)}
          {bondOk ? "; compensation for upheld complaints is paid from it." : ": below it."}
        </p>
      </Section>

      <Section
        id="violations"
        title={`Price violations (${record.violations.length})`}
        ok={record.violations.length === 0}
      >
        {record.violations.length === 0 && <p>None recorded.</p>}
        <ul>
          {record.violations.map((v) => (
            <li key={v.recordId}>
              {formatDate(v.observedAt)}: asked {formatYuanPerPiece(v.fenPerPiece)}
              {v.capFenPerPiece !== null && <> against a cap of {formatYuanPerPiece(v.capFenPerPiece)}</>}
              {v.lot !== null && <>, lot {v.lot}</>}
            </li>
          ))}
        </ul>
      </Section>

      {record.roles.includes("MANUFACTURER") && (
        <Section id="recalls" title={`Recalls (${record.recalls.length})`} ok={record.recalls.length === 0}>
          {record.recalls.length === 0 && <p>None of its batches was recalled.</p>}
          <ul>
            {record.recalls.map((r) => (
              <li key={r.batchId}>
                {formatDate(r.recalledAt)}: lot {r.lot ?? r.batchId}: {r.reason}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section
        id="complaints"
        title={`Upheld complaints against it (${record.upheldComplaints.length})`}
        ok={record.upheldComplaints.length === 0}
      >
        {record.upheldComplaints.length === 0 && <p>None.</p>}
        <ul>
          {record.upheldComplaints.map((c) => (
            <li key={c.id}>
              {formatDate(c.ruledAt)}: complaint {c.id}, {COMPLAINT_WORDS[c.kind]}
              {c.lot !== null && <> (lot {c.lot})</>}: paid {formatYuan(c.compensationFen)} to the buyer and a{" "}
              {formatYuan(c.fineFen)} fine
            </li>
          ))}
        </ul>
      </Section>

      <Section id="orders" title={`Orders settled (${record.settledOrders.length})`} ok>
        {record.settledOrders.length === 0 && <p>None through the order book.</p>}
        <ul>
          {record.settledOrders.map((o) => (
            <li key={o.id}>
              Order {o.id} as {o.role}: {formatBoxes(o.boxes)}, {formatYuan(o.amountFen)},{" "}
              {o.accepted ? "delivery accepted" : "settled without an accepted delivery"}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
