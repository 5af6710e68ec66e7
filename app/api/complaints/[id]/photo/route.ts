import { runtime } from "@/lib/queries/runtime";
import { photoReply, reply } from "@/server/reply";
import { withId } from "@/server/route";
import { localeOf } from "@/lib/queries/cookies";

export const dynamic = "force-dynamic";

/**
 * The photo filed with a complaint, so its page can show it. It cannot change (its hash is in the
 * on-chain evidence hash), so a browser may keep it.
 */
export const GET = withId(async (request, id) => {
  const locale = localeOf(request);
  const outcome = await runtime().complaints.photo(id, locale);
  if (outcome.status !== 200) return reply(outcome, { locale });
  return photoReply(outcome.photo, "public, max-age=31536000, immutable");
});
