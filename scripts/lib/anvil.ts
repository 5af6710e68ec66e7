// Starts and stops the local chain (anvil). The binary is run directly: the npm wrapper is a Node
// process, and killing it would leave anvil running.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { waitForRpc } from "../../lib/chain/provider";
import { readWholeState, replaceDurably, stateFilesOf, type StateFiles } from "../../lib/chain/durable-state";
import { portInUse } from "./ports";

const require = createRequire(import.meta.url);

export function anvilBinary(): string {
  const pkg = require.resolve("@foundry-rs/anvil-linux-amd64/package.json");
  const bin = join(dirname(pkg), "bin", "anvil");
  if (!existsSync(bin)) throw new Error(`anvil not found at ${bin}: run npm install`);
  return bin;
}

export interface AnvilOptions {
  port: number;
  /**
   * Persist the chain here: written by anvil every second and on SIGTERM/SIGINT, copied whole beside it,
   * restored on start (see lib/chain/durable-state.ts).
   */
  stateFile?: string;
  /** Genesis timestamp for a new chain, so demo history can be written at its real dates. */
  genesisTimestamp?: number;
  /** Extra funded accounts (the demo has eleven parties). */
  accounts?: number;
}

export interface AnvilHandle {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Before anvil loads its state file: the newer whole one of it and its spare copy (durable-state.ts).
 * The spare is newer when replies were confirmed since anvil's last write, or when a crash cut that
 * write short.
 */
async function loadNewestState(files: StateFiles): Promise<void> {
  if (!existsSync(files.state) && !existsSync(files.spare)) return;
  const state = readWholeState(files.state);
  const spare = readWholeState(files.spare);
  if (spare === null && state === null) {
    throw new Error(
      `The chain's state file ${files.state} was cut short by a crash and there is no whole copy: delete its folder to start a new demo chain.`,
    );
  }
  if (spare === null || (state !== null && state.block >= spare.block)) return;
  console.error(
    state === null
      ? `The chain's state file was cut short by a crash: starting from its spare copy (block ${spare.block}).`
      : `The chain's state file is at block ${state.block}, its spare copy at block ${spare.block}: starting from the copy.`,
  );
  await replaceDurably(files.state, spare.text);
}

/** How often the copier looks for a new write of anvil's (once a second): well before the next one. */
const COPY_POLL_MS = 100;

/**
 * Copies each whole write of anvil's to the spare, so a crash in the middle of the next write falls back
 * to the state it is replacing. Returns the function that stops it, which waits for a copy in flight: one
 * finishing after the chain stopped would overwrite whatever is put in place of the spare meanwhile.
 */
function keepSpareCopy(files: StateFiles): () => Promise<void> {
  let copiedAt = 0;
  let copying: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (copying) return;
    let mtimeMs: number;
    try {
      mtimeMs = statSync(files.state).mtimeMs;
    } catch {
      return; // not written yet: the next tick looks again
    }
    // Cut short (anvil is writing it right now): the next tick looks again.
    const whole = mtimeMs === copiedAt ? null : readWholeState(files.state);
    if (whole === null) return;
    copying = replaceDurably(files.spare, whole.text, whole.block)
      .then(() => void (copiedAt = mtimeMs))
      .catch((error: Error) => console.error(`Could not copy the chain's state file: ${error.message}`))
      .finally(() => (copying = null));
  }, COPY_POLL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await copying;
  };
}

export async function startAnvil(options: AnvilOptions): Promise<AnvilHandle> {
  // Otherwise the readiness check below would happily talk to someone else's node.
  if (await portInUse(options.port)) {
    throw new Error(
      `Port ${options.port} is already in use: stop what runs there, or set ANVIL_PORT to another port.`,
    );
  }
  const args = [
    "--host",
    "127.0.0.1",
    "--port",
    String(options.port),
    "--accounts",
    String(options.accounts ?? 20),
    "--chain-id",
    "31337",
    "--silent",
  ];
  const files = options.stateFile ? stateFilesOf(options.stateFile) : null;
  if (files) {
    await loadNewestState(files);
    args.push("--state", files.state, "--state-interval", "1");
  }
  if (options.genesisTimestamp !== undefined) args.push("--timestamp", String(options.genesisTimestamp));
  // Not "inherit": an anvil left running by a killed parent would hold the parent's output pipes open,
  // and whoever reads them (a test runner, CI) would wait for it forever.
  const child = spawn(anvilBinary(), args, { stdio: ["ignore", "ignore", "pipe"] });
  child.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await Promise.race([
      waitForRpc(url, 20_000),
      exited.then(() => {
        throw new Error(`anvil exited at start (is port ${options.port} in use?)`);
      }),
    ]);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  const stopCopying = files ? keepSpareCopy(files) : async () => undefined;
  // However anvil ends (stopped, killed, crashed), nothing is left polling its files.
  void exited.then(stopCopying);
  return {
    url,
    process: child,
    async stop() {
      await stopCopying();
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM"); // anvil writes its state file on SIGTERM
      await exited;
    },
  };
}
