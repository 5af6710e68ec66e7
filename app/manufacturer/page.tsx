import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { SessionPanel } from "@/components/field/SessionPanel";
import { BackofficeFrame } from "@/components/backoffice/BackofficeFrame";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { BatchForm } from "@/components/backoffice/BatchForm";
import { CheckMark } from "@/components/forms/fields";
import { LotForm } from "@/components/backoffice/LotForm";
import { ReleaseButton } from "@/components/backoffice/ReleaseButton";
import { SterilisationForm } from "@/components/backoffice/SterilisationForm";
import { formatDecimal } from "@/lib/domain/format";
import { CATEGORIES, isCategoryId } from "@/lib/domain/standards";
import { labelKeyFileName } from "@/lib/domain/label-signing";
import { DAY, secondsToIsoDate, secondsToIsoMinute } from "@/lib/domain/time";
import {
  defaultSterilizer,
  currentTime,
  manufacturerDesk,
  supplierDesk,
  type BatchDesk,
} from "@/lib/queries/backoffice";
import { labelLinkBase } from "@/lib/queries/batch-labels";
import { labelsPrintedHere } from "@/lib/queries/label-sheet";
import { currentSession, demoSwitch, demoParties } from "@/lib/queries/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("manufacturer");
  return { title: t("title") };
}

const kg = (grams: number) => formatDecimal(grams / 1000, 3);
/** A datetime-local value in China time. */
const localMinute = (seconds: number) => secondsToIsoMinute(seconds).replace(" ", "T");

async function BatchCard({ desk, now }: { desk: BatchDesk; now: number }) {
  const t = await getTranslations("manufacturer.batches");
  const { batch, context, readiness } = desk;
  const min = context.rules.minHoldDays;
  const held = readiness.daysHeld;
  const sterilisationStart = Math.max(batch.productionDate, now - 6 * 3600);
  return (
    <li data-batch={batch.lot} className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold">{t("title", { lot: batch.lot })}</h3>
        <span className="text-sm font-medium" data-status>
          {batch.recalledAt !== null
            ? t("recalled", { date: secondsToIsoDate(batch.recalledAt), reason: batch.recallReason })
            : batch.releasedAt !== null
              ? t("released", { date: secondsToIsoDate(batch.releasedAt) })
              : t("notReleased")}
        </span>
      </div>
      <p className="text-sm text-slate-700">
        {t("facts", {
          gtin: batch.gtin,
          masks: batch.masks,
          boxes: batch.boxes,
          produced: secondsToIsoDate(batch.productionDate),
          expiry: secondsToIsoDate(batch.expiryDate),
        })}
      </p>
      <div className="space-y-1 text-sm">
        <p className="font-semibold">{t("readiness")}</p>
        <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2" data-readiness>
          <li className="flex flex-wrap items-center gap-2" data-item="sterilised">
            <CheckMark ok={batch.sterilisedAt !== null} text={t("sterilised")} />
            <span className="text-slate-700">
              {batch.sterilisedAt === null
                ? t("notSterilised")
                : t("sterilisedOn", { date: secondsToIsoMinute(batch.sterilisedAt) })}
            </span>
          </li>
          <li className="flex flex-wrap items-center gap-2" data-item="tests">
            <CheckMark ok={batch.testsPassed} text={t("tests")} />
            {!batch.testsPassed && (
              <span className="text-slate-700">
                {batch.reports === 0 ? t("testsNone") : t("testsFailed")}
              </span>
            )}
          </li>
          <li className="flex flex-wrap items-center gap-2" data-item="hold">
            <CheckMark
              ok={held === null ? null : !readiness.blockers.includes("hold")}
              text={held === null ? t("holdNotStarted", { min }) : t("held", { days: held, min })}
            />
            {readiness.earliestRelease !== null && (
              <span className="text-slate-700">
                {t("earliest", { date: secondsToIsoDate(readiness.earliestRelease) })}
              </span>
            )}
          </li>
          <li className="flex flex-wrap items-center gap-2" data-item="licence">
            <CheckMark ok={context.licenceValidNow} text={t("licence")} />
          </li>
          <li className="flex flex-wrap items-center gap-2" data-item="attestation">
            <CheckMark ok={context.attestationValidNow} text={t("attestation")} />
          </li>
        </ul>
      </div>
      {batch.recalledAt === null && (
        <SterilisationForm
          batchId={batch.batchId}
          recorded={batch.sterilisedAt !== null}
          defaults={{
            sterilizer: defaultSterilizer(),
            start: localMinute(sterilisationStart),
            end: localMinute(Math.max(sterilisationStart, now - 1800)),
          }}
        />
      )}
      <div className="flex flex-wrap items-start gap-4">
        {batch.recalledAt === null && (
          <ReleaseButton batchId={batch.batchId} released={batch.releasedAt !== null} />
        )}
        {labelsPrintedHere(batch.signer) ? (
          <div className="space-y-1">
            <a
              href={`/manufacturer/batches/${batch.batchId}/labels.pdf`}
              className="inline-block rounded-lg border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100"
              data-action="labels"
            >
              {t("labels")}
            </a>
            <p className="max-w-sm text-xs text-slate-600">{t("labelsNote")}</p>
          </div>
        ) : (
          <p className="max-w-md text-sm text-slate-700" data-labels="elsewhere">
            {t("labelsElsewhere", { file: labelKeyFileName(batch.gtin, batch.lot) })}
          </p>
        )}
      </div>
    </li>
  );
}

