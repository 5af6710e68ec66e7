// The two languages MedProof speaks, and how a request picks one. Pure: the caller passes what the
// request carried (the `locale` cookie set by the language switch, then the Accept-Language header).
//
// Chinese for a browser that prefers Chinese (any zh-* tag, traditional ones included: they read
// simplified better than English), English for one that prefers English, and English when the
// browser names neither or sends nothing — scripts and curl get the same English they always did.

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** What a request that names neither language gets. */
export const FALLBACK_LOCALE: Locale = "en";

/** The cookie the language switch sets; it outranks the browser's languages. */
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** "zh-Hans-CN" → "zh-CN", "en-GB" → "en", anything else → null. */
function localeOfTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split("-")[0];
  if (primary === "zh") return "zh-CN";
  if (primary === "en") return "en";
  return null;
}

/**
 * The supported language the header prefers most, by quality then order; null when it names
 * neither. Malformed entries are skipped, never thrown on: the header is whatever a client sent.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .slice(0, 1000)
    .split(",")
    .map((entry, order) => {
      const [tag = "", ...params] = entry.split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { locale: localeOfTag(tag), quality: Number.isFinite(quality) ? quality : 0, order };
    })
    .filter((entry) => entry.locale !== null && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return ranked[0]?.locale ?? null;
}

/** The cookie if it names a language we speak, else the browser's preference, else English. */
export function negotiateLocale(
  cookie: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? FALLBACK_LOCALE;
}
