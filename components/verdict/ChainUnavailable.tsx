import { useTranslations } from "next-intl";

export function ChainUnavailable() {
  const t = useTranslations("verdict.unavailable");
  return (
    <section role="alert" className="space-y-2 rounded-2xl border-2 border-slate-400 bg-white p-5">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p className="text-slate-700">{t("body")}</p>
    </section>
  );
}
