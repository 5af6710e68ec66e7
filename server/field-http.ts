// The desks' HTTP side: the JSON body, the acting account (session.ts's deskActor: the body's `wallet`
// or the signed-in account, else the demo's act-as party), the language of the answer (the language
// switch's cookie, then Accept-Language), the answer. A desk's route file is one deskRoute line.
import type { Locale } from "../lib/domain/locale";
import { cookieValue, localeOf } from "../lib/queries/cookies";
import { readJsonBody } from "./json-request";
import { reply } from "./reply";
import { withId } from "./route";
import { deskActor, type DeskActor, type FieldResponse } from "../lib/queries/session";

const MAX_BODY_BYTES = 16 * 1024;

/** A request's cookie by name. */
export const cookieOf = (request: Request, name: string): string | undefined =>
  cookieValue(request.headers.get("cookie"), name);

/** A desk action as the queries write it: who acts, the request's body, the language of the answer. */
type DeskAction<T> = (actor: DeskActor | null, body: unknown, locale: Locale) => Promise<FieldResponse<T>>;

/** A desk action: the body read, the acting account and language found, the action's outcome answered. */
export async function fieldAction<T>(request: Request, action: DeskAction<T>): Promise<Response> {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return reply({ status: body.status, body: { error: body.error } });
  // The wallet's account is `wallet`, not `from`: an attestation's `from` is the start of its validity.
  const wallet =
    typeof body.value === "object" && body.value !== null
      ? (body.value as { wallet?: unknown }).wallet
      : undefined;
  // A `wallet` that is no address is refused in words by the action (desk-action.ts).
  const actor = deskActor(request.headers.get("cookie"), wallet === undefined ? undefined : String(wallet));
  return reply(await action(actor, body.value, localeOf(request)));
}

/** The POST handler of a desk action's route. */
export const deskRoute =
  <T>(action: DeskAction<T>) =>
  (request: Request): Promise<Response> =>
    fieldAction(request, action);

/** The POST handler of a desk action on the record named by the route's `[id]` segment. */
export const deskRouteById = <T>(
  action: (actor: DeskActor | null, id: string, body: unknown, locale: Locale) => Promise<FieldResponse<T>>,
) => withId((request, id) => fieldAction(request, (actor, body, locale) => action(actor, id, body, locale)));
