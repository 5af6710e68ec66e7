// The field actions' HTTP side: the acting party from the act-as cookie, the JSON body, the language
// of the answer (the language switch's cookie, then Accept-Language), the answer.
import type { PartyKey } from "../chain/demo/world";
import { LOCALE_COOKIE, negotiateLocale, type Locale } from "../domain/locale";
import { jsonResponse, readJsonBody } from "./json-request";
import { partyFromCookieHeader, type FieldResponse } from "./session";

const MAX_BODY_BYTES = 16 * 1024;

/** A request's cookie by name. */
export function cookieOf(request: Request, name: string): string | undefined {
  for (const pair of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, value] = pair.trim().split("=");
    if (key === name && value !== undefined) return decodeURIComponent(value);
  }
  return undefined;
}

/** The language a request is answered in. */
export const requestLocale = (request: Request): Locale =>
  negotiateLocale(cookieOf(request, LOCALE_COOKIE), request.headers.get("accept-language"));

export async function fieldReply<T>(
  request: Request,
  action: (party: PartyKey | null, body: unknown, locale: Locale) => Promise<FieldResponse<T>>,
): Promise<Response> {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return jsonResponse(body.status, { error: body.error });
  const party = partyFromCookieHeader(request.headers.get("cookie"));
  const outcome = await action(party, body.value, requestLocale(request));
  return jsonResponse(outcome.status, outcome.body);
}
