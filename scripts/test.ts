// `npm test`: every check, fastest first — format, lint, types, unit tests, contract lint, format and
// tests, binding drift, production build, then HTTP and browser tests against a real local chain and
// server started here (and stopped by PID at the end). Ends with one line CI reads: "N passed, M failed".
//
// Then the same HTTP verify and complaint tests off anvil: on Hardhat's node, deployed by the deploy
// command, the server in RPC_URL mode (scripts/lib/hardhat-world.ts), in a process of its own.
//
// `npm test -- unit|contracts|http|e2e|hardhat` runs one group (http, e2e and hardhat still start the
// chain and server);
// words after the group narrow it: `npm test -- e2e verdict.spec.ts` (Playwright's own filters),
// `npm test -- http complaints` (unit or HTTP test files whose path contains a word). A group run alone
// uses the existing build: run `npx next build` first after changing the app.
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { startWorld, type World } from "./lib/world";
import { startHardhatWorld, type HardhatWorld } from "./lib/hardhat-world";

interface Tally {
  passed: number;
  failed: number;
}

const tally: Tally = { passed: 0, failed: 0 };
const failures: string[] = [];
const FORGE = "node_modules/@foundry-rs/forge-linux-amd64/bin/forge";

/** A group that runs longer than this is stopped and counted as failed, so CI never waits forever. */
const GROUP_TIMEOUT_MS = 20 * 60_000;
/** Deploying and seeding takes well under a minute; a start that takes this long is stuck. */
const WORLD_START_TIMEOUT_MS = 5 * 60_000;

function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer | string) => {
      const text = chunk.toString();
      output += text;
      process.stdout.write(text);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    let settled = false;
    const finish = (code: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code, output });
    };
    const timer = setTimeout(() => {
      collect(`\n${command} ${args.join(" ")} ran longer than ${GROUP_TIMEOUT_MS / 60_000} min: stopped.\n`);
      child.kill("SIGKILL");
      finish(1);
    }, GROUP_TIMEOUT_MS);
    child.on("close", (code) => finish(code ?? 1));
    // A process the child left behind may hold its pipes open, and "close" would never come: once the
    // child itself has exited, give its output a moment to drain, then stop listening.
    child.on("exit", (code) =>
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(code ?? 1);
      }, 2000).unref(),
    );
  });
}

/**
 * The failing tests' titles as each runner prints them, repeated in the closing summary: CI shows only
 * the end of a long log, and "e2e: 1 failed" alone does not say which test to look at.
 */
function failedTitles(output: string, pattern: RegExp): string[] {
  return [...new Set([...output.matchAll(pattern)].map((match) => (match[1] ?? "").trim()))];
}

function record(name: string, passed: number, failed: number, titles: string[] = []): void {
  tally.passed += passed;
  tally.failed += failed;
  if (failed > 0) failures.push([`${name}: ${failed} failed`, ...titles.map((t) => `  ${t}`)].join("\n  "));
  console.log(`\n── ${name}: ${passed} passed, ${failed} failed\n`);
}

/** A whole-command check (format, lint, types, build) counts as one test. */
async function step(name: string, command: string, args: string[]): Promise<boolean> {
  console.log(`\n── ${name}: ${command} ${args.join(" ")}`);
  const { code } = await run(command, args);
  record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  return code === 0;
}

function count(output: string, pattern: RegExp): number {
  const match = output.match(pattern);
  return match ? Number(match[1]) : 0;
}

/** node:test prints "# pass N" and "# fail N" at the end. */
async function nodeTests(name: string, files: string[], env: Record<string, string> = {}): Promise<void> {
  if (files.length === 0) return record(name, 0, 0);
  console.log(`\n── ${name}: ${files.length} files`);
  const { code, output } = await run(
    process.execPath,
    ["--import", "tsx", "--test", "--test-concurrency=1", ...files],
    env,
  );
  const passed = count(output, /^# pass (\d+)/m);
  const failed = count(output, /^# fail (\d+)/m) + count(output, /^# cancelled (\d+)/m);
  // node:test prints "not ok 3 - title" for a failing test and again for its suite.
  record(name, passed, failed || (code === 0 ? 0 : 1), failedTitles(output, /^\s*not ok \d+ - (.+)$/gm));
}

function findFiles(dir: string, suffix: string): string[] {
  let found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found = found.concat(findFiles(path, suffix));
    else if (entry.endsWith(suffix)) found.push(path);
  }
  return found.sort();
}

async function contractTests(): Promise<void> {
  console.log("\n── contracts: forge test");
  const { code, output } = await run(FORGE, ["test"]);
  // forge ends with "Ran N test suites …: P tests passed, F failed, S skipped (T total tests)"
  const summary = output.match(/(\d+) tests passed, (\d+) failed, (\d+) skipped/);
  record(
    "contracts",
    summary ? Number(summary[1]) : 0,
    summary ? Number(summary[2]) : code === 0 ? 0 : 1,
    failedTitles(output, /^\[FAIL[^\]]*\] (\S+)/gm),
  );
}

/**
 * A fresh chain and the production server (see world.ts) for the HTTP and browser tests, on a PostgreSQL
 * of its own: the tests read the database (what was logged, what was kept), which PGlite keeps to the
 * server's process. (`npm start`'s PGlite is tested by the store tests and crash.world.test.ts.)
 */
async function withWorld(body: (env: Record<string, string>) => Promise<void>): Promise<void> {
  let world: World | undefined;
  try {
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`not started after ${WORLD_START_TIMEOUT_MS / 60_000} min`)),
        WORLD_START_TIMEOUT_MS,
      );
    });
    world = await Promise.race([startWorld((m) => console.log(m), { database: "postgres" }), stuck]).finally(
      () => clearTimeout(timer),
    );
    await body(world.env);
  } catch (error) {
    record("test world", 0, 1);
    console.error(`Could not start the test chain and server: ${(error as Error).stack}`);
  } finally {
    await world?.stop();
  }
}

