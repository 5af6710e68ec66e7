import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { SessionPanel } from "@/components/field/SessionPanel";
import { SellerStandingCard } from "@/components/field/SellerStandingCard";
import { ShelfScanner } from "@/components/field/ShelfScanner";
import { PriceForm } from "@/components/field/PriceForm";
import { RulingForm } from "@/components/field/RulingForm";
import { TipQueue } from "@/components/tips/TipQueue";
import { formatDate } from "@/lib/domain/format";
import { complaintQueue, sellers, sellerStanding } from "@/lib/queries/field";
import { currentSession, demoSwitch, demoParties } from "@/lib/queries/session";
import { tipQueue } from "@/lib/queries/tip-queue";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fieldPages.inspector");
  return { title: t("title") };
}

/**
 * The market inspector at a shop, on a phone: tips about suspected fakes, the seller's standing, the
 * shelf, prices, complaints.
 */
export default async function InspectorPage({
  searchParams,
}: {
  searchParams: Promise<{ seller?: string }>;
}) {
  const cookieStore = await cookies();
  const [t, demo, session] = await Promise.all([
    getTranslations("fieldPages.inspector"),
    demoSwitch(),
    currentSession(cookieStore),
  ]);
  const panel = <SessionPanel session={session} parties={demoParties()} demo={demo} />;
  if (session === null || !session.roles.includes("INSPECTOR")) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {panel}
        <p data-role-missing="INSPECTOR">
          {session === null ? t("roleMissing") : t("roleMissingNamed", { name: session.name })}
        </p>
      </div>
    );
  }
  const { seller = "" } = await searchParams;
  const [sellerList, standing, complaints, tips, tipWords] = await Promise.all([
    sellers(),
    sellerStanding(seller),
    complaintQueue(),
    tipQueue(),
    getTranslations("tips.queue"),
  ]);

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {panel}

      <section aria-labelledby="tips-heading" className="space-y-3">
        <h2 id="tips-heading" className="text-xl font-semibold">
          {tipWords("heading")}
        </h2>
        <ClientMessages namespaces={["tips", "tx"]}>
          <TipQueue tips={tips} />
        </ClientMessages>
      </section>

      <section aria-labelledby="seller-heading" className="space-y-3">
        <h2 id="seller-heading" className="text-xl font-semibold">
          {t("checkSeller")}
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
            {t("seller")}
            <select
              name="seller"
              defaultValue={seller}
              className="rounded-lg border border-slate-300 bg-white px-2 py-2 text-base"
            >
              {sellerList.map((s) => (
                <option key={s.address} value={s.address}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-lg bg-slate-900 px-4 py-2 font-medium text-white">
            {t("check")}
          </button>
        </form>
        {standing !== null && <SellerStandingCard seller={await standing} />}
      </section>

      <ClientMessages namespaces={["fieldDesk", "scan", "tx"]}>
        <section aria-labelledby="shelf-heading" className="space-y-3">
          <h2 id="shelf-heading" className="text-xl font-semibold">
            {t("shelf")}
          </h2>
          <ShelfScanner />
        </section>

        <section aria-labelledby="price-heading" className="mt-8 space-y-3">
          <h2 id="price-heading" className="text-xl font-semibold">
            {t("price")}
          </h2>
          <PriceForm sellers={sellerList} seller={standing === null ? null : seller} />
        </section>

        <section aria-labelledby="complaints-heading" className="mt-8 space-y-3">
          <h2 id="complaints-heading" className="text-xl font-semibold">
            {t("complaints")}
          </h2>
          {complaints.length === 0 && <p>{t("noComplaints")}</p>}
          <ul className="space-y-3">
            {complaints.map((c) => (
              <li
                key={c.id}
                data-complaint={c.id}
                className="space-y-2 rounded-2xl border border-slate-200 bg-white p-3"
              >
                <p className="font-semibold">
                  {t("complaint", { id: c.id, kind: t(`kinds.${c.kind}`), respondent: c.respondentName })}
                </p>
                <p className="text-sm text-slate-700">
                  {c.lot === null
                    ? t("complaintBox", { serial: c.serial, filed: formatDate(c.filedAt) })
                    : t("complaintBoxOfLot", {
                        serial: c.serial,
                        lot: c.lot,
                        filed: formatDate(c.filedAt),
                      })}{" "}
                  {c.status === "answered"
                    ? t("answered")
                    : c.ruleable
                      ? t("answerMissed", { date: formatDate(c.answerDeadline) })
                      : t("answerDue", { date: formatDate(c.answerDeadline) })}
                </p>
                {c.ruleable ? (
                  <RulingForm complaintId={c.id} />
                ) : (
                  <p className="text-sm text-slate-600">{t("notYetRuleable")}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      </ClientMessages>
    </div>
  );
}
