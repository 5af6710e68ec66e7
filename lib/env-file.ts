// A .env file (NAME=value lines) read into process.env by the entry points (server/main.ts,
// scripts/start.ts) before lib/env.ts parses the configuration. Apart from lib/env.ts so that Next's
// build, which traces every file access of the modules its routes import, never sees a path read here.
import { existsSync } from "node:fs";

/** Reads `path` into process.env, a variable already set in the real environment winning; false without a file. */
export function loadEnvFile(path = ".env"): boolean {
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}
