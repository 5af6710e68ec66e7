// The parser's AI table is generated from GS1's Barcode Syntax Dictionary: regenerating it must give the
// committed file byte for byte, so the table can never drift from the dictionary copy beside it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DICTIONARY_FILE, readDictionary, renderGs1Table, TABLE_FILE } from "./lib/gs1-table";

const ROOT = join(__dirname, "..");

describe("the GS1 AI table", () => {
  it("is what scripts/gen-gs1-table.ts makes of the dictionary", async () => {
    const committed = readFileSync(join(ROOT, TABLE_FILE), "utf8");
    assert.equal(committed, await renderGs1Table(), "stale table: run npx tsx scripts/gen-gs1-table.ts");
  });

  it("reads every entry of the dictionary, ranges and optional components included", () => {
    const text = readFileSync(join(ROOT, DICTIONARY_FILE), "utf8");
    const lines = text.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("#"));
    const entries = readDictionary(text);
    assert.equal(entries.length, lines.length);
    const net = entries.find((entry) => entry.ai === "3100");
    assert.equal(net?.last, "3105");
    assert.equal(net?.fixedLength, true);
    const gdti = entries.find((entry) => entry.ai === "253");
    assert.deepEqual(
      gdti?.components.map((c) => [c.set, c.min, c.max, c.optional, c.linters.join()]),
      [
        ["N", 13, 13, false, "csum,gcppos1"],
        ["X", 1, 17, true, ""],
      ],
    );
    assert.deepEqual(entries.find((entry) => entry.ai === "01")?.dlpkey, [["22", "10", "21"], ["235"]]);
  });
});
