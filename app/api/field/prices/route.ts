import { deskRoute } from "@/server/field-http";
import { recordPrice } from "@/lib/queries/field";

export const dynamic = "force-dynamic";

/** An inspector's price record: `{seller, code, yuanPerPiece, photoHash}` → block, hash, violation. */
export const POST = deskRoute(recordPrice);
