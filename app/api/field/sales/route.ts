import { fieldAction } from "@/server/field-http";
import { sellBox } from "@/lib/queries/field";

export const dynamic = "force-dynamic";

/** A pharmacy sells a box: `{code}` → decommissioned on chain (block, hash). */
export function POST(request: Request): Promise<Response> {
  return fieldAction(request, (actor, body, locale) => sellBox(actor, body, locale));
}
