import { fieldAction } from "@/server/field-http";
import { registerLot } from "@/lib/queries/backoffice";

export const dynamic = "force-dynamic";

/** A supplier's meltblown lot `{code, grade, kg, manufacturer?}` → lotId, and its delivery when named. */
export function POST(request: Request): Promise<Response> {
  return fieldAction(request, (actor, body, locale) => registerLot(actor, body, locale));
}
