// App instances as a deployment runs them behind a load balancer, for the benchmark: each the production
// server (scripts/start.ts in RPC_URL mode) in a process of its own, on one chain and one PostgreSQL, with
// a data folder of its own. Ready when it answers HTTP (not when it prints a line: logs change format).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./ports";

export interface InstanceOptions {
  rpcUrl: string;
  deploymentFile: string;
  databaseUrl: string;
}

export interface Instance {
  host: string;
  port: number;
  stop(): void;
}

/** An instance may take this long to open its database and its chain watcher on a busy machine. */
const READY_MS = 120_000;

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), "medproof-instance-"));
  const host = "127.0.0.1";
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      RPC_URL: options.rpcUrl,
      DEPLOYMENT_FILE: options.deploymentFile,
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: dataDir,
      HOST: host,
      PORT: String(port),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = () => {
    child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  };
  let exited: number | null | undefined;
  child.once("exit", (code) => (exited = code));
  const deadline = Date.now() + READY_MS;
  for (;;) {
    if (exited !== undefined) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`an app instance exited with ${exited} before it answered`);
    }
    const answered = await fetch(`http://${host}:${port}/api/verify?code=0`, {
      signal: AbortSignal.timeout(5_000),
    }).then(
      async (response) => {
        await response.arrayBuffer();
        return true;
      },
      () => false,
    );
    if (answered) return { host, port, stop };
    if (Date.now() > deadline) {
      stop();
      throw new Error(`an app instance did not answer within ${READY_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
