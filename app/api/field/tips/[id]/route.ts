import { cookies } from "next/headers";
import { fieldAction } from "@/server/field-http";
import { decideTip } from "@/lib/queries/field";
import { currentSession } from "@/lib/queries/session";

export const dynamic = "force-dynamic";

/** An inspector's decision on a tip: `{decision: "confirm" | "dismiss"}`. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  const session = await currentSession(await cookies()).catch(() => null);
  return fieldAction(request, (actor, body, locale) => decideTip(actor, session, id, body, locale));
}
