// `npm start`: the whole thing on the embedded default — a local chain under .data/ (deployed and
// seeded once), a production build (made when sources changed), and the web server, with the demo (its
// act-as switch and keys: scripts/demo/plugin.ts) installed. With RPC_URL and DEPLOYMENT_FILE it serves
// that chain instead and never deploys or seeds; the demo is installed only if that chain is the local one. Variables
// also come from a .env file (the environment winning). It runs with tsx, a dev tool: a production
// deployment runs the compiled server instead (`npm run serve`, server/main.ts).
import { join } from "node:path";
import { env } from "../lib/env";
import { loadEnvFile } from "../lib/env-file";
import { startEmbeddedChain } from "./lib/embedded";
import { startWebServer } from "../server/server";
import { buildIfNeeded } from "./lib/build";
import { rpcProvider, waitForRpc } from "../lib/chain/provider";
import { installDemo, installDemoOnLocalChain } from "./demo/plugin";

async function main(): Promise<void> {
  loadEnvFile();
  // The demo's terminal is read by a person: failures only, unless LOG_LEVEL asks for more.
  process.env.LOG_LEVEL ??= "warn";
  const config = env();
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  process.once("SIGINT", () => void stopAll().then(() => process.exit(0)));
  process.once("SIGTERM", () => void stopAll().then(() => process.exit(0)));

  try {
    if (config.embedded) {
      const chain = await startEmbeddedChain({
        dataDir: config.dataDir,
        port: config.anvilPort,
        digitalLinkBase: config.digitalLinkBase,
        demoDir: join("public", "demo"),
        databaseUrl: config.databaseUrl,
        log: (message) => console.log(message),
      });
      stops.push(() => chain.anvil.stop());
      installDemo();
      console.log(
        `Local chain at ${chain.anvil.url} (state in ${config.dataDir}/), ${chain.scenarios.length} demo scenarios.`,
      );
    } else {
      await waitForRpc(config.rpcUrl);
      await installDemoOnLocalChain(rpcProvider(config.rpcUrl));
      console.log(`Using the chain at ${config.rpcUrl} with ${config.deploymentFile}.`);
    }
    buildIfNeeded();
    const web = await startWebServer({ host: config.host, port: config.port });
    stops.push(() => web.close());
    console.log(`MedProof is running at ${web.url} — press Ctrl-C to stop.`);
  } catch (error) {
    console.error(`Could not start: ${(error as Error).message}`);
    await stopAll();
    process.exit(1);
  }
}

void main();
