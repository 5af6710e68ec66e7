import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { SessionPanel } from "@/components/field/SessionPanel";
import { BackofficeFrame } from "@/components/backoffice/BackofficeFrame";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { TestReportForm } from "@/components/backoffice/TestReportForm";
import { secondsToIsoDate } from "@/lib/domain/time";
import { labDesk } from "@/lib/queries/backoffice";
import { currentSession, demoSwitch, demoParties } from "@/lib/queries/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("lab");
  return { title: t("title") };
}

/** The test lab's desk: post a report for a batch; the retests that complaints wait for. */
export default async function LabPage({
  searchParams,
}: {
  searchParams: Promise<{ batch?: string; complaint?: string }>;
}) {
  const [t, tb] = await Promise.all([getTranslations("lab"), getTranslations("backoffice")]);
  const [demo, session] = await Promise.all([demoSwitch(), currentSession(await cookies())]);
  const isLab = session?.roles.includes("LAB") ?? false;
  const desk = isLab ? await labDesk() : null;
  const { batch = null, complaint = null } = await searchParams;
  const complaintId = complaint !== null && /^\d{1,9}$/.test(complaint) ? Number(complaint) : null;

  return (
    <BackofficeFrame current="lab" title={t("title")} intro={t("intro")}>
      <SessionPanel session={session} parties={demoParties()} demo={demo} />
      {desk === null ? (
        <p data-role-missing="LAB">
          {session === null
            ? tb("roleMissing", { role: tb("roles.LAB") })
            : tb("roleMissingNamed", { role: tb("roles.LAB"), name: session.name })}
        </p>
      ) : (
        <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <section aria-labelledby="report-heading" id="report" className="space-y-3">
            <h2 id="report-heading" className="text-xl font-semibold">
              {t("form.heading")}
            </h2>
            <ClientMessages namespaces={["backoffice", "lab", "tx"]}>
              <TestReportForm
                key={`${batch ?? ""}/${complaintId ?? ""}`}
                batches={desk.batches.map(({ batch: b, ruleSet }) => ({
                  batchId: b.batchId,
                  gtin: b.gtin,
                  lot: b.lot,
                  productionDate: secondsToIsoDate(b.productionDate),
                  standard: ruleSet?.standard ?? null,
                  rules: ruleSet?.rules ?? [],
                }))}
                initial={{ batchId: batch, complaintId }}
              />
            </ClientMessages>
          </section>
          <section aria-labelledby="retests-heading" className="space-y-3">
            <h2 id="retests-heading" className="text-xl font-semibold">
              {t("retests.heading")}
            </h2>
            <p className="text-sm text-slate-700">{t("retests.intro")}</p>
            {desk.retests.length === 0 && <p>{t("retests.empty")}</p>}
            <ul className="space-y-2">
              {desk.retests.map((r) => (
                <li
                  key={r.complaintId}
                  data-retest={r.complaintId}
                  className="space-y-1 rounded-xl border border-slate-200 bg-white p-3 text-sm"
                >
                  <p className="font-medium">
                    {t("retests.item", { id: r.complaintId, serial: r.serial, lot: r.lot ?? "?" })}
                  </p>
                  <p className="text-slate-700">
                    {t("retests.filed", { date: secondsToIsoDate(r.filedAt) })}
                  </p>
                  <Link
                    href={`/lab?batch=${r.batchId}&complaint=${r.complaintId}#report`}
                    className="inline-block font-medium text-emerald-800 underline"
                  >
                    {t("retests.action")}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </BackofficeFrame>
  );
}
