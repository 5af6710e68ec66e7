import type { Locale } from "../domain/locale";

/** What every endpoint answers, with a 503, when the chain does not: one code, one sentence. */
export const CHAIN_UNAVAILABLE = {
  code: "chain_unavailable",
  message: "The record can't be reached right now. Try again shortly.",
} as const;

/** The same answer in the reader's language (the code stays the same). */
export function chainUnavailable(locale: Locale = "en"): { code: "chain_unavailable"; message: string } {
  return locale === "en"
    ? CHAIN_UNAVAILABLE
    : { code: "chain_unavailable", message: "暂时无法读取记录，请稍后再试。" };
}
