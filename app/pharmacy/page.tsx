import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { SessionPanel } from "@/components/field/SessionPanel";
import { SaleCounter } from "@/components/field/SaleCounter";
import { SALE_DELAY_SECONDS } from "@/components/field/sale-delay";
import { formatDate } from "@/lib/domain/format";
import { pendingShipments } from "@/lib/queries/field";
import { currentSession, demoSwitch, demoParties } from "@/lib/queries/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fieldPages.pharmacy");
  return { title: t("title") };
}

/** The pharmacy's desk: deliveries to receive, and boxes sold at the counter. */
export default async function PharmacyPage() {
  const cookieStore = await cookies();
  const [t, demo, session] = await Promise.all([
    getTranslations("fieldPages.pharmacy"),
    demoSwitch(),
    currentSession(cookieStore),
  ]);
  const panel = <SessionPanel session={session} parties={demoParties()} demo={demo} />;
  if (session === null || !session.roles.includes("PHARMACY")) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {panel}
        <p data-role-missing="PHARMACY">
          {session === null ? t("roleMissing") : t("roleMissingNamed", { name: session.name })}
        </p>
      </div>
    );
  }
  const shipments = await pendingShipments(session.address);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {panel}
      <section aria-labelledby="receive-heading" className="space-y-3">
        <h2 id="receive-heading" className="text-xl font-semibold">
          {t("deliveries")}
        </h2>
        {shipments.length === 0 && <p>{t("noDeliveries")}</p>}
        {shipments.length > 0 && (
          <ul className="divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
            {shipments.map((s) => (
              <li key={s.id}>
                <Link
                  href={`/pharmacy/receive/${s.id}`}
                  data-shipment={s.id}
                  className="block p-3 hover:bg-slate-50"
                >
                  <span className="font-medium">
                    {t("shipmentLine", { id: s.id, boxes: s.boxes, lot: s.lot ?? "?" })}
                  </span>
                  <span className="block text-sm text-slate-600">
                    {t("shipmentFrom", { sender: s.fromName, date: formatDate(s.shippedAt) })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="sell-heading" className="space-y-3">
        <h2 id="sell-heading" className="text-xl font-semibold">
          {t("sell")}
        </h2>
        <p className="text-sm text-slate-700">{t("sellNote", { seconds: SALE_DELAY_SECONDS })}</p>
        <ClientMessages namespaces={["fieldDesk", "scan", "tx"]}>
          <SaleCounter />
        </ClientMessages>
      </section>
    </div>
  );
}
