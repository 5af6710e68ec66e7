import { fieldAction } from "@/server/field-http";
import { releaseBatch } from "@/lib/queries/backoffice";

export const dynamic = "force-dynamic";

/** Release for sale `{}`: 409 HoldNotElapsed (with the earliest date), TestsNotPassed, NotSterilised … */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return fieldAction(request, (actor, body, locale) => releaseBatch(actor, id, body, locale));
}
