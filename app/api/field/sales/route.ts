import { deskRoute } from "@/server/field-http";
import { sellBox } from "@/lib/queries/field";

export const dynamic = "force-dynamic";

/** A pharmacy sells a box: `{code}` → decommissioned on chain (block, hash). */
export const POST = deskRoute(sellBox);
