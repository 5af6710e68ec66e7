import { fieldReply } from "@/server/field-http";
import { registerBatch } from "@/lib/queries/backoffice";

export const dynamic = "force-dynamic";

/** A batch `{gtin, lot, produced, expiry, masks, masksPerBox, serialStart, workshop, materials[]}` → batchId. */
export function POST(request: Request): Promise<Response> {
  return fieldReply(request, (party, body, locale) => registerBatch(party, body, locale));
}
