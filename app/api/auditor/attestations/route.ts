import { deskRoute } from "@/server/field-http";
import { attestWorkshop } from "@/lib/queries/backoffice";

export const dynamic = "force-dynamic";

/** A workshop attestation: readings, staff health checks and training, validity → attestationId. */
export const POST = deskRoute(attestWorkshop);
