import { runtime } from "@/lib/queries/runtime";
import { reply } from "@/server/reply";
import { withId } from "@/server/route";
import { localeOf } from "@/lib/queries/cookies";

export const dynamic = "force-dynamic";

/** A complaint's status and history. */
export const GET = withId(async (request, id) =>
  reply(await runtime().complaints.complaint(id, localeOf(request))),
);
