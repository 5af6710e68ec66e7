import { fieldAction } from "@/server/field-http";
import { revokeLicence } from "@/lib/queries/regulator";

export const dynamic = "force-dynamic";

/** The regulator revokes licence `id` from a date on: `{revokedOn, reason}`. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  return fieldAction(request, (actor, body, locale) => revokeLicence(actor, id, body, locale));
}
