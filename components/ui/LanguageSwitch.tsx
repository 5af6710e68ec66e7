import { getLocale, getTranslations } from "next-intl/server";

/** One button to the other language; a form, so it needs no script (app/api/locale/route.ts). */
export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  const other = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    <form action="/api/locale" method="post">
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={`${t("language")}: ${t("switchTo")}`}
        className="rounded-lg border border-slate-300 px-3 py-1.5 font-medium whitespace-nowrap text-slate-700 hover:bg-slate-100"
      >
        {t("switchTo")}
      </button>
    </form>
  );
}
