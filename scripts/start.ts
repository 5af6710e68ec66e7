// `npm start`: the whole thing on the embedded default — a local chain under .data/ (deployed and
// seeded once), a production build (made when sources changed), and the web server. With RPC_URL and
// DEPLOYMENT_FILE it serves that chain instead and never deploys, seeds or uses demo keys.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { env } from "../lib/env";
import { startEmbeddedChain } from "./lib/embedded";
import { startWebServer } from "./lib/server";
import { waitForRpc } from "../lib/chain/provider";

const SOURCE_DIRS = ["app", "components", "lib", "public"];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "demo" || entry.startsWith(".") || entry.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Builds when there is no build or a source is newer than it. */
function buildIfNeeded(): void {
  const buildId = join(".next", "BUILD_ID");
  const sources = [...SOURCE_DIRS, "next.config.js", "package-lock.json"].filter(existsSync);
  const newestSource = Math.max(...sources.map(newestMtime));
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSource) return;
  console.log("Building the web app (next build)…");
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("next build failed");
}

async function main(): Promise<void> {
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
        log: (message) => console.log(message),
      });
      stops.push(() => chain.anvil.stop());
      console.log(
        `Local chain at ${chain.anvil.url} (state in ${config.dataDir}/), ${chain.scenarios.length} demo scenarios.`,
      );
    } else {
      await waitForRpc(config.rpcUrl);
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
