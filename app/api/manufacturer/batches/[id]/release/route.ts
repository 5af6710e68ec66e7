import { deskRouteById } from "@/server/field-http";
import { releaseBatch } from "@/lib/queries/backoffice";

export const dynamic = "force-dynamic";

/** Release for sale `{}`: 409 HoldNotElapsed (with the earliest date), TestsNotPassed, NotSterilised … */
export const POST = deskRouteById(releaseBatch);
