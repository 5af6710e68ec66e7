import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CodeEntryForm } from "@/components/scan/CodeEntryForm";
import { demoScenarios, localPath } from "@/lib/queries/demo";

export const dynamic = "force-dynamic";

const VERDICT_DOT: Record<string, string> = {
  genuine: "bg-emerald-600",
  caution: "bg-amber-500",
  suspect: "bg-red-600",
  not_found: "bg-slate-400",
};

export default async function HomePage() {
  const [t, common] = await Promise.all([getTranslations("home"), getTranslations("common")]);
  const scenarios = demoScenarios();
  // A scenario the catalogue does not know yet keeps the seed's own words.
  const demoText = (id: string, part: "title" | "expect", seeded: string) => {
    const key = `demo.${id}.${part}` as Parameters<typeof t.has>[0];
    return t.has(key) ? t(key) : seeded;
  };
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-2xl font-bold tracking-tight">{t("heading")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <Link
          href="/scan"
          className="inline-block rounded-xl bg-emerald-700 px-5 py-3 text-lg font-semibold text-white hover:bg-emerald-800"
        >
          {common("scanBox")}
        </Link>
      </section>

      <section className="space-y-2">
        <h2 className="font-semibold">{t("typeCode")}</h2>
        <CodeEntryForm />
      </section>

      {scenarios.length > 0 && (
        <section className="space-y-2" aria-labelledby="demo-heading">
          <h2 id="demo-heading" className="font-semibold">
            {t("demoHeading")}
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
                    <span className="font-medium">{demoText(s.id, "title", s.title)}</span>
                    <span className="block text-sm text-slate-600">{demoText(s.id, "expect", s.expect)}</span>
                  </span>
                </Link>
                {/* Written beside scenarios.json at seed time (scripts/lib/embedded.ts). */}
                <a
                  href={`/demo/${s.id}-label.svg`}
                  aria-label={`${t("demoLabel")}: ${demoText(s.id, "title", s.title)}`}
                  className="block px-3 pb-3 pl-8 text-sm text-emerald-800 underline"
                >
                  {t("demoLabel")}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
