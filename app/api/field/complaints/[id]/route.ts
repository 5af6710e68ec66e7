import { fieldAction } from "@/server/field-http";
import { ruleOnComplaint } from "@/lib/queries/field";

export const dynamic = "force-dynamic";

/** An inspector's ruling: `{upheld, reason}`. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  return fieldAction(request, (actor, body, locale) => ruleOnComplaint(actor, id, body, locale));
}
