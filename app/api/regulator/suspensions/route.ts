import { fieldAction } from "@/server/field-http";
import { changeSuspension } from "@/lib/queries/regulator";

export const dynamic = "force-dynamic";

/** The regulator suspends `{action: "suspend", account, reason}` or reinstates `{action: "reinstate", account}`. */
export function POST(request: Request): Promise<Response> {
  return fieldAction(request, changeSuspension);
}
