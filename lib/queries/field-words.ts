// The field desk's answers in the request's language (the fieldApi catalogue). Contract refusals are
// worded by lib/chain/errors.ts.
import { createTranslator } from "next-intl";
import { FALLBACK_LOCALE, type Locale } from "../domain/locale";
import { CATALOGUES } from "../i18n/catalogues";

export const fieldWords = (locale: Locale = FALLBACK_LOCALE) =>
  createTranslator({ locale, messages: CATALOGUES[locale], namespace: "fieldApi" });

export type FieldWords = ReturnType<typeof fieldWords>;
