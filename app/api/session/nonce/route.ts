// GET /api/session/nonce[?address=0x…]: a sign-in nonce and the EIP-4361 message around it (see
// lib/queries/siwe.ts); never cached (reply.ts says no-store), each request makes a new one.
import { clientOf, originOf } from "@/server/json-request";
import { reply } from "@/server/reply";
import { localeOf } from "@/lib/queries/cookies";
import { issueNonce } from "@/lib/queries/siwe";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const address = new URL(request.url).searchParams.get("address");
  const outcome = await issueNonce(address, {
    origin: originOf(request),
    locale: localeOf(request),
    client: clientOf(request),
  });
  return reply(outcome);
}
