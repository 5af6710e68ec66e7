// POST /api/session/siwe {message, signature}: Sign-In with Ethereum (lib/queries/siwe.ts). Signed in,
// the account's sealed cookie is set and a demo party chosen before is forgotten (one who acts).
import { originOf, readJsonBody } from "@/server/json-request";
import { reply } from "@/server/reply";
import { localeOf } from "@/lib/queries/cookies";
import { signIn } from "@/lib/queries/siwe";
import { clearedSessionCookie, signedInCookie } from "@/lib/queries/session";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 8192;

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return reply({ status: body.status, body: { error: body.error } });
  const origin = originOf(request);
  const outcome = await signIn(body.value, { origin, locale: localeOf(request) });
  if (outcome.status !== 200) return reply(outcome);
  return reply(
    { status: 200, body: { session: outcome.body } },
    {
      headers: [
        ["set-cookie", signedInCookie(outcome.body.address, origin.startsWith("https:"))],
        ["set-cookie", clearedSessionCookie()],
      ],
    },
  );
}
