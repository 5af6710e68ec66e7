import { deskRouteById } from "@/server/field-http";
import { decideShipment } from "@/lib/queries/field";

export const dynamic = "force-dynamic";

/** The recipient's answer: `{decision:"accept"}` or `{decision:"reject", reason}`. */
export const POST = deskRouteById(decideShipment);
