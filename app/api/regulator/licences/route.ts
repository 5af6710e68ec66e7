import { deskRoute } from "@/server/field-http";
import { grantLicence } from "@/lib/queries/regulator";

export const dynamic = "force-dynamic";

/** The regulator grants a licence: `{kind, holder, number, categories, validFrom, validUntil}`. */
export const POST = deskRoute(grantLicence);
