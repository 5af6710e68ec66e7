import { deskRoute } from "@/server/field-http";
import { registerBatch } from "@/lib/queries/backoffice";

export const dynamic = "force-dynamic";

/** A batch `{gtin, lot, produced, expiry, masks, masksPerBox, serialStart, workshop, materials[]}` → batchId. */
export const POST = deskRoute(registerBatch);
