// BENCHMARKS.md is written by more than one script (`npm run bench` writes the table at the top, the
// soak its own section) and holds hand-written sections (gas changes, before/after notes): each script
// replaces only its own part.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync as writeRaw } from "node:fs";

const FILE = "BENCHMARKS.md";

/** Written as Prettier would (its tables aligned), so `npm test`'s format check passes after a run. */
function writeFileSync(file: string, text: string): void {
  writeRaw(file, text);
  spawnSync(process.execPath, [require.resolve("prettier/bin/prettier.cjs"), "--write", file], {
    stdio: "ignore",
  });
}

/** Replaces the text before the first "## " heading (the generated table), keeping every section. */
export function writeBenchmarksHead(head: string): void {
  const current = existsSync(FILE) ? readFileSync(FILE, "utf8") : "";
  const firstSection = current.search(/^## /m);
  const sections = firstSection === -1 ? "" : current.slice(firstSection);
  writeFileSync(FILE, `${head.trimEnd()}\n\n${sections}`.trimEnd() + "\n");
}

/** Replaces (or appends) the section under `## <title>`, up to the next "## " heading. */
export function writeBenchmarksSection(title: string, body: string): void {
  const current = existsSync(FILE) ? readFileSync(FILE, "utf8") : "# Benchmarks\n";
  const heading = `## ${title}`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = current.indexOf(`${heading}\n`);
  if (start === -1) {
    writeFileSync(FILE, `${current.trimEnd()}\n\n${section}`);
    return;
  }
  const next = current.slice(start + heading.length).search(/^## /m);
  const end = next === -1 ? current.length : start + heading.length + next;
  writeFileSync(FILE, `${current.slice(0, start)}${section}${next === -1 ? "" : `\n${current.slice(end)}`}`);
}
