import { clientOf, readJsonBody } from "@/server/json-request";
import { errorBody, reply } from "@/server/reply";
import { cookieOf } from "@/server/field-http";
import { localeOf } from "@/lib/queries/cookies";
import { fieldWords } from "@/lib/queries/field-words";
import {
  chooseParty,
  clearedSessionCookie,
  clearedSignedInCookie,
  currentSession,
  sessionCookie,
} from "@/lib/queries/session";
import { unsignedWalletClaim } from "@/lib/queries/siwe";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 4096;

/** The request's cookies by name, as `currentSession` reads them. */
const cookiesOf = (request: Request) => ({
  get: (name: string) => {
    const value = cookieOf(request, name);
    return value === undefined ? undefined : { value };
  },
});

/** Who acts now: `{session}` (null when nobody, or a demo party off the local chain). */
export async function GET(request: Request): Promise<Response> {
  try {
    return reply({ status: 200, body: { session: await currentSession(cookiesOf(request)) } });
  } catch (error) {
    const t = fieldWords(localeOf(request));
    return reply({ status: 503, body: errorBody("chain_unavailable", t("chainUnavailable")), cause: error });
  }
}

/**
 * "Demo: act as …" `{party, password?}` → 200 and the act-as cookie; 400 unknown_party; 403
 * demo_switch_closed (other machines can reach this server and no DEMO_PASSWORD is set),
 * demo_password_wrong, demo_keys_refused; 429 after too many tries at the password.
 * A wallet's address alone `{wallet}` → 401 wallet_unsigned: an account signs in with its wallet through
 * POST /api/session/siwe. Choosing a party signs the wallet's account out (one who acts).
 */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return reply({ status: body.status, body: { error: body.error } });
  const secure = new URL(request.url).protocol === "https:";
  if (typeof body.value === "object" && body.value !== null && "wallet" in body.value)
    return reply(unsignedWalletClaim(localeOf(request)));
  const outcome = await chooseParty(body.value, { locale: localeOf(request), client: clientOf(request) });
  if (outcome.status !== 200) return reply(outcome);
  return reply(
    { status: 200, body: { session: outcome.body } },
    {
      headers: [
        ["set-cookie", sessionCookie(outcome.body.party, secure)],
        ["set-cookie", clearedSignedInCookie()],
      ],
    },
  );
}

/** Sign out: nobody acts (neither the signed-in account nor a demo party). */
export function DELETE(): Response {
  return reply(
    { status: 200, body: { session: null } },
    {
      headers: [
        ["set-cookie", clearedSessionCookie()],
        ["set-cookie", clearedSignedInCookie()],
      ],
    },
  );
}
