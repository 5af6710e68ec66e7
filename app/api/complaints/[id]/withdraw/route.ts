import { runtime } from "@/lib/queries/runtime";
import { readJsonBody } from "@/server/json-request";
import { reply } from "@/server/reply";
import { localeOf } from "@/lib/queries/cookies";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 4096;

/** Collects an upheld complaint's compensation with the claim key given at filing. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const [{ id }, body] = await Promise.all([params, readJsonBody(request, MAX_BODY_BYTES)]);
  if (!body.ok) return reply({ status: body.status, body: { error: body.error } });
  return reply(await runtime().complaints.withdraw(id, body.value, localeOf(request)));
}
