import { deskRoute } from "@/server/field-http";
import { changeRole } from "@/lib/queries/regulator";

export const dynamic = "force-dynamic";

/** The regulator grants or revokes a role: `{account, role, action: "grant" | "revoke"}`. */
export const POST = deskRoute(changeRole);
