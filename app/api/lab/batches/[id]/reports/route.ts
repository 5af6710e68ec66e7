import { deskRouteById } from "@/server/field-http";
import { postTestReport } from "@/lib/queries/backoffice";

export const dynamic = "force-dynamic";

/** A lab's report `{results: [{metric, value}], retest?, complaintId?}` (fixed-point values) → reportIndex. */
export const POST = deskRouteById(postTestReport);
