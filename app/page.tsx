import Link from "next/link";
import { CodeEntryForm } from "@/components/scan/CodeEntryForm";
import { demoScenarios, localPath } from "@/lib/queries/demo";

export const dynamic = "force-dynamic";

const VERDICT_DOT: Record<string, string> = {
  genuine: "bg-emerald-600",
  caution: "bg-amber-500",
  suspect: "bg-red-600",
  not_found: "bg-slate-400",
};

export default function HomePage() {
  const scenarios = demoScenarios();
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-2xl font-bold tracking-tight">Is this mask box what it claims to be?</h1>
        <p className="text-slate-700">
          MedProof reads the record each accountable party wrote on a shared ledger — the meltblown lot, the
          clean workshop, the lab tests, the release after sterilisation, every hand it passed through, the
          price cap. Scan the code on a box and get a plain verdict in about a second, no app or wallet
          needed.
        </p>
        <Link
          href="/scan"
          className="inline-block rounded-xl bg-emerald-700 px-5 py-3 text-lg font-semibold text-white hover:bg-emerald-800"
        >
          Scan a box
        </Link>
      </section>

      <section className="space-y-2">
        <h2 className="font-semibold">Or type the code printed under the barcode</h2>
        <CodeEntryForm />
      </section>

      {scenarios.length > 0 && (
        <section className="space-y-2" aria-labelledby="demo-heading">
          <h2 id="demo-heading" className="font-semibold">
            Demo boxes on the local chain
          </h2>
          <ul className="divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
            {scenarios.map((s) => (
              <li key={s.id}>
                <Link
                  href={localPath(s.code)}
                  className="flex items-start gap-3 p-3 hover:bg-slate-50"
                  data-scenario={s.id}
                >
                  <span
                    className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${VERDICT_DOT[s.verdict] ?? "bg-slate-400"}`}
                    aria-hidden="true"
                  />
                  <span>
                    <span className="font-medium">{s.title}</span>
                    <span className="block text-sm text-slate-600">{s.expect}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
