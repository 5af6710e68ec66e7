import { fieldAction } from "@/server/field-http";
import { setPriceCap } from "@/lib/queries/regulator";

export const dynamic = "force-dynamic";

/** The regulator sets a price cap: `{category, region, channel, yuanPerPiece, effectiveFrom, legalBasis}`. */
export function POST(request: Request): Promise<Response> {
  return fieldAction(request, setPriceCap);
}
