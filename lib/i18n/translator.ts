// Translating outside a page (an API's answers): the same catalogues and time zone as the pages, for a
// language the caller already chose (lib/domain/locale.ts negotiateLocale).
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/domain/locale";
import { CATALOGUES, type Messages } from "./catalogues";

/** Dates on the pages and in answers are China time whatever the reader's language (docs/architecture.md, "Time"). */
export const TIME_ZONE = "Asia/Shanghai";

export function translatorFor<Namespace extends keyof Messages>(locale: Locale, namespace: Namespace) {
  return createTranslator({ locale, messages: CATALOGUES[locale], namespace, timeZone: TIME_ZONE });
}
