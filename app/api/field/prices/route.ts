import { fieldAction } from "@/server/field-http";
import { recordPrice } from "@/lib/queries/field";

export const dynamic = "force-dynamic";

/** An inspector's price record: `{seller, code, yuanPerPiece, photoHash}` → block, hash, violation. */
export function POST(request: Request): Promise<Response> {
  return fieldAction(request, (actor, body, locale) => recordPrice(actor, body, locale));
}
