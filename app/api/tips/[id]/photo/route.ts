import { cookies } from "next/headers";
import { tipPhotoForInspector } from "@/lib/queries/tip-queue";
import { photoReply, reply } from "@/server/reply";
import { withId } from "@/server/route";
import { localeOf } from "@/lib/queries/cookies";

export const dynamic = "force-dynamic";

/** A tip's photo, for an inspector only: tips are not public. */
export const GET = withId(async (request, id) => {
  const outcome = await tipPhotoForInspector(await cookies(), id, localeOf(request));
  if (outcome.status !== 200) return reply(outcome);
  return photoReply(outcome.photo, "private, no-store");
});
