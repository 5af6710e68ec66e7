// The field actions' HTTP side: the acting party from the act-as cookie, the JSON body, the answer.
import type { PartyKey } from "../chain/demo/world";
import { jsonResponse, readJsonBody } from "./json-request";
import { partyFromCookieHeader, type FieldResponse } from "./session";

const MAX_BODY_BYTES = 16 * 1024;

export async function fieldReply<T>(
  request: Request,
  action: (party: PartyKey | null, body: unknown) => Promise<FieldResponse<T>>,
): Promise<Response> {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return jsonResponse(body.status, { error: body.error });
  const outcome = await action(partyFromCookieHeader(request.headers.get("cookie")), body.value);
  return jsonResponse(outcome.status, outcome.body);
}
