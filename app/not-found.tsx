import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("pageStates");
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="text-slate-700">
        {t.rich("notFoundBody", {
          scan: (words) => (
            <Link className="text-emerald-800 underline" href="/scan">
              {words}
            </Link>
          ),
          home: (words) => (
            <Link className="text-emerald-800 underline" href="/">
              {words}
            </Link>
          ),
        })}
      </p>
    </section>
  );
}
