import { fieldAction } from "@/server/field-http";
import { registerBatch } from "@/lib/queries/backoffice";

export const dynamic = "force-dynamic";

/** A batch `{gtin, lot, produced, expiry, masks, masksPerBox, serialStart, workshop, materials[]}` → batchId. */
export function POST(request: Request): Promise<Response> {
  return fieldAction(request, (actor, body, locale) => registerBatch(actor, body, locale));
}
