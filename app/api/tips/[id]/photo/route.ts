import { cookies } from "next/headers";
import { tipPhotoForInspector } from "@/lib/queries/tip-queue";
import { reply } from "@/server/reply";
import { localeOf } from "@/lib/queries/cookies";

export const dynamic = "force-dynamic";

/** A tip's photo, for an inspector only: tips are not public. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  const outcome = await tipPhotoForInspector(await cookies(), id, localeOf(request));
  if (outcome.status !== 200) return reply(outcome);
  return new Response(new Uint8Array(outcome.photo.bytes), {
    headers: {
      "content-type": `image/${outcome.photo.type}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
