import { fieldAction } from "@/server/field-http";
import { recordSterilisation } from "@/lib/queries/backoffice";

export const dynamic = "force-dynamic";

/** The end of sterilisation `{sterilizer, method?, start, end}`: the hold before release starts. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return fieldAction(request, (actor, body, locale) => recordSterilisation(actor, id, body, locale));
}
