import { fieldAction } from "@/server/field-http";
import { finishBatchRegistration } from "@/lib/queries/batch-labels";

export const dynamic = "force-dynamic";

/** `{txHash}` of a batch registration the maker's wallet sent → `{batchId, boxes}` once mined, or the revert in words. */
export function POST(request: Request): Promise<Response> {
  return fieldAction(request, (_party, body, locale) => finishBatchRegistration(body, locale));
}
