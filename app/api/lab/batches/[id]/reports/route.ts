import { fieldAction } from "@/server/field-http";
import { postTestReport } from "@/lib/queries/backoffice";

export const dynamic = "force-dynamic";

/** A lab's report `{results: [{metric, value}], retest?, complaintId?}` (fixed-point values) → reportIndex. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return fieldAction(request, (actor, body, locale) => postTestReport(actor, id, body, locale));
}
