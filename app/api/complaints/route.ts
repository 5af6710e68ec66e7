import { runtime } from "@/lib/queries/runtime";
import { MAX_COMPLAINT_BODY_BYTES } from "@/lib/queries/complaints";
import { clientOf, readJsonBody } from "@/server/json-request";
import { reply } from "@/server/reply";
import { localeOf } from "@/lib/queries/cookies";

export const dynamic = "force-dynamic";

/** Files a complaint without a wallet: see docs/api.md, "Complaints". Errors in the request's language. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, MAX_COMPLAINT_BODY_BYTES);
  if (!body.ok) return reply({ status: body.status, body: { error: body.error } });
  return reply(await runtime().complaints.file(body.value, clientOf(request), localeOf(request)));
}
