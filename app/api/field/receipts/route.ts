import { fieldAction } from "@/server/field-http";
import { finishWalletTx } from "@/lib/queries/field";

export const dynamic = "force-dynamic";

/** `{txHash}` of a field action a browser wallet sent → its answer once mined, or the revert in words. */
export async function POST(request: Request): Promise<Response> {
  return fieldAction(request, (_actor, body, locale) => finishWalletTx(body, locale));
}
