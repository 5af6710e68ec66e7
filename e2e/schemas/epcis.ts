// Validation against GS1's EPCIS 2.0 JSON schema (epcis-json-schema.json beside this file; see README.md
// here for its source). The schema is JSON Schema draft-07, ajv's default draft; `strict: false` because
// the standard's schema uses keywords in places ajv's strict mode objects to, and it is used as published.
import Ajv from "ajv";
import addFormats from "ajv-formats";
import schema from "./epcis-json-schema.json";

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Every way `document` breaks the EPCIS 2.0 schema, one line each; empty when it validates. */
export function epcisSchemaErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);
}
