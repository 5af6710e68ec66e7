import Link from "next/link";
import { getTranslations } from "next-intl/server";

const PAGES = ["manufacturer", "lab", "auditor"] as const;

/**
 * A back-office page: wider than the consumer pages' column (tables and forms side by side on a
 * desktop, one column on a phone), with links between the back-office desks.
 */
export async function BackofficeFrame({
  current,
  title,
  intro,
  children,
}: {
  current: (typeof PAGES)[number];
  title: string;
  intro: string;
  children: React.ReactNode;
}) {
  const t = await getTranslations("backoffice");
  return (
    // The root layout's column is phone-width; break out of it to the window, up to 72rem.
    <div
      data-wide-page
      className="relative left-1/2 w-[calc(100vw-2rem)] max-w-6xl -translate-x-1/2 space-y-6"
    >
      <nav aria-label={t("nav.label")} className="flex flex-wrap gap-2 text-sm">
        {PAGES.map((page) => (
          <Link
            key={page}
            href={`/${page}`}
            aria-current={page === current ? "page" : undefined}
            className="rounded-lg border border-slate-300 px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:border-slate-900 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
          >
            {t(`nav.${page}`)}
          </Link>
        ))}
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="max-w-3xl text-slate-700">{intro}</p>
      </header>
      {children}
    </div>
  );
}
