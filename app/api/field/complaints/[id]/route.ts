import { deskRouteById } from "@/server/field-http";
import { ruleOnComplaint } from "@/lib/queries/field";

export const dynamic = "force-dynamic";

/** An inspector's ruling: `{upheld, reason}`. */
export const POST = deskRouteById(ruleOnComplaint);
