// Starts and stops the local chain (anvil). The binary is run directly: the npm wrapper is a Node
// process, and killing it would leave anvil running.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { waitForRpc } from "../../lib/chain/provider";
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
  /** Persist the chain here: written every second and on SIGTERM/SIGINT, restored on start. */
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

// anvil rewrites its state file in place every second, so a kill -9 (or a power cut) in the middle of a
// write leaves it cut short, and anvil then refuses to start. A copy of the last state file that was
// whole is kept beside it (replaced atomically), and used when the file itself is damaged.
const goodCopyOf = (stateFile: string) => `${stateFile}.good`;

function readWholeState(path: string): string | null {
  try {
    const text = readFileSync(path, "utf8");
    JSON.parse(text);
    return text;
  } catch {
    return null;
  }
}

/** Copies the state file aside if it is whole; returns whether it was. */
export function saveStateCopy(stateFile: string): boolean {
  const text = readWholeState(stateFile);
  if (text === null) return false;
  const good = goodCopyOf(stateFile);
  writeFileSync(`${good}.tmp`, text);
  renameSync(`${good}.tmp`, good);
  return true;
}

/** Before anvil loads the state file: a damaged one is replaced by the last whole copy. */
function recoverStateFile(stateFile: string): void {
  if (!existsSync(stateFile) || readWholeState(stateFile) !== null) return;
  const good = goodCopyOf(stateFile);
  if (readWholeState(good) === null) {
    throw new Error(
      `The chain's state file ${stateFile} was cut short by a crash and there is no whole copy: delete its folder to start a new demo chain.`,
    );
  }
  console.error(`The chain's state file was cut short by a crash: restoring its last whole copy.`);
  copyFileSync(good, stateFile);
}

/** Keeps the whole copy current while anvil runs; returns the function that stops it. */
function keepStateCopy(stateFile: string): () => void {
  let copiedAt = 0;
  const timer = setInterval(() => {
    try {
      const { mtimeMs } = statSync(stateFile);
      if (mtimeMs !== copiedAt && saveStateCopy(stateFile)) copiedAt = mtimeMs;
    } catch {
      // Not written yet: the next tick looks again.
    }
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
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
  if (options.stateFile) {
    recoverStateFile(options.stateFile);
    args.push("--state", options.stateFile, "--state-interval", "1");
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
  const stopCopying = options.stateFile ? keepStateCopy(options.stateFile) : () => undefined;
  return {
    url,
    process: child,
    async stop() {
      stopCopying();
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM"); // anvil writes its state file on SIGTERM
      await exited;
    },
  };
}
