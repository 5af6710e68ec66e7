import { deskRoute } from "@/server/field-http";
import { recallBatch } from "@/lib/queries/regulator";

export const dynamic = "force-dynamic";

/** The regulator recalls a batch: `{gtin, lot, reason}`. */
export const POST = deskRoute(recallBatch);
