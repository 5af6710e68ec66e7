import type { Metadata } from "next";
import { cookies } from "next/headers";
import { SessionPanel } from "@/components/field/SessionPanel";
import { SellerStandingCard } from "@/components/field/SellerStandingCard";
import { ShelfScanner } from "@/components/field/ShelfScanner";
import { PriceForm } from "@/components/field/PriceForm";
import { RulingForm } from "@/components/field/RulingForm";
import { formatDate } from "@/lib/domain/format";
import { complaintQueue, sellers, sellerStanding } from "@/lib/queries/field";
import { ACT_AS_COOKIE, demoKeysAllowed, demoParties, partyOf, readSession } from "@/lib/queries/session";
import { ClientMessages } from "@/components/ui/ClientMessages";

export const metadata: Metadata = { title: "Inspector" };

const KIND_WORDS = {
  "spec-failure": "faulty masks",
  counterfeit: "a fake box",
  "price-above-cap": "a price above the cap",
} as const;

/** The market inspector at a shop, on a phone: the seller's standing, the shelf, prices, complaints. */
export default async function InspectorPage({
  searchParams,
}: {
  searchParams: Promise<{ seller?: string }>;
}) {
  const party = partyOf((await cookies()).get(ACT_AS_COOKIE)?.value);
  const [demoAllowed, session] = await Promise.all([demoKeysAllowed(), readSession(party)]);
  const panel = <SessionPanel session={session} parties={demoParties()} demoAllowed={demoAllowed} />;
  if (session === null || !session.roles.includes("INSPECTOR")) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">Inspector</h1>
        {panel}
        <p data-role-missing="INSPECTOR">
          The inspector&apos;s tools are for an account that holds the market inspector role on the record
          {session === null ? "." : `; ${session.name} does not.`}
        </p>
      </div>
    );
  }
  const { seller = "" } = await searchParams;
  const [sellerList, standing, complaints] = await Promise.all([
    sellers(),
    sellerStanding(seller),
    complaintQueue(),
  ]);

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Inspector</h1>
      {panel}

      <section aria-labelledby="seller-heading" className="space-y-3">
        <h2 id="seller-heading" className="text-xl font-semibold">
          Check a seller
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
            Seller
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
            Check
          </button>
        </form>
        {standing !== null && <SellerStandingCard seller={await standing} />}
      </section>

      <section aria-labelledby="shelf-heading" className="space-y-3">
        <h2 id="shelf-heading" className="text-xl font-semibold">
          Check the boxes on the shelf
        </h2>
        <ClientMessages namespaces={["scan", "codeErrors"]}>
          <ShelfScanner />
        </ClientMessages>
      </section>

      <section aria-labelledby="price-heading" className="space-y-3">
        <h2 id="price-heading" className="text-xl font-semibold">
          Record the price asked
        </h2>
        <PriceForm sellers={sellerList} seller={standing === null ? null : seller} />
      </section>

      <section aria-labelledby="complaints-heading" className="space-y-3">
        <h2 id="complaints-heading" className="text-xl font-semibold">
          Complaints awaiting a ruling
        </h2>
        {complaints.length === 0 && <p>None: every complaint is ruled on.</p>}
        <ul className="space-y-3">
          {complaints.map((c) => {
            return (
              <li
                key={c.id}
                data-complaint={c.id}
                className="space-y-2 rounded-2xl border border-slate-200 bg-white p-3"
              >
                <p className="font-semibold">
                  Complaint {c.id}: {KIND_WORDS[c.kind]}, against {c.respondentName}
                </p>
                <p className="text-sm text-slate-700">
                  Box {c.serial}
                  {c.lot !== null && <> of lot {c.lot}</>}, filed {formatDate(c.filedAt)}.{" "}
                  {c.status === "answered"
                    ? "Answered by the party."
                    : `Answer due by ${formatDate(c.answerDeadline)}${c.ruleable ? ": not answered in time." : "."}`}
                </p>
                {c.ruleable ? (
                  <RulingForm complaintId={c.id} />
                ) : (
                  <p className="text-sm text-slate-600">
                    It can be ruled on once the party answers or the answer window closes.
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
