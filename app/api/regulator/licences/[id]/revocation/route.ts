import { deskRouteById } from "@/server/field-http";
import { revokeLicence } from "@/lib/queries/regulator";

export const dynamic = "force-dynamic";

/** The regulator revokes licence `id` from a date on: `{revokedOn, reason}`. */
export const POST = deskRouteById(revokeLicence);
