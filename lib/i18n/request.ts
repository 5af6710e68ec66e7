// next-intl's per-request configuration: which language this request is answered in (the switch's
// cookie, then the browser's Accept-Language; lib/domain/locale.ts) and that language's messages.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/domain/locale";
import { CATALOGUES } from "./catalogues";
import { TIME_ZONE } from "./translator";

/** The language of the current request, for server code that formats outside next-intl. */
export async function requestLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return negotiateLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: CATALOGUES[locale], timeZone: TIME_ZONE };
});
