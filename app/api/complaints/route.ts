import { runtime } from "@/lib/queries/runtime";
import { MAX_COMPLAINT_BODY_BYTES } from "@/lib/queries/complaints";
import { clientOf, deskResponse, jsonResponse, readJsonBody } from "@/server/json-request";
import { localeOf } from "@/lib/queries/cookies";

export const dynamic = "force-dynamic";

/** Files a complaint without a wallet: see README, "Complaints". Errors in the request's language. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, MAX_COMPLAINT_BODY_BYTES);
  if (!body.ok) return jsonResponse(body.status, { error: body.error });
  return deskResponse(await runtime().complaints.file(body.value, clientOf(request), localeOf(request)));
}
