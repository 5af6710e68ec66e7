// GET /api/epcis?gtin=<GTIN>&lot=<lot>[&serial=<serial>]: a batch's events as an EPCIS 2.0 JSON-LD
// document (see lib/domain/epcis.ts), read from the chain in one eth_call like a verification. Every
// refusal is a named 4xx; a chain that does not answer is a 503, never a 500.
import { checkGs1Fields } from "../domain/gs1";
import { buildEpcisDocument, type EpcisDocument } from "../domain/epcis";
import type { BoxReader } from "../chain/reader";
import { CHAIN_UNAVAILABLE } from "./chain-unavailable";

export const EPCIS_MEDIA_TYPE = "application/ld+json";

type Parameter = "gtin" | "lot" | "serial";

export interface EpcisError {
  code: "invalid_code" | "batch_not_found" | "chain_unavailable";
  message: string;
  /** The query parameter the error is about. */
  field?: Parameter;
  /** For invalid_code: why, as the GS1 parser names it (bad_check_digit, bad_characters …). */
  reason?: string;
}

export type EpcisOutcome =
  | { status: 200; body: EpcisDocument }
  | { status: 400 | 404 | 503; body: { error: EpcisError }; cause?: unknown };

const REQUIRED: Record<Parameter, boolean> = { gtin: true, lot: true, serial: false };

function invalid(field: Parameter, reason: string, message: string): EpcisOutcome {
  return { status: 400, body: { error: { code: "invalid_code", field, reason, message } } };
}

/** The one value of each parameter, or the refusal: missing when required, or given twice. */
function parameters(query: URLSearchParams): Record<Parameter, string | null> | EpcisOutcome {
  const values: Record<Parameter, string | null> = { gtin: null, lot: null, serial: null };
  for (const name of Object.keys(REQUIRED) as Parameter[]) {
    const given = query.getAll(name);
    if (given.length > 1) return invalid(name, "duplicate_ai", `Give ${name} once.`);
    const value = given[0] ?? null;
    if (value === null && REQUIRED[name]) {
      return invalid(
        name,
        "empty",
        `Give the batch as /api/epcis?gtin=<GTIN>&lot=<lot>: ${name} is missing.`,
      );
    }
    values[name] = value;
  }
  return values;
}

export async function readEpcisDocument(
  reader: BoxReader,
  query: URLSearchParams,
  context: { origin: string; now: number },
): Promise<EpcisOutcome> {
  const given = parameters(query);
  if ("status" in given) return given;
  const checked = checkGs1Fields({ gtin: given.gtin ?? "", lot: given.lot, serial: given.serial });
  if (!checked.ok) {
    const field = ({ "10": "lot", "21": "serial" } as const)[checked.error.ai ?? ""] ?? "gtin";
    return invalid(field, checked.error.code, checked.error.message);
  }
  const { gtin, lot, serial } = checked.fields;
  try {
    const record = await reader.read({ gtin, lot, serial });
    const document = buildEpcisDocument(record, {
      gtin,
      serial,
      origin: context.origin,
      createdAt: context.now,
    });
    if (document === null) {
      return {
        status: 404,
        body: {
          error: {
            code: "batch_not_found",
            message: `No batch ${lot ?? ""} of product ${gtin} is on the record.`,
          },
        },
      };
    }
    return { status: 200, body: document };
  } catch (error) {
    // A bug must not surface as a 500 with a stack: the detail goes to the server log (server/reply.ts).
    return { status: 503, body: { error: CHAIN_UNAVAILABLE }, cause: error };
  }
}
