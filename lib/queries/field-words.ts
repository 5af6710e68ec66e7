// The field desk's answers in the request's language (the fieldApi catalogue). Contract refusals are
// worded by lib/chain/errors.ts.
import { FALLBACK_LOCALE, type Locale } from "../domain/locale";
import { translatorFor } from "../i18n/translator";

export const fieldWords = (locale: Locale = FALLBACK_LOCALE) => translatorFor(locale, "fieldApi");

export type FieldWords = ReturnType<typeof fieldWords>;
