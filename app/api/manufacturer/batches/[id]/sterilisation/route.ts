import { deskRouteById } from "@/server/field-http";
import { recordSterilisation } from "@/lib/queries/backoffice";

export const dynamic = "force-dynamic";

/** The end of sterilisation `{sterilizer, method?, start, end}`: the hold before release starts. */
export const POST = deskRouteById(recordSterilisation);
