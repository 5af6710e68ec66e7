import { jsonResponse, readJsonBody } from "@/lib/queries/json-request";
import {
  chooseParty,
  clearedSessionCookie,
  partyFromCookieHeader,
  readSession,
  sessionCookie,
} from "@/lib/queries/session";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 4096;

/** Who acts now: `{session}` (null when nobody, or off the local chain). */
export async function GET(request: Request): Promise<Response> {
  try {
    return jsonResponse(200, {
      session: await readSession(partyFromCookieHeader(request.headers.get("cookie"))),
    });
  } catch {
    return jsonResponse(503, {
      error: {
        code: "chain_unavailable",
        message: "The chain cannot be reached right now. Try again shortly.",
      },
    });
  }
}

/** "Demo: act as …" `{party}` → 200 and the act-as cookie; 400 unknown_party; 403 demo_keys_refused. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return jsonResponse(body.status, { error: body.error });
  const outcome = await chooseParty(body.value);
  if (outcome.status !== 200) return jsonResponse(outcome.status, outcome.body);
  const secure = new URL(request.url).protocol === "https:";
  return jsonResponse(
    200,
    { session: outcome.body },
    { "set-cookie": sessionCookie(outcome.body.party, secure) },
  );
}

/** Stop acting as anyone. */
export function DELETE(): Response {
  return jsonResponse(200, { session: null }, { "set-cookie": clearedSessionCookie() });
}
