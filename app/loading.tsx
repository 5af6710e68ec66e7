import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("pageStates");
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-28 rounded-2xl bg-slate-200" />
      <div className="h-40 rounded-2xl bg-slate-200" />
      <span className="sr-only">{t("loading")}</span>
    </div>
  );
}
