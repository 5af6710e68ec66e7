import { cookies } from "next/headers";
import { fieldAction } from "@/server/field-http";
import { withId } from "@/server/route";
import { decideTip } from "@/lib/queries/field";
import { currentSession } from "@/lib/queries/session";

export const dynamic = "force-dynamic";

/** An inspector's decision on a tip: `{decision: "confirm" | "dismiss"}`. */
export const POST = withId(async (request, id) => {
  const session = await currentSession(await cookies()).catch(() => null);
  return fieldAction(request, (actor, body, locale) => decideTip(actor, session, id, body, locale));
});
