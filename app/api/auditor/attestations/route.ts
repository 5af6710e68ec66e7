import { fieldAction } from "@/server/field-http";
import { attestWorkshop } from "@/lib/queries/backoffice";

export const dynamic = "force-dynamic";

/** A workshop attestation: readings, staff health checks and training, validity → attestationId. */
export function POST(request: Request): Promise<Response> {
  return fieldAction(request, (actor, body, locale) => attestWorkshop(actor, body, locale));
}
