import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { SessionPanel } from "@/components/field/SessionPanel";
import { ReceivingDesk } from "@/components/field/ReceivingDesk";
import { OrderSummary } from "@/components/field/OrderSummary";
import { formatDate } from "@/lib/domain/format";
import { shipment as readShipment, shipmentOrder } from "@/lib/queries/field";
import { currentSession, demoSwitch, demoParties } from "@/lib/queries/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fieldPages.receive");
  return { title: t("title") };
}

/** Receiving one shipment: scan every box, then accept or reject it on chain, settling its order. */
export default async function ReceivePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const cookieStore = await cookies();
  const [t, demo, session, shipment, order] = await Promise.all([
    getTranslations("fieldPages.receive"),
    demoSwitch(),
    currentSession(cookieStore),
    readShipment(id),
    shipmentOrder(id),
  ]);
  if (shipment === null) notFound();
  const mine = session !== null && session.address.toLowerCase() === shipment.to.toLowerCase();
  const settled = shipment.settledAt === null ? null : formatDate(shipment.settledAt);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/pharmacy" className="text-emerald-800 underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("heading", { id: shipment.id })}</h1>
      <SessionPanel session={session} parties={demoParties()} demo={demo} />
      <p>
        {t("summary", {
          boxes: shipment.boxes,
          gtin: shipment.gtin ?? "?",
          lot: shipment.lot ?? "?",
          sender: shipment.fromName,
          date: formatDate(shipment.shippedAt),
        })}
      </p>
      {order !== null && <OrderSummary order={order} />}
      {!mine ? (
        <p data-role-missing="RECIPIENT">{t("notRecipient")}</p>
      ) : shipment.status !== "pending" || shipment.gtin === null || shipment.lot === null ? (
        <p>
          {shipment.status === "accepted"
            ? settled === null
              ? t("alreadyAccepted")
              : t("alreadyAcceptedOn", { date: settled })
            : settled === null
              ? t("alreadyRejected")
              : t("alreadyRejectedOn", { date: settled })}
        </p>
      ) : (
        <ClientMessages namespaces={["fieldDesk", "scan", "tx"]}>
          <ReceivingDesk
            shipment={{ id: shipment.id, gtin: shipment.gtin, lot: shipment.lot, boxes: shipment.boxes }}
            order={order === null ? null : { id: order.id, sellerName: order.sellerName }}
          />
        </ClientMessages>
      )}
    </div>
  );
}
