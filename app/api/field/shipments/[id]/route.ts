import { fieldAction } from "@/server/field-http";
import { decideShipment } from "@/lib/queries/field";

export const dynamic = "force-dynamic";

/** The recipient's answer: `{decision:"accept"}` or `{decision:"reject", reason}`. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  return fieldAction(request, (actor, body, locale) => decideShipment(actor, id, body, locale));
}
