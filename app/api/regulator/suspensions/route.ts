import { deskRoute } from "@/server/field-http";
import { changeSuspension } from "@/lib/queries/regulator";

export const dynamic = "force-dynamic";

/** The regulator suspends `{action: "suspend", account, reason}` or reinstates `{action: "reinstate", account}`. */
export const POST = deskRoute(changeSuspension);
