import { clientOf, readJsonBody } from "@/server/json-request";
import { errorBody, reply } from "@/server/reply";
import { cookieOf } from "@/server/field-http";
import { localeOf } from "@/lib/queries/cookies";
import { fieldWords } from "@/lib/queries/field-words";
import {
  chooseParty,
  chooseWallet,
  clearedSessionCookie,
  clearedWalletCookie,
  currentSession,
  sessionCookie,
  walletCookie,
} from "@/lib/queries/session";

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
 * A connected wallet `{wallet: address}` → 200 and the wallet cookie (the wallet signs; any chain).
 * Either one replaces the other.
 */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return reply({ status: body.status, body: { error: body.error } });
  const secure = new URL(request.url).protocol === "https:";
  const byWallet = typeof body.value === "object" && body.value !== null && "wallet" in body.value;
  if (byWallet) {
    const outcome = await chooseWallet(body.value, localeOf(request));
    if (outcome.status !== 200) return reply(outcome);
    return reply(
      { status: 200, body: { session: outcome.body } },
      {
        headers: [
          ["set-cookie", walletCookie(outcome.body.address, secure)],
          ["set-cookie", clearedSessionCookie()],
        ],
      },
    );
  }
  const outcome = await chooseParty(body.value, { locale: localeOf(request), client: clientOf(request) });
  if (outcome.status !== 200) return reply(outcome);
  return reply(
    { status: 200, body: { session: outcome.body } },
    {
      headers: [
        ["set-cookie", sessionCookie(outcome.body.party, secure)],
        ["set-cookie", clearedWalletCookie()],
      ],
    },
  );
}

/** Stop acting as anyone. */
export function DELETE(): Response {
  return reply(
    { status: 200, body: { session: null } },
    {
      headers: [
        ["set-cookie", clearedSessionCookie()],
        ["set-cookie", clearedWalletCookie()],
      ],
    },
  );
}
