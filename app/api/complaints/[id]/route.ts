import { runtime } from "@/lib/queries/runtime";
import { deskResponse } from "@/server/json-request";
import { localeOf } from "@/lib/queries/cookies";

export const dynamic = "force-dynamic";

/** A complaint's status and history. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  return deskResponse(await runtime().complaints.complaint(id, localeOf(request)));
}
