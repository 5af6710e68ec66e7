// A whole MedProof on free loopback ports: a fresh seeded chain in a temporary folder and the production
// web server in this process, with the demo installed as `npm start` has it (or without, when asked).
// Tests and benchmarks run against it; stop() removes every trace.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedChain, type EmbeddedChain } from "./embedded";
import { freePort } from "./ports";
import { startRpcCounter, type RpcCounter } from "./rpc-counter";
import { startPostgres, type Postgres } from "./postgres";
import type { WebServer } from "../../server/server";
import { installDemo } from "../demo/plugin";
import { uninstallDemoPlugin } from "../../lib/chain/demo-plugin";

export interface World {
  chain: EmbeddedChain;
  server: WebServer;
  /** What the server asked the node, when the world was started with `countRpc`. */
  rpc: RpcCounter | null;
  host: string;
  port: number;
  /** Variables a child process (Playwright, the CLI, HTTP tests) needs to reach this world. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export interface WorldOptions {
  /** Put a counting proxy (rpc-counter.ts) between the server and the node. */
  countRpc?: boolean;
  /** Where the server listens: loopback unless told otherwise ("0.0.0.0": as one other machines reach). */
  host?: string;
  /** The demo switch's password; none unless given, whatever the shell that runs the tests has set. */
  demoPassword?: string;
  /**
   * The app's database: the embedded PGlite under the data folder (as `npm start`), or a PostgreSQL
   * server of the world's own, which other processes (tests, Playwright) can reach too.
   */
  database?: "pglite" | "postgres";
  /** Serve without the demo (no act-as switch, no demo key in the process), as production does. */
  withoutDemo?: boolean;
}

/** Needs a production build (`next build`). The server reads its configuration from process.env. */
export async function startWorld(
  log: (message: string) => void = () => undefined,
  options: WorldOptions = {},
): Promise<World> {
  const root = mkdtempSync(join(tmpdir(), "medproof-world-"));
  const dataDir = join(root, "data");
  const anvilPort = await freePort();
  const port = await freePort();
  const host = options.host ?? "127.0.0.1";
  // Links need an address to reach, which a wildcard is not.
  const linkHost = host === "0.0.0.0" ? "127.0.0.1" : host;
  let chain: EmbeddedChain | undefined;
  let rpc: RpcCounter | null = null;
  let postgres: Postgres | null = null;
  try {
    postgres = options.database === "postgres" ? await startPostgres() : null;
    chain = await startEmbeddedChain({
      dataDir,
      port: anvilPort,
      digitalLinkBase: `http://${linkHost}:${port}`,
      demoDir: join("public", "demo"),
      databaseUrl: postgres?.url ?? null,
      log,
    });
    const serverEnv = {
      DATA_DIR: dataDir,
      ANVIL_PORT: String(anvilPort),
      PORT: String(port),
      HOST: host,
      // Empty is no password (lib/env.ts).
      DEMO_PASSWORD: options.demoPassword ?? "",
      DIGITAL_LINK_BASE: `http://${linkHost}:${port}`,
      // HTTP tests play a proxy from 127.0.0.2 to send as many clients; everything else connects from
      // 127.0.0.1, whose X-Forwarded-For is not believed.
      TRUST_PROXY: "127.0.0.2",
      // Shared with any second instance a test starts on this world (a cookie from one opens on both).
      SESSION_SECRET: randomBytes(32).toString("hex"),
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
      // Refusals and failures only: a line per request would bury the tests' own output.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    };
    rpc = options.countRpc ? await startRpcCounter(chain.anvil.url) : null;
    // Only the server goes through the proxy; the children reach the node itself.
    Object.assign(process.env, serverEnv, rpc ? { ANVIL_PORT: String(rpc.port) } : {});
    // A world on PGlite keeps its state to itself, even when started by a test that inherited another
    // world's DATABASE_URL (npm test's shared world): rate limits and scans are not shared by accident.
    if (!postgres) delete process.env.DATABASE_URL;
    if (options.withoutDemo) uninstallDemoPlugin();
    else installDemo();
    // Imported late: the server's configuration is read from process.env on first use.
    const { startWebServer } = await import("../../server/server");
    const server = await startWebServer({ host, port });
    const started = chain;
    const counter = rpc;
    const database = postgres;
    return {
      chain: started,
      server,
      rpc: counter,
      host,
      port,
      env: {
        ...serverEnv,
        MEDPROOF_URL: server.url,
        MEDPROOF_RPC_URL: started.anvil.url,
        MEDPROOF_DEPLOYMENT_FILE: started.deploymentFile,
      },
      async stop() {
        await server.close();
        await counter?.close();
        await started.anvil.stop();
        database?.stop();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rpc?.close();
    await chain?.anvil.stop();
    postgres?.stop();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
