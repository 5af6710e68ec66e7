// The field actions' HTTP side: the acting party from the act-as cookie, the JSON body, the language
// of the answer (the language switch's cookie, then Accept-Language), the answer.
import type { PartyKey } from "../scripts/demo/world";
import type { Locale } from "../lib/domain/locale";
import { cookieValue, localeOf } from "../lib/queries/cookies";
import { readJsonBody } from "./json-request";
import { reply } from "./reply";
import { partyFromCookieHeader, type FieldResponse } from "../lib/queries/session";

const MAX_BODY_BYTES = 16 * 1024;

/** A request's cookie by name. */
export const cookieOf = (request: Request, name: string): string | undefined =>
  cookieValue(request.headers.get("cookie"), name);

/** A desk action: the body read, the acting party and language found, the action's outcome answered. */
export async function fieldAction<T>(
  request: Request,
  action: (party: PartyKey | null, body: unknown, locale: Locale) => Promise<FieldResponse<T>>,
): Promise<Response> {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return reply({ status: body.status, body: { error: body.error } });
  const party = partyFromCookieHeader(request.headers.get("cookie"));
  const outcome = await action(party, body.value, localeOf(request));
  return reply(outcome);
}
