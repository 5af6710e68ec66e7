import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { SessionPanel } from "@/components/field/SessionPanel";
import { AttestationForm } from "@/components/backoffice/AttestationForm";
import { BackofficeFrame } from "@/components/backoffice/BackofficeFrame";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { CheckMark } from "@/components/forms/fields";
import { DAY, secondsToIsoDate } from "@/lib/domain/time";
import { auditorDesk, currentTime } from "@/lib/queries/backoffice";
import { currentSession, demoSwitch, demoParties } from "@/lib/queries/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auditor");
  return { title: t("title") };
}

/** The workshop auditor's desk: attest a workshop; the attestations on the record. */
export default async function AuditorPage() {
  const [t, tb] = await Promise.all([getTranslations("auditor"), getTranslations("backoffice")]);
  const [demo, session] = await Promise.all([demoSwitch(), currentSession(await cookies())]);
  const isAuditor = session?.roles.includes("AUDITOR") ?? false;
  const desk = isAuditor ? await auditorDesk() : null;
  const now = currentTime();
  const names = new Map(desk?.manufacturers.map((m) => [m.address.toLowerCase(), m.name]) ?? []);

  return (
    <BackofficeFrame current="auditor" title={t("title")} intro={t("intro")}>
      <SessionPanel session={session} parties={demoParties()} demo={demo} />
      {desk === null ? (
        <p data-role-missing="AUDITOR">
          {session === null
            ? tb("roleMissing", { role: tb("roles.AUDITOR") })
            : tb("roleMissingNamed", { role: tb("roles.AUDITOR"), name: session.name })}
        </p>
      ) : (
        <>
          <section aria-labelledby="attest-heading" className="space-y-3">
            <h2 id="attest-heading" className="text-xl font-semibold">
              {t("form.heading")}
            </h2>
            <ClientMessages namespaces={["backoffice", "auditor", "tx"]}>
              <AttestationForm
                manufacturers={desk.manufacturers}
                workshops={desk.workshops.map((w) => ({ manufacturer: w.manufacturer, name: w.name }))}
                defaults={{ from: secondsToIsoDate(now), until: secondsToIsoDate(now + 364 * DAY) }}
              />
            </ClientMessages>
          </section>
          <section aria-labelledby="recent-heading" className="space-y-3">
            <h2 id="recent-heading" className="text-xl font-semibold">
              {t("recent.heading")}
            </h2>
            {desk.attestations.length === 0 ? (
              <p>{t("recent.empty")}</p>
            ) : (
              <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
                <table className="w-full text-left text-sm" data-table="attestations">
                  <thead className="bg-slate-100">
                    <tr>
                      <th className="px-3 py-2">{t("recent.number")}</th>
                      <th className="px-3 py-2">{t("recent.manufacturer")}</th>
                      <th className="px-3 py-2">{t("recent.workshop")}</th>
                      <th className="px-3 py-2">{t("recent.valid")}</th>
                      <th className="px-3 py-2">{t("recent.staff")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {desk.attestations.map((a) => (
                      <tr
                        key={a.attestationId}
                        className="border-t border-slate-100"
                        data-attestation={a.attestationId}
                      >
                        <td className="px-3 py-2 tabular-nums">{a.attestationId}</td>
                        <td className="px-3 py-2">
                          {names.get(a.manufacturer.toLowerCase()) ?? a.manufacturer}
                        </td>
                        <td className="px-3 py-2">{a.workshopName}</td>
                        <td className="px-3 py-2 whitespace-nowrap">
                          {t("recent.period", {
                            from: secondsToIsoDate(a.validFrom),
                            until: secondsToIsoDate(a.validUntil),
                          })}
                        </td>
                        <td className="px-3 py-2">
                          <CheckMark
                            ok={a.staffHealthChecked && a.staffTrained}
                            text={
                              a.staffHealthChecked && a.staffTrained
                                ? t("recent.staffComplete")
                                : t("recent.staffIncomplete")
                            }
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </BackofficeFrame>
  );
}
