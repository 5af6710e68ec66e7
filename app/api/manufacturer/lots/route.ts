import { deskRoute } from "@/server/field-http";
import { registerLot } from "@/lib/queries/backoffice";

export const dynamic = "force-dynamic";

/** A supplier's meltblown lot `{code, grade, kg, manufacturer?}` → lotId, and its delivery when named. */
export const POST = deskRoute(registerLot);
