import { runtime } from "@/lib/queries/runtime";
import { reply } from "@/server/reply";
import { localeOf } from "@/lib/queries/cookies";

export const dynamic = "force-dynamic";

/** A complaint's status and history. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  return reply(await runtime().complaints.complaint(id, localeOf(request)));
}
