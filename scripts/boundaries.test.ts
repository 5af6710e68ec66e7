// The house's boundaries, as ESLint enforces them (eslint.config.mjs): an import that crosses a layer
// the wrong way, or production code (app, components, server, lib) reaching for the demo module
// (scripts/demo), fails the lint; its starters and tests may. And the desks share one form kit.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";

const eslint = new ESLint({ cwd: process.cwd() });

/** The no-restricted-imports messages for `code` as if it were the file at `filePath`. */
async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const refused = async (filePath: string, code: string) =>
  assert.notDeepEqual(await refusals(filePath, code), [], `${filePath} should refuse: ${code}`);
const allowed = async (filePath: string, code: string) =>
  assert.deepEqual(await refusals(filePath, code), [], `${filePath} should allow: ${code}`);

describe("import boundaries", () => {
  it("components and app never import lib/chain", async () => {
    await refused("components/verdict/New.tsx", 'export { BoxReader } from "@/lib/chain/reader";\n');
    await refused("app/new/page.tsx", 'export { BoxReader } from "@/lib/chain/reader";\n');
    await allowed("app/new/page.tsx", 'export { runtime } from "@/lib/queries/runtime";\n');
  });

  it("production code never imports the demo module: no file of app, components, server or lib", async () => {
    const world = 'export { PARTIES } from "../../scripts/demo/world";\n';
    // The files that imported it before the demo became a plug-in are held to the rule like any other.
    for (const file of ["lib/queries/session.ts", "lib/queries/backoffice.ts", "lib/queries/field.ts"])
      await refused(file, world);
    await refused("server/field-http.ts", 'export { PARTIES } from "../scripts/demo/world";\n');
    await refused("lib/chain/labels.ts", 'export { demoSerialSigner } from "../../scripts/demo/accounts";\n');
    await refused("lib/chain/relay.ts", 'export { demo } from "../../scripts/demo/plugin";\n');
    await refused("lib/domain/new.ts", world);
    await refused("lib/env.ts", 'export { demo } from "../scripts/demo/plugin";\n');
    await refused("components/new.tsx", 'export { PARTIES } from "@/scripts/demo/world";\n');
    await refused("app/new/page.tsx", 'export { demo } from "@/scripts/demo/plugin";\n');
    await refused("lib/stores/new.ts", 'export { demoWallet } from "../../scripts/demo/accounts";\n');
    // The interface is production's own; the starters and tests may install the demo.
    await allowed("lib/queries/session.ts", 'export { demoPlugin } from "../chain/demo-plugin";\n');
    await allowed("lib/queries/new.test.ts", world);
    await allowed("scripts/start.ts", 'export { installDemo } from "./demo/plugin";\n');
    await allowed("e2e/new.spec.ts", 'export { PARTIES } from "../scripts/demo/world";\n');
  });

  it("the server sits above the read models, and stores import no read model", async () => {
    await refused("lib/queries/new.ts", 'export { reply } from "@/server/reply";\n');
    await refused("server/new.ts", 'export { Field } from "@/components/forms/fields";\n');
    await refused("lib/stores/new.ts", 'export { Verifier } from "../queries/verify";\n');
    await allowed("lib/queries/new.ts", 'export { DbScanStore } from "../stores/scan-store";\n');
    await allowed("server/new.ts", 'export { runtime } from "../lib/queries/runtime";\n');
  });
});

describe("the desks' form kit", () => {
  it("is one file, components/forms/fields.tsx", () => {
    const kits = readdirSync("components", { recursive: true, encoding: "utf8" }).filter((path) =>
      path.endsWith("fields.tsx"),
    );
    assert.deepEqual(kits, [join("forms", "fields.tsx")]);
  });
});
