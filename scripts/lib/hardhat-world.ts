// MedProof off anvil: Hardhat's node (a second EVM implementation, chain 4242), the contracts deployed
// by the network deploy command (`medproof deploy`, its key from an encrypted keystore), the demo record
// written by the test with Hardhat's own unlocked accounts, and the production server in RPC_URL mode —
// as an operator would run it on any chain. The server and the CLI reach the node only through a guard
// that refuses and records anvil_* and evm_* calls, so a test fails if the non-embedded path needs one.
// Only the test's own seeding talks to the node directly, to date the history (evm_setNextBlockTimestamp).
// The server reads its configuration once per process: start this world in a process of its own.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startHardhat, type HardhatNode } from "./hardhat";
import { freePort } from "./ports";
import { startRpcCounter, type RpcCounter } from "./rpc-counter";
import { rpcProvider } from "../../lib/chain/provider";
import { readDeployment } from "../../lib/chain/deployment";
import { lockKeystore } from "../../lib/chain/network-deploy";
import { seedDemo, type SeedChain } from "../demo/seed";
import { PARTIES } from "../demo/world";
import { openDb } from "../../lib/stores/db";
import { publishSeeded } from "./embedded";
import { startPostgres, type Postgres } from "./postgres";
import type { WebServer } from "../../server/server";

export interface HardhatWorld {
  /** Variables the HTTP tests and the CLI need to reach this world (see e2e/http/world.ts). */
  env: Record<string, string>;
  /** The anvil-only methods the server and the CLI asked for (refused): none is the pass. */
  refused(): string[];
  /** What they asked for through the guard, by method (so a pass is not a guard nobody used). */
  counts(): Record<string, number>;
  stop(): Promise<void>;
}

/** Anvil's own methods; no other node need have them. */
export const ANVIL_ONLY = /^(anvil|evm)_/;
/** Hardhat's accounts #18 and #19: beyond the demo parties (0–12), so they send nothing else. */
const RELAYER = 18;
const DEPLOYER = 19;

/** Hardhat's unlocked accounts sign the demo history; its clock is set per block as anvil's is. */
function hardhatSeedChain(node: HardhatNode): SeedChain {
  const provider = rpcProvider(node.url, node.chainId);
  return {
    signer: (account) => provider.getSigner(account),
    resumeWallClock: async (at) => void (await provider.send("evm_mine", [at])),
  };
}

export async function startHardhatWorld(
  log: (message: string) => void = () => undefined,
): Promise<HardhatWorld> {
  const root = mkdtempSync(join(tmpdir(), "medproof-hardhat-"));
  const dataDir = join(root, "data");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let node: HardhatNode | undefined;
  let guard: RpcCounter | undefined;
  let server: WebServer | undefined;
  let postgres: Postgres | undefined;
  const stop = async () => {
    await server?.close();
    await guard?.close();
    await node?.stop();
    postgres?.stop();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    log("Starting Hardhat's node and PostgreSQL…");
    // PostgreSQL, as a deployment would have: the tests read the evidence the server kept from it too.
    [node, postgres] = await Promise.all([startHardhat(await freePort()), startPostgres()]);
    guard = await startRpcCounter(node.url, { refuse: ANVIL_ONLY });

    log(`Deploying to chain ${node.chainId} with the deploy command…`);
    const keystore = join(root, "deployer.json");
    const passwordFile = join(root, "password");
    // A fast scrypt: the keystore is the test's own, and unlocking the default one takes seconds.
    writeFileSync(keystore, lockKeystore(node.keys[DEPLOYER] ?? "", "correct horse battery", 1 << 10));
    writeFileSync(passwordFile, "correct horse battery\n");
    const deploymentFile = join(dataDir, "deployment.json");
    const scenariosFile = join(root, "scenarios.json");
    const hardhat = rpcProvider(node.url, node.chainId);
    const regulator = (await hardhat.getSigner(PARTIES.regulator.account)).address;
    const deployer = (await hardhat.getSigner(DEPLOYER)).address;
    // Not spawnSync: the guard the command talks to runs in this process. A failure throws with its output.
    const deployed = await promisify(execFile)(
      process.execPath,
      [
        ...["--import", "tsx", "scripts/medproof.ts", "deploy", "--rpc-url", guard.url],
        ...["--keystore", keystore, "--password-file", passwordFile, "--out", deploymentFile],
        ...["--regulator", regulator, "--regulator-name", PARTIES.regulator.name],
      ],
      { encoding: "utf8" },
    );
    log(deployed.stdout.trim());
    const deployment = readDeployment(deploymentFile);

    const serverEnv = {
      RPC_URL: guard.url,
      RPC_WS_URL: guard.url.replace(/^http/, "ws"),
      DEPLOYMENT_FILE: deploymentFile,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      DEMO_PASSWORD: "",
      DIGITAL_LINK_BASE: base,
      RELAYER_PRIVATE_KEY: node.keys[RELAYER] ?? "",
      TRUST_PROXY: "127.0.0.2",
      DATABASE_URL: postgres.url,
    };
    // Before anything here reads the configuration (it is read once per process).
    Object.assign(process.env, serverEnv);
    log("Writing the demo record with Hardhat's accounts…");
    const seeded = await seedDemo(hardhat, deployment, base, hardhatSeedChain(node));
    const db = openDb({ databaseUrl: postgres.url, dataDir });
    try {
      await publishSeeded(db, seeded);
    } finally {
      await db.close();
    }
    writeFileSync(scenariosFile, JSON.stringify(seeded.scenarios, null, 2) + "\n");

    // Imported late: the server's configuration is read from process.env on first use.
    const { startWebServer } = await import("../../server/server");
    server = await startWebServer({ host: "127.0.0.1", port });
    const keys = node.keys;
    const partyKeys = Object.fromEntries(Object.entries(PARTIES).map(([key, p]) => [key, keys[p.account]]));
    const counter = guard;
    return {
      env: {
        ...serverEnv,
        MEDPROOF_URL: server.url,
        MEDPROOF_RPC_URL: guard.url,
        MEDPROOF_DEPLOYMENT_FILE: deploymentFile,
        MEDPROOF_SCENARIOS_FILE: scenariosFile,
        MEDPROOF_PARTY_KEYS: JSON.stringify(partyKeys),
        MEDPROOF_REGULATOR: regulator,
        MEDPROOF_DEPLOYER: deployer,
      },
      refused: () => counter.refused(),
      counts: () => counter.counts(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
