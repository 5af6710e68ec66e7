import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { SessionPanel } from "@/components/field/SessionPanel";
import { SaleCounter } from "@/components/field/SaleCounter";
import { formatBoxes, formatDate } from "@/lib/domain/format";
import { pendingShipments } from "@/lib/queries/field";
import { ACT_AS_COOKIE, demoKeysAllowed, demoParties, partyOf, readSession } from "@/lib/queries/session";
import { ClientMessages } from "@/components/ui/ClientMessages";

export const metadata: Metadata = { title: "Pharmacy" };

/** The pharmacy's desk: deliveries to receive, and boxes sold at the counter. */
export default async function PharmacyPage() {
  const party = partyOf((await cookies()).get(ACT_AS_COOKIE)?.value);
  const [demoAllowed, session] = await Promise.all([demoKeysAllowed(), readSession(party)]);
  const panel = <SessionPanel session={session} parties={demoParties()} demoAllowed={demoAllowed} />;
  if (session === null || !session.roles.includes("PHARMACY")) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">Pharmacy</h1>
        {panel}
        <p data-role-missing="PHARMACY">
          Receiving and selling are for an account that holds the pharmacy role on the record
          {session === null ? "." : `; ${session.name} does not.`}
        </p>
      </div>
    );
  }
  const shipments = await pendingShipments(session.address);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Pharmacy</h1>
      {panel}
      <section aria-labelledby="receive-heading" className="space-y-3">
        <h2 id="receive-heading" className="text-xl font-semibold">
          Deliveries to receive
        </h2>
        {shipments.length === 0 && <p>No delivery is waiting for you.</p>}
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
                    Shipment {s.id}: {formatBoxes(s.boxes)} of lot {s.lot ?? "?"}
                  </span>
                  <span className="block text-sm text-slate-600">
                    From {s.fromName}, shipped {formatDate(s.shippedAt)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="sell-heading" className="space-y-3">
        <h2 id="sell-heading" className="text-xl font-semibold">
          Sell a box
        </h2>
        <p className="text-sm text-slate-700">
          Each box sold is decommissioned on the record, so a copy of its code shows as sold. A sale waits 10
          seconds before it is sent: Undo in that time and nothing is recorded.
        </p>
        <ClientMessages namespaces={["scan", "codeErrors"]}>
          <SaleCounter />
        </ClientMessages>
      </section>
    </div>
  );
}
