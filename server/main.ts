// The production entry: `npm run build` compiles this file (and everything it imports from this
// repository) into dist/server.js, and `npm run serve` runs that with plain node, so a deployment needs
// only `npm ci --omit=dev` (no tsx, no dev tools). It serves a chain named by RPC_URL and
// DEPLOYMENT_FILE; the embedded demo chain (anvil, deploy and seed) is `npm start`'s, a dev tool.
// Variables come from the environment and from a `.env` file in the working folder, the environment
// winning. Logs are JSON lines on stdout (lib/log.ts); SIGTERM and SIGINT finish the open requests and stop.
import { ConfigError, env } from "../lib/env";
import { loadEnvFile } from "../lib/env-file";
import { captureConsole, log } from "../lib/log";
import { startWebServer } from "./server";

async function main(): Promise<void> {
  loadEnvFile();
  let config;
  try {
    config = env();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // No logger yet: its level is part of the configuration that failed.
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  captureConsole();
  if (config.embedded) {
    log().fatal(
      "RPC_URL and DEPLOYMENT_FILE are required: the production server serves an existing chain " +
        "(for the local demo chain, run npm start)",
    );
    process.exit(1);
  }
  const web = await startWebServer({ host: config.host, port: config.port });
  log().info({ url: web.url }, "MedProof is serving");
  const stop = (signal: string) => {
    log().info({ signal }, "stopping");
    void web.close().then(() => process.exit(0));
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  log().fatal({ err: error }, "could not start");
  process.exit(1);
});
