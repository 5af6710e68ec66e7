// What keeps MedProof on any EVM chain, checked in the source: an anvil-only JSON-RPC method (anvil_*,
// evm_*) is named only in modules that serve the embedded chain or stand in for it in tests, and every
// log read goes through the paged reader (lib/chain/logs.ts), whose pages are LOG_PAGE_BLOCKS long.
// `npm test -- hardhat` proves the same at run time: a guard in front of Hardhat's node refuses and
// counts any anvil-only call the server or the CLI makes (scripts/lib/hardhat-world.ts).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** The folders of code that runs (the app, the server, the libraries, the commands); tests excluded. */
const SOURCE_DIRS = ["app", "components", "lib", "server", "scripts"];

/** Where an anvil-only method may be named, and why that is not the path of any other chain. */
const EMBEDDED_ONLY: Record<string, string> = {
  "lib/chain/durability.ts": "the embedded chain's state dump; the runtime makes one only without RPC_URL",
  "scripts/demo/seed.ts": "the demo history on the local chain (dated blocks); demo keys only on 31337",
  "scripts/lib/embedded.ts": "starts the embedded chain (anvil) for npm start and the tests",
  "scripts/lib/hardhat-world.ts":
    "the off-anvil test's own seeding, sent to Hardhat directly, not via the app",
  "scripts/bench.ts": "benchmarks run on the embedded chain, whose clock they move",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [path] : [];
  });
}

/** A method name in a string: what a JSON-RPC call sends (comments that mention one do not count). */
const ANVIL_METHOD = /["'`]((?:anvil|evm)_[A-Za-z]+)/g;

/** Files that name an anvil-only method, outside `allowed`. */
function anvilOnlyOutside(files: string[], allowed: Record<string, string>): string[] {
  return files.flatMap((file) => {
    if (file in allowed) return [];
    const names = [...readFileSync(file, "utf8").matchAll(ANVIL_METHOD)].map((match) => match[1]);
    return names.length > 0 ? [`${file}: ${[...new Set(names)].join(", ")}`] : [];
  });
}

const files = SOURCE_DIRS.flatMap(sourceFiles);

describe("the path of any EVM chain", () => {
  it("names anvil_* and evm_* methods only in embedded-only modules", () => {
    assert.deepEqual(anvilOnlyOutside(files, EMBEDDED_ONLY), []);
  });

  it("keeps every listed module real: an entry for a file that names none is stale", () => {
    for (const file of Object.keys(EMBEDDED_ONLY)) {
      assert.ok(anvilOnlyOutside([file], {}).length > 0, `${file} names no anvil-only method: drop it`);
    }
  });

  it("reads logs only through the paged reader (eth_getLogs in pages of LOG_PAGE_BLOCKS)", () => {
    const direct = files.filter(
      (file) =>
        file !== join("lib", "chain", "logs.ts") &&
        /\.getLogs\(|queryFilter\(|"eth_getLogs"/.test(readFileSync(file, "utf8")),
    );
    assert.deepEqual(direct, []);
  });
});
