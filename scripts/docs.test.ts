// The README is the front door and docs/ holds the reference: the README stays short, every link and
// picture in the docs reaches a file and a heading that exist, and a code comment that cites the docs
// ("see docs/api.md, "Complaints"") names a section that is really there. Moving or renaming a heading
// fails here instead of leaving a reader at a dead link.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

const ROOT = join(__dirname, "..");
const README_MAX_LINES = 150;
const IMAGE_MAX_BYTES = 150 * 1024;
const DOCS = [
  "README.md",
  "contracts/README.md",
  ...readdirSync(join(ROOT, "docs")).map((f) => `docs/${f}`),
].filter((f) => f.endsWith(".md"));
/** Where code comments live; folders a branch does not have yet are skipped. */
const SOURCE_DIRS = ["app", "components", "lib", "server", "scripts", "e2e", "bench", "public", "contracts"];
const SOURCE_EXTENSIONS = [".ts", ".tsx", ".js", ".mjs", ".cjs", ".sol", ".sh"];
const SKIPPED_DIRS = new Set(["node_modules", "generated", "out", "cache", ".fixtures"]);

function read(file: string): string {
  return readFileSync(join(ROOT, file), "utf8");
}

/** Markdown without its fenced code blocks, where a "#" is a shell comment, not a heading. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, "");
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The first capture group of every match. */
function captured(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => m[1] ?? "");
}

function headings(file: string): string[] {
  return captured(prose(read(file)), /^#{1,6} (.+)$/gm).map((heading) => heading.trim());
}

function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((entry) => {
    if (SKIPPED_DIRS.has(entry)) return [];
    const path = join(dir, entry);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return SOURCE_EXTENSIONS.some((ext) => entry.endsWith(ext)) ? [path] : [];
  });
}

describe("the README and docs/", () => {
  it(`keeps the README a front door of at most ${README_MAX_LINES} lines`, () => {
    const lines = read("README.md").trimEnd().split("\n").length;
    assert.ok(lines <= README_MAX_LINES, `README.md has ${lines} lines; move reference material to docs/`);
  });

  it("links only to files and headings that exist, and keeps its pictures small", () => {
    const broken: string[] = [];
    for (const file of DOCS) {
      const text = prose(read(file));
      const targets = [...captured(text, /\]\(([^)\s]+)\)/g), ...captured(text, /<img [^>]*src="([^"]+)"/g)];
      for (const target of targets) {
        if (/^[a-z]+:/.test(target)) continue; // an address on the web
        const [path = "", anchor] = target.split("#");
        const linked = path === "" ? file : normalize(join(dirname(file), path));
        if (!existsSync(join(ROOT, linked))) {
          broken.push(`${file} → ${target}: no such file`);
          continue;
        }
        if (anchor !== undefined && !headings(linked).map(slug).includes(anchor))
          broken.push(`${file} → ${target}: no such heading in ${linked}`);
        if (/\.(png|jpe?g|webp)$/.test(linked) && statSync(join(ROOT, linked)).size > IMAGE_MAX_BYTES)
          broken.push(`${file} → ${target}: larger than ${IMAGE_MAX_BYTES / 1024} KB`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it("is what code comments cite: each cited section exists, and nothing cites the absent DESIGN.md", () => {
    const wrong: string[] = [];
    for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
      if (file === "scripts/docs.test.ts") continue;
      const text = read(file);
      if (text.includes("DESIGN.md"))
        wrong.push(`${file}: cites DESIGN.md, which the repository does not have`);
      for (const m of text.matchAll(
        /(docs\/[\w-]+\.md|contracts\/README\.md|README(?:\.md)?),? "([^"]+)"/g,
      )) {
        const [, cited = "", section = ""] = m;
        const doc = cited === "README" ? "README.md" : cited;
        if (!existsSync(join(ROOT, doc))) wrong.push(`${file}: cites ${doc}, which does not exist`);
        else if (!headings(doc).includes(section))
          wrong.push(`${file}: cites "${section}", not a heading of ${doc}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});
