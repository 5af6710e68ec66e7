// Reading a request's cookies and its language, for route handlers (a Fetch Request) and the custom
// server's lean paths (a Node request's headers) alike.
import { LOCALE_COOKIE, negotiateLocale, type Locale } from "../domain/locale";

/** A cookie's value in a Cookie header; undefined when absent or not decodable (a stranger wrote it). */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
  for (const pair of (header ?? "").split(";")) {
    const equals = pair.indexOf("=");
    if (equals === -1 || pair.slice(0, equals).trim() !== name) continue;
    try {
      return decodeURIComponent(pair.slice(equals + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The language to answer in: the language switch's cookie, then Accept-Language (as the pages do). */
export function localeFromHeaders(
  cookieHeader: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  return negotiateLocale(cookieValue(cookieHeader, LOCALE_COOKIE), acceptLanguage);
}

/** The language a route handler's request is answered in. */
export const localeOf = (request: Request): Locale =>
  localeFromHeaders(request.headers.get("cookie"), request.headers.get("accept-language"));