/** The manufacturer's desk (and the meltblown supplier's, who delivers to it). */
export default async function ManufacturerPage() {
  const [t, tb, locale] = await Promise.all([
    getTranslations("manufacturer"),
    getTranslations("backoffice"),
    getLocale(),
  ]);
  // The signed-in account first (its wallet signs its own registrations), else the demo's acting party.
  const [demo, session] = await Promise.all([demoSwitch(), currentSession(await cookies())]);
  const roles = session?.roles ?? [];
  const isMaker = roles.includes("MANUFACTURER");
  const isSupplier = roles.includes("SUPPLIER");
  const now = currentTime();
  const [maker, supplier] = await Promise.all([
    isMaker && session ? manufacturerDesk(session.address) : null,
    isSupplier && session ? supplierDesk(session.address) : null,
  ]);
  const categoryName = (category: number) =>
    isCategoryId(category)
      ? locale === "zh-CN"
        ? CATEGORIES[category].nameZh
        : CATEGORIES[category].name
      : String(category);
  const today = secondsToIsoDate(now);
  const inTwoYears = secondsToIsoDate(now + 730 * DAY);

  return (
    <BackofficeFrame current="manufacturer" title={t("title")} intro={t("intro")}>
      <SessionPanel session={session} parties={demoParties()} demo={demo} />
      {!isMaker && !isSupplier && (
        <p data-role-missing="MANUFACTURER">
          {session === null
            ? tb("roleMissing", { role: tb("roles.MANUFACTURER") })
            : tb("roleMissingNamed", { role: tb("roles.MANUFACTURER"), name: session.name })}
        </p>
      )}
      <ClientMessages namespaces={["backoffice", "manufacturer", "tx", "labelMaker"]}>
        {supplier !== null && (
          <section aria-labelledby="supplier-heading" className="space-y-4">
            <h2 id="supplier-heading" className="text-xl font-semibold">
              {t("supplier.heading")}
            </h2>
            <p className="max-w-3xl text-sm text-slate-700">{t("supplier.intro")}</p>
            <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
              <LotForm manufacturers={supplier.manufacturers} />
              <div className="space-y-2">
                <h3 className="font-semibold">{t("supplier.lotsHeading")}</h3>
                {supplier.lots.length === 0 ? (
                  <p className="text-sm">{t("supplier.lotsEmpty")}</p>
                ) : (
                  <LotTable lots={supplier.lots} />
                )}
              </div>
            </div>
          </section>
        )}
        {maker !== null && (
          <>
            <section aria-labelledby="stock-heading" className="space-y-3">
              <h2 id="stock-heading" className="text-xl font-semibold">
                {t("stock.heading")}
              </h2>
              {maker.lots.length === 0 ? <p>{t("stock.empty")}</p> : <LotTable lots={maker.lots} />}
            </section>
            <section aria-labelledby="batch-heading" className="space-y-3">
              <h2 id="batch-heading" className="text-xl font-semibold">
                {t("batch.heading")}
              </h2>
              {maker.products.length === 0 && <p>{t("batch.noProducts")}</p>}
              {maker.workshops.length === 0 && <p>{t("batch.noWorkshops")}</p>}
              {maker.products.length > 0 && maker.workshops.length > 0 && (
                <BatchForm
                  products={maker.products.map((p) => ({
                    gtin: p.gtin,
                    name: p.name,
                    categoryName: categoryName(p.category),
                    typicalMasksPerKg: p.rules.typicalMasksPerKg,
                    maxMasksPerKg: p.rules.maxMasksPerKg,
                    minHoldDays: p.rules.minHoldDays,
                  }))}
                  lots={maker.lots
                    .filter((l) => l.massGrams > l.consumedGrams)
                    .map((l) => ({
                      lotId: l.lotId,
                      code: l.code,
                      remainingGrams: l.massGrams - l.consumedGrams,
                    }))}
                  workshops={maker.workshops.map((w) => w.name)}
                  defaults={{ produced: today, expiry: inTwoYears, serialStart: 100001 }}
                  labelBase={labelLinkBase()}
                />
              )}
            </section>
            <section aria-labelledby="batches-heading" className="space-y-3">
              <h2 id="batches-heading" className="text-xl font-semibold">
                {t("batches.heading")}
              </h2>
              {maker.batches.length === 0 && <p>{t("batches.empty")}</p>}
              <ul className="space-y-4">
                {maker.batches.map((desk) => (
                  <BatchCard key={desk.batch.batchId} desk={desk} now={now} />
                ))}
              </ul>
            </section>
          </>
        )}
      </ClientMessages>
    </BackofficeFrame>
  );
}

async function LotTable({
  lots,
}: {
  lots: { lotId: number; code: string; grade: string; massGrams: number; consumedGrams: number }[];
}) {
  const t = await getTranslations("manufacturer.stock");
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-table="lots">
        <thead className="bg-slate-100">
          <tr>
            <th className="px-3 py-2">{t("lot")}</th>
            <th className="px-3 py-2">{t("grade")}</th>
            <th className="px-3 py-2 text-right">{t("left")}</th>
            <th className="px-3 py-2 text-right">{t("received")}</th>
          </tr>
        </thead>
        <tbody>
          {lots.map((l) => (
            <tr key={l.lotId} className="border-t border-slate-100" data-lot={l.code}>
              <td className="px-3 py-2">{t("lotName", { lotId: l.lotId, code: l.code })}</td>
              <td className="px-3 py-2">{l.grade}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {t("kg", { kg: kg(l.massGrams - l.consumedGrams) })}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{t("kg", { kg: kg(l.massGrams) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
