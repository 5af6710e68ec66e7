// The demo scenarios written at seed time (public/demo/scenarios.json), listed on the home page when
// the app runs on the local demo chain. Absent elsewhere: an empty list.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { env } from "../env";

export interface DemoScenario {
  id: string;
  title: string;
  expect: string;
  verdict: string;
  code: string;
}

export function demoScenarios(): DemoScenario[] {
  const file = join(process.cwd(), "public", "demo", "scenarios.json");
  if (!env().embedded || !existsSync(file)) return [];
  try {
    return JSON.parse(readFileSync(file, "utf8")) as DemoScenario[];
  } catch {
    return [];
  }
}

/** The path part of a Digital Link, so links stay on whatever host serves the app. */
export function localPath(digitalLink: string): string {
  const url = new URL(digitalLink);
  return url.pathname + url.search;
}
