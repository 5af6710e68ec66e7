import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { SessionPanel } from "@/components/field/SessionPanel";
import { ReceivingDesk } from "@/components/field/ReceivingDesk";
import { OrderSummary } from "@/components/field/OrderSummary";
import { formatBoxes, formatDate } from "@/lib/domain/format";
import { shipment as readShipment, shipmentOrder } from "@/lib/queries/field";
import { currentSession, demoKeysAllowed, demoParties } from "@/lib/queries/session";

export const metadata: Metadata = { title: "Receive a delivery" };

/** Receiving one shipment: scan every box, then accept or reject it on chain. */
export default async function ReceivePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const cookieStore = await cookies();
  const [demoAllowed, session, shipment, order] = await Promise.all([
    demoKeysAllowed(),
    currentSession(cookieStore),
    readShipment(id),
    shipmentOrder(id),
  ]);
  if (shipment === null) notFound();
  const mine = session !== null && session.address.toLowerCase() === shipment.to.toLowerCase();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/pharmacy" className="text-emerald-800 underline">
          ← Pharmacy
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Shipment {shipment.id}</h1>
      <SessionPanel session={session} parties={demoParties()} demoAllowed={demoAllowed} />
      <p>
        {formatBoxes(shipment.boxes)} of GTIN {shipment.gtin} lot <strong>{shipment.lot}</strong> from{" "}
        {shipment.fromName}, shipped {formatDate(shipment.shippedAt)}.
      </p>
      {order !== null && <OrderSummary order={order} />}
      {!mine ? (
        <p data-role-missing="RECIPIENT">Only the recipient of this shipment can receive it.</p>
      ) : shipment.status !== "pending" || shipment.gtin === null || shipment.lot === null ? (
        <p>
          This delivery was already {shipment.status}
          {shipment.settledAt !== null && <> on {formatDate(shipment.settledAt)}</>}.
        </p>
      ) : (
        <ReceivingDesk
          shipment={{ id: shipment.id, gtin: shipment.gtin, lot: shipment.lot, boxes: shipment.boxes }}
          order={order === null ? null : { id: order.id, sellerName: order.sellerName }}
        />
      )}
    </div>
  );
}
