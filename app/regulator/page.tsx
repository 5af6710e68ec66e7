import type { Metadata } from "next";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { SessionPanel } from "@/components/field/SessionPanel";
import { ChainUnavailable } from "@/components/verdict/ChainUnavailable";
import { Dashboard } from "@/components/regulator/Dashboard";
import { PriceChart } from "@/components/regulator/PriceChart";
import { LicenceRegister, RoleTable, SuspensionList } from "@/components/regulator/ParticipantLists";
import { PriceCapTables } from "@/components/regulator/PriceCapTables";
import { GrantLicenceForm } from "@/components/regulator/GrantLicenceForm";
import { RoleForm } from "@/components/regulator/RoleForm";
import { PriceCapForm } from "@/components/regulator/PriceCapForm";
import { RecallForm } from "@/components/regulator/RecallForm";
import { SuspensionForm } from "@/components/regulator/SuspensionForm";
import { categoryLabel, regionLabel } from "@/components/regulator/labels";
import { groupPriceSeries } from "@/lib/domain/price-chart";
import { formatDate } from "@/lib/domain/format";
import { CATEGORIES } from "@/lib/domain/standards";
import { currentSession, demoSwitch, demoParties } from "@/lib/queries/session";
import { LICENCE_KINDS, ROLES, regulatorDesk } from "@/lib/queries/regulator";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("regulator");
  return { title: t("title") };
}

const SECTIONS = ["dashboard", "licences", "roles", "caps", "recalls", "suspensions"] as const;
const KNOWN_REGIONS = [320000, 320500, 320600, 320100, 310000, 330100];

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: React.ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-4 space-y-4">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {title}
      </h2>
      {intro !== undefined && <p className="max-w-3xl text-sm text-slate-700">{intro}</p>}
      {children}
    </section>
  );
}

