// Starts and stops Hardhat's node (hardhat.config.js): the second EVM implementation `npm test` deploys
// to, to prove the app runs on any EVM chain and not only on anvil. The CLI is run with this Node
// directly (no npx wrapper), so stopping its process stops the node. Its funded accounts and their keys
// are read from what it prints at start, as a person running it would copy them.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { waitForRpc } from "../../lib/chain/provider";

const require = createRequire(import.meta.url);

export interface HardhatNode {
  url: string;
  wsUrl: string;
  chainId: number;
  /** The 20 funded accounts' private keys, in the order Hardhat lists them (Account #0, #1, …). */
  keys: string[];
  stop(): Promise<void>;
}

/** Hardhat takes ~10 s to start here; twice that under load. */
const START_TIMEOUT_MS = 60_000;

export async function startHardhat(port: number): Promise<HardhatNode> {
  const cli = require.resolve("hardhat/internal/cli/bootstrap.js");
  const child = spawn(process.execPath, [cli, "node", "--hostname", "127.0.0.1", "--port", String(port)], {
    // Never a question on a terminal (telemetry consent), and no usage data sent.
    env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  child.stdout.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  let chainId: number;
  try {
    chainId = await Promise.race([
      waitForRpc(url, START_TIMEOUT_MS),
      exited.then(() => {
        throw new Error(`Hardhat's node exited at start:\n${printed}`);
      }),
    ]);
    // The account list is printed right after the server starts listening.
    const deadline = Date.now() + 5000;
    while ((printed.match(/Private Key:/g)?.length ?? 0) < 20 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  const keys = [...printed.matchAll(/Private Key: (0x[0-9a-fA-F]{64})/g)].map((match) => match[1] ?? "");
  if (keys.length < 20) {
    child.kill("SIGTERM");
    throw new Error(`Hardhat's node listed ${keys.length} accounts, not its 20:\n${printed}`);
  }
  // Its log of every request would grow without bound.
  child.stdout.removeAllListeners("data");
  child.stdout.resume();
  return {
    url,
    wsUrl: url.replace(/^http/, "ws"),
    chainId,
    keys,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
