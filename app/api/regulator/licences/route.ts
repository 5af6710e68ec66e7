import { fieldAction } from "@/server/field-http";
import { grantLicence } from "@/lib/queries/regulator";

export const dynamic = "force-dynamic";

/** The regulator grants a licence: `{kind, holder, number, categories, validFrom, validUntil}`. */
export function POST(request: Request): Promise<Response> {
  return fieldAction(request, grantLicence);
}
