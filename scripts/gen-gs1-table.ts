// Writes lib/domain/generated/gs1-ai-table.ts from GS1's Barcode Syntax Dictionary (data/gs1/), the table
// the scan parser checks every Application Identifier against. Run it after replacing the dictionary:
// npx tsx scripts/gen-gs1-table.ts (scripts/gs1-table.test.ts fails while the committed table is stale).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { renderGs1Table, TABLE_FILE } from "./lib/gs1-table";

void renderGs1Table().then((text) => {
  mkdirSync(dirname(TABLE_FILE), { recursive: true });
  writeFileSync(TABLE_FILE, text);
  console.log(`Wrote ${TABLE_FILE}`);
});
