import { readJsonBody } from "@/server/json-request";
import { reply } from "@/server/reply";
import { localeOf } from "@/lib/queries/cookies";
import { MAX_LIST_BYTES, publishPossessionList } from "@/lib/queries/batch-labels";

export const dynamic = "force-dynamic";

/**
 * Publishes a batch's possession list `{serialStart, leaves}`: stored only when its root is the batch's
 * on-chain possession root (409 possession_root_mismatch otherwise). No sign-in: only the maker's list passes.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const body = await readJsonBody(request, MAX_LIST_BYTES);
  if (!body.ok) return reply({ status: body.status, body: { error: body.error } });
  return reply(await publishPossessionList(id, body.value, localeOf(request)));
}
