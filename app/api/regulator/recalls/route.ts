import { fieldAction } from "@/server/field-http";
import { recallBatch } from "@/lib/queries/regulator";

export const dynamic = "force-dynamic";

/** The regulator recalls a batch: `{gtin, lot, reason}`. */
export function POST(request: Request): Promise<Response> {
  return fieldAction(request, recallBatch);
}