/**
 * The HTTP tests that run off anvil too: verification, signing in with a wallet (on a chain whose id is
 * not 31337), then complaints (which change the record), read and written through the app; then the
 * deploy command's own checks.
 */
const OFF_ANVIL_TESTS = [
  ["e2e/http/verify.test.ts"],
  ["e2e/http/siwe.test.ts"],
  ["e2e/http/complaints.mutates.test.ts"],
  ["e2e/off-anvil/deploy.test.ts"],
  ["e2e/off-anvil/desks.test.ts"],
];

/** `npm test -- hardhat`: the off-anvil world, its HTTP tests, and the guard's count of anvil-only calls. */
async function offAnvil(): Promise<void> {
  let world: HardhatWorld | undefined;
  try {
    world = await startHardhatWorld((m) => console.log(m));
    for (const files of OFF_ANVIL_TESTS) await nodeTests("http on Hardhat", narrowed(files), world.env);
    const refused = world.refused();
    // The server's reads went through the guard: otherwise "nothing refused" would prove nothing.
    const guarded = (world.counts().eth_call ?? 0) > 0;
    const clean = refused.length === 0 && guarded;
    record("no anvil_* or evm_* call off anvil", clean ? 1 : 0, clean ? 0 : 1, [
      ...(guarded ? [] : ["the server's reads did not go through the guard"]),
      ...new Set(refused),
    ]);
  } catch (error) {
    record("Hardhat world", 0, 1);
    console.error(`Could not start the Hardhat world: ${(error as Error).stack}`);
  } finally {
    await world?.stop();
  }
}

/** The off-anvil group in a child process: the server there reads its own configuration (RPC_URL). */
async function offAnvilInChild(): Promise<void> {
  console.log("\n── off anvil: tsx scripts/test.ts hardhat");
  const { code, output } = await run(process.execPath, ["--import", "tsx", __filename, "hardhat"]);
  const summary = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)].at(-1);
  const failed = summary ? Number(summary[2]) : 0;
  // Its own "Failures:" list, printed above, names the tests.
  tally.passed += summary ? Number(summary[1]) : 0;
  tally.failed += failed || (code === 0 ? 0 : 1);
  if (failed > 0 || code !== 0) failures.push(`off anvil (npm test -- hardhat): ${failed || 1} failed`);
}

async function playwright(env: Record<string, string>): Promise<void> {
  console.log("\n── e2e: playwright test");
  const { code, output } = await run(
    process.execPath,
    [require.resolve("@playwright/test/cli"), "test", ...narrowing],
    env,
  );
  const passed = count(output, /^\s+(\d+) passed/m);
  const failed = count(output, /^\s+(\d+) failed/m) + count(output, /^\s+(\d+) flaky/m);
  // The list reporter ends with "  1) [project] › e2e/file.spec.ts:12:3 › suite › test" per failure.
  record("e2e", passed, failed || (code === 0 ? 0 : 1), failedTitles(output, /^\s+\d+\) (\[.+?)[\s─]*$/gm));
}

/** Words after the group name: a subset of that group's tests. */
const narrowing = process.argv.slice(3);

function narrowed(files: string[]): string[] {
  return narrowing.length === 0 ? files : files.filter((f) => narrowing.some((word) => f.includes(word)));
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const started = Date.now();
  const all = only === undefined;

  if (all) {
    await step("format", "npx", ["prettier", "--check", "."]);
    await step("lint", "npx", ["eslint", "--max-warnings", "0", "."]);
    await step("types", "npx", ["tsc", "--noEmit", "-p", "."]);
  }
  if (all || only === "unit")
    await nodeTests(
      "unit",
      narrowed(["lib", "server", "scripts", "components"].flatMap((dir) => findFiles(dir, ".test.ts"))),
    );
  if (all || only === "contracts") {
    await step("contracts lint", "npx", ["solhint", "--max-warnings", "0", "contracts/src/**/*.sol"]);
    // forge's own formatter, as Prettier is for the TypeScript: src, test and script per foundry.toml.
    await step("contracts format", FORGE, ["fmt", "--check"]);
    await contractTests();
    await step("bindings up to date", "npx", ["tsx", "scripts/gen-bindings.ts", "--check"]);
  }
  let built = !all;
  // Next would otherwise try to send anonymous usage data on every build.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  if (all) built = await step("build", "npx", ["next", "build"]);
  if (built && (all || only === "http" || only === "e2e")) {
    await withWorld(async (env) => {
      // Tests that change the record (recalls, new batches) run last, after the read-only ones; tests
      // that break the chain (*.world.test.ts) start a world of their own.
      const httpFiles = narrowed(findFiles("e2e/http", ".test.ts"));
      const mutating = httpFiles.filter(
        (f) => f.endsWith(".mutates.test.ts") || f.endsWith(".world.test.ts"),
      );
      const readOnly = httpFiles.filter((f) => !mutating.includes(f));
      if (all || only === "http") await nodeTests("http", readOnly, env);
      if (all || only === "e2e") await playwright(env);
      if (all || only === "http") await nodeTests("http (changing the record)", mutating, env);
    });
  }
  if (built && all) await offAnvilInChild();
  if (only === "hardhat") await offAnvil();

  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (failures.length > 0) console.log(`Failures:\n  ${failures.join("\n  ")}`);
  console.log(`\nAll checks took ${minutes} min.`);
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed > 0 ? 1 : 0);
}

void main();