/** The regulator's back office: the record at a glance, and the regulator's acts for its role. */
export default async function RegulatorPage() {
  const desk = await regulatorDesk();
  if (desk === null) return <ChainUnavailable />;
  const [t, messages, demo, session] = await Promise.all([
    getTranslations("regulator"),
    getMessages(),
    demoSwitch(),
    currentSession(await cookies()),
  ]);
  const canAct = session?.roles.includes("REGULATOR") ?? false;
  const { participants, now, today } = desk;
  const parties = participants.map((p) => ({ value: p.address, label: p.name }));
  const categories = Object.entries(CATEGORIES).map(([id]) => ({
    value: id,
    label: categoryLabel(t, Number(id)),
  }));
  const series = groupPriceSeries(desk.observations, desk.caps);

  return (
    // Only the forms' messages go to the browser, not the whole catalogue.
    <NextIntlClientProvider messages={{ regulator: { forms: messages.regulator.forms }, tx: messages.tx }}>
      {/* Desktop-first: wider than the site's reading column, never wider than the screen. */}
      <div
        data-can-act={canAct}
        data-wide-page
        className="relative left-1/2 w-[min(72rem,calc(100vw_-_2rem))] -translate-x-1/2 space-y-10"
      >
        <header className="space-y-2">
          <h1 className="text-2xl font-bold">{t("heading")}</h1>
          <p className="max-w-3xl text-slate-700">{t("intro")}</p>
          <p data-read-at-block={desk.block} className="text-xs text-slate-600">
            {t("readAtBlock", { block: String(desk.block) })}
          </p>
        </header>
        <div className="max-w-2xl space-y-3">
          <SessionPanel session={session} parties={demoParties()} demo={demo} />
          {!canAct && (
            <p data-role-missing="REGULATOR">
              {demo === "other_chain"
                ? t("offChain")
                : session === null
                  ? t("notRegulatorNobody")
                  : t("notRegulator", { name: session.name })}
            </p>
          )}
        </div>
        <nav aria-label={t("nav.label")} className="flex flex-wrap gap-2 text-sm">
          {SECTIONS.map((section) => (
            <a
              key={section}
              href={`#${section}`}
              className="rounded-full border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-100"
            >
              {t(`nav.${section}`)}
            </a>
          ))}
        </nav>

        <Section id="dashboard" title={t("dashboard.heading")}>
          <Dashboard observations={desk.observations} complaints={desk.complaints} batches={desk.batches} />
          <h3 className="text-lg font-semibold">{t("chart.heading")}</h3>
          <p className="max-w-3xl text-sm text-slate-700">{t("chart.intro")}</p>
          {series.length === 0 ? (
            <p>{t("chart.none")}</p>
          ) : (
            <div className="grid gap-4 lg:grid-cols-2">
              {series.map((s) => (
                <PriceChart key={`${s.region}-${s.category}-${s.channel}`} series={s} now={now} />
              ))}
            </div>
          )}
        </Section>

        <Section id="licences" title={t("licences.heading")} intro={t("licences.intro")}>
          {canAct && (
            <div className="max-w-3xl rounded-2xl border border-slate-300 bg-white p-4">
              <h3 className="mb-3 font-semibold">{t("forms.grantLicence.heading")}</h3>
              <GrantLicenceForm
                holders={parties}
                kinds={LICENCE_KINDS.map((kind) => ({ value: kind, label: t(`licenceKinds.${kind}`) }))}
                categories={categories}
                today={today}
              />
            </div>
          )}
          <LicenceRegister participants={participants} now={now} today={today} canAct={canAct} />
        </Section>

        <Section id="roles" title={t("roles.heading")} intro={t("roles.intro")}>
          {canAct && (
            <div className="max-w-3xl rounded-2xl border border-slate-300 bg-white p-4">
              <h3 className="mb-3 font-semibold">{t("forms.role.heading")}</h3>
              <RoleForm
                accounts={parties}
                roles={ROLES.map((role) => ({ value: role, label: t(`roleNames.${role}`) }))}
              />
            </div>
          )}
          <RoleTable participants={participants} />
        </Section>

        <Section id="caps" title={t("caps.heading")} intro={t("caps.intro")}>
          {canAct && (
            <div className="max-w-3xl rounded-2xl border border-slate-300 bg-white p-4">
              <h3 className="mb-3 font-semibold">{t("forms.cap.heading")}</h3>
              <PriceCapForm
                categories={categories}
                channels={(["ex-factory", "wholesale", "retail"] as const).map((channel) => ({
                  value: channel,
                  label: t(`channels.${channel}`),
                }))}
                regions={KNOWN_REGIONS.map((code) => ({ value: String(code), label: regionLabel(t, code) }))}
                today={today}
              />
            </div>
          )}
          <PriceCapTables caps={desk.caps} now={now} />
        </Section>

        <Section id="recalls" title={t("recalls.heading")} intro={t("recalls.intro")}>
          {canAct && (
            <div className="max-w-3xl rounded-2xl border border-slate-300 bg-white p-4">
              <h3 className="mb-3 font-semibold">{t("forms.recall.heading")}</h3>
              <RecallForm
                batches={desk.batches
                  .filter((b) => b.recall === null)
                  .map((b) => ({
                    value: `${b.gtin}/${b.lot}`,
                    label: `${b.lot} · ${b.manufacturerName} · ${b.gtin}`,
                  }))}
              />
            </div>
          )}
          <h3 className="font-semibold">{t("recalls.recalled")}</h3>
          <ul className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white">
            {desk.batches.filter((b) => b.recall !== null).length === 0 && (
              <li className="p-3 text-sm text-slate-600">{t("recalls.none")}</li>
            )}
            {desk.batches.flatMap((b) =>
              b.recall === null
                ? []
                : [
                    <li key={b.batchId} data-recalled={`${b.gtin}/${b.lot}`} className="p-3 text-sm">
                      {t("dashboard.recall", {
                        date: formatDate(b.recall.at),
                        lot: b.lot,
                        maker: b.manufacturerName,
                        reason: b.recall.reason,
                      })}
                    </li>,
                  ],
            )}
          </ul>
        </Section>

        <Section id="suspensions" title={t("suspensions.heading")} intro={t("suspensions.intro")}>
          {canAct && (
            <div className="max-w-3xl rounded-2xl border border-slate-300 bg-white p-4">
              <h3 className="mb-3 font-semibold">{t("forms.suspension.heading")}</h3>
              <SuspensionForm participants={parties} />
            </div>
          )}
          <SuspensionList participants={participants} canAct={canAct} />
        </Section>
      </div>
    </NextIntlClientProvider>
  );
}
