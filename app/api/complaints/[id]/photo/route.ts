import { runtime } from "@/lib/queries/runtime";
import { reply } from "@/server/reply";
import { localeOf } from "@/lib/queries/cookies";

export const dynamic = "force-dynamic";

/**
 * The photo filed with a complaint, so its page can show it. Served only as the image type it was
 * checked to be when filed, never sniffed; it cannot change (its hash is in the on-chain evidence hash),
 * so a browser may keep it.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  const locale = localeOf(request);
  const outcome = await runtime().complaints.photo(id, locale);
  if (outcome.status !== 200) return reply(outcome, { locale });
  return new Response(new Uint8Array(outcome.photo.bytes), {
    headers: {
      "content-type": `image/${outcome.photo.type}`,
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
