import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { SessionPanel } from "@/components/field/SessionPanel";
import { ReceivingDesk } from "@/components/field/ReceivingDesk";
import { formatBoxes, formatDate } from "@/lib/domain/format";
import { shipment as readShipment } from "@/lib/queries/field";
import { ACT_AS_COOKIE, demoKeysAllowed, demoParties, partyOf, readSession } from "@/lib/queries/session";
import { ClientMessages } from "@/components/ui/ClientMessages";

export const metadata: Metadata = { title: "Receive a delivery" };

/** Receiving one shipment: scan every box, then accept or reject it on chain. */
export default async function ReceivePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const party = partyOf((await cookies()).get(ACT_AS_COOKIE)?.value);
  const [demoAllowed, session, shipment] = await Promise.all([
    demoKeysAllowed(),
    readSession(party),
    readShipment(id),
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
      {!mine ? (
        <p data-role-missing="RECIPIENT">Only the recipient of this shipment can receive it.</p>
      ) : shipment.status !== "pending" || shipment.gtin === null || shipment.lot === null ? (
        <p>
          This delivery was already {shipment.status}
          {shipment.settledAt !== null && <> on {formatDate(shipment.settledAt)}</>}.
        </p>
      ) : (
        <ClientMessages namespaces={["scan", "codeErrors"]}>
          <ReceivingDesk
            shipment={{ id: shipment.id, gtin: shipment.gtin, lot: shipment.lot, boxes: shipment.boxes }}
          />
        </ClientMessages>
      )}
    </div>
  );
}
