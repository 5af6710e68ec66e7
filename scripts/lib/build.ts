// `next build` when there is no build or a source is newer than it.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const SOURCES = ["app", "components", "server", "lib", "public", "next.config.js", "package-lock.json"];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    // Demo files are written at seed time and served outside Next; tests are not part of the build.
    if (entry === "demo" || entry.startsWith(".") || entry.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function buildIfNeeded(log: (message: string) => void = console.log): void {
  const buildId = join(".next", "BUILD_ID");
  const newestSource = Math.max(...SOURCES.filter(existsSync).map(newestMtime));
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSource) return;
  log("Building the web app (next build)…");
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    stdio: "inherit",
    // Next would otherwise try to send anonymous usage data on every build.
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
  });
  if (result.status !== 0) throw new Error("next build failed");
}
