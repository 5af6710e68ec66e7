import { deskRoute } from "@/server/field-http";
import { setPriceCap } from "@/lib/queries/regulator";

export const dynamic = "force-dynamic";

/** The regulator sets a price cap: `{category, region, channel, yuanPerPiece, effectiveFrom, legalBasis}`. */
export const POST = deskRoute(setPriceCap);
