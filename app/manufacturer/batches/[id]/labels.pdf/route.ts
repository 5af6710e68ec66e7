import { localeOf } from "@/lib/queries/cookies";
import { reply } from "@/server/reply";
import { labelSheet } from "@/lib/queries/label-sheet";
import { deskActor } from "@/lib/queries/session";

export const dynamic = "force-dynamic";

/** The batch's labels as a print-ready A4 PDF (`?from=<serial>&count=<n>` for a range), for its maker. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const sheet = await labelSheet(
    deskActor(request.headers.get("cookie")),
    id,
    new URL(request.url).searchParams,
    localeOf(request),
    // Aborts when the client disconnects: its sheet is abandoned and its place in the queue freed.
    request.signal,
  );
  if (sheet.status === 499) return new Response(null, { status: 499 });
  if (sheet.status !== 200)
    return reply({
      status: sheet.status,
      body: sheet.body,
      retryAfter: "retryAfterSeconds" in sheet ? sheet.retryAfterSeconds : undefined,
    });
  return new Response(Buffer.from(sheet.pdf), {
    status: 200,
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${sheet.filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
