// Validation against the GS1-Conformant Resolver standard's JSON schemas (see README.md): the linkset
// schema every linkset a conformant resolver returns must pass, and the description file schema of
// /.well-known/gs1resolver. Compiled with ajv 8 and ajv-formats (`uri`); `strict: false` because GS1's
// schemas use annotations (`name`, `@id`) that ajv's strict mode rejects as unknown keywords.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const read = (name: string) =>
  JSON.parse(readFileSync(join("e2e", "schemas", "gs1", name), "utf8")) as object;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const linkset = ajv.compile(read("linkset-schema.json"));
const description = ajv.compile(read("description-file-schema.json"));

/** GS1's JSON-LD context for linksets, as published. */
export const gs1LinksetContext = (): unknown => read("linkset-context.jsonld");

function errors(validate: typeof linkset, document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);
}

/** Every way `document` breaks GS1's linkset schema, one line each; empty when it validates. */
export const linksetSchemaErrors = (document: unknown): string[] => errors(linkset, document);

/** Every way `document` breaks GS1's resolver description file schema; empty when it validates. */
export const descriptionSchemaErrors = (document: unknown): string[] => errors(description, document);
