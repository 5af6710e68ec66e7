import { cookies } from "next/headers";
import { runtime } from "@/lib/queries/runtime";
import { MAX_TIP_BODY_BYTES } from "@/lib/queries/tips";
import { tipsForInspector } from "@/lib/queries/tip-queue";
import { clientOf, readJsonBody } from "@/server/json-request";
import { reply } from "@/server/reply";
import { localeOf } from "@/lib/queries/cookies";

export const dynamic = "force-dynamic";

/** Reports a suspected fake (no account, no box secret): see docs/api.md, "Tips about suspected fakes". */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, MAX_TIP_BODY_BYTES);
  if (!body.ok) return reply({ status: body.status, body: { error: body.error } });
  return reply(await runtime().tips.file(body.value, clientOf(request), localeOf(request)));
}

/** The open tips, newest first: for an account holding the inspector role only. */
export async function GET(request: Request): Promise<Response> {
  return reply(await tipsForInspector(await cookies(), localeOf(request)));
}
