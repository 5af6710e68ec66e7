import { runtime } from "@/lib/queries/runtime";
import { deskResponse, jsonResponse, readJsonBody } from "@/server/json-request";
import { localeOf } from "@/lib/queries/cookies";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 4096;

/** Collects an upheld complaint's compensation with the claim key given at filing. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const [{ id }, body] = await Promise.all([params, readJsonBody(request, MAX_BODY_BYTES)]);
  if (!body.ok) return jsonResponse(body.status, { error: body.error });
  return deskResponse(await runtime().complaints.withdraw(id, body.value, localeOf(request)));
}
