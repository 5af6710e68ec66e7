import { runtime } from "@/lib/queries/runtime";
import { EPCIS_MEDIA_TYPE, readEpcisDocument } from "@/lib/queries/epcis";
import { reply } from "@/server/reply";

export const dynamic = "force-dynamic";

/** A batch's events as an EPCIS 2.0 JSON-LD document: see docs/api.md, "EPCIS 2.0 and the Digital Link resolver". */
export async function GET(request: Request): Promise<Response> {
  const services = runtime();
  const outcome = await readEpcisDocument(services.reader, new URL(request.url).searchParams, {
    origin: services.digitalLinkBase,
    now: Math.floor(Date.now() / 1000),
  });
  return reply(outcome, outcome.status === 200 ? { contentType: EPCIS_MEDIA_TYPE } : {});
}
