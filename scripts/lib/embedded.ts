// The embedded default: a local chain under the data folder, deployed once, seeded once.
// A chain whose seeding never finished is thrown away and made again, so no half-written demo survives.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import QRCode from "qrcode";
import { startAnvil, type AnvilHandle } from "./anvil";
import { rpcProvider } from "../../lib/chain/provider";
import { deploySystem } from "../../lib/chain/deploy";
import { embeddedStateFiles, readHead } from "../../lib/chain/durable-state";
import { assertChainHolds, DurabilityBarrier } from "../../lib/chain/durability";
import { readDeployment, writeDeployment, type Deployment } from "../../lib/chain/deployment";
import { demoWallet } from "../demo/accounts";
import { DEMO_GENESIS, seedDemo, type Scenario, type SeedResult } from "../demo/seed";
import { PARTIES } from "../demo/world";
import { DAY } from "../../lib/domain/time";
import { QR_LABEL } from "../../lib/domain/label";
import { openDb, type Db } from "../../lib/stores/db";
import { PossessionStore } from "../../lib/stores/possession-store";
import { CheckCodeStore } from "../../lib/stores/check-code-store";

export interface EmbeddedChain {
  anvil: AnvilHandle;
  deployment: Deployment;
  deploymentFile: string;
  scenarios: Scenario[];
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Base URL printed in the demo QR codes (the app's own address). */
  digitalLinkBase: string;
  /** Where scenarios.json and the QR images go (public/demo for the app). */
  demoDir: string;
  /**
   * The app's database, where the seeded batches' possession lists are published: PostgreSQL's URL, or
   * null for the PGlite database under dataDir. Left out when no app will serve this chain (chain tests,
   * benchmarks): the lists are then not published.
   */
  databaseUrl?: string | null;
  log?: (message: string) => void;
}

function isCurrentDeployment(file: string): boolean {
  try {
    readDeployment(file);
    return true;
  } catch {
    return false;
  }
}

function writeAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

export async function startEmbeddedChain(options: EmbeddedOptions): Promise<EmbeddedChain> {
  const log = options.log ?? (() => undefined);
  const files = embeddedStateFiles(options.dataDir);
  const deploymentFile = join(options.dataDir, "deployment.json");
  const seedFile = join(options.dataDir, "seed.json");

  if (existsSync(options.dataDir) && !existsSync(seedFile)) {
    log(`${options.dataDir} holds a chain whose setup never finished: starting it again from scratch.`);
    rmSync(options.dataDir, { recursive: true, force: true });
  } else if (existsSync(seedFile) && !isCurrentDeployment(deploymentFile)) {
    // Demo data only: a chain deployed by an older MedProof lacks contracts this one needs.
    log(`${options.dataDir} holds a demo chain made by an older MedProof: setting up a new one.`);
    rmSync(options.dataDir, { recursive: true, force: true });
  }
  mkdirSync(options.dataDir, { recursive: true });
  const fresh = !existsSync(files.state) && !existsSync(files.spare);

  const anvil = await startAnvil({
    port: options.port,
    stateFile: files.state,
    genesisTimestamp: fresh ? DEMO_GENESIS - DAY : undefined,
  });
  try {
    const provider = rpcProvider(anvil.url);
    if (fresh) {
      log("New local chain: deploying the contracts…");
      const deployment = await deploySystem(
        demoWallet(PARTIES.regulator.account, provider),
        PARTIES.regulator.name,
      );
      writeDeployment(deploymentFile, deployment);
      log("Seeding the demo scenarios (a few seconds)…");
      const seeded = await seedDemo(provider, deployment, options.digitalLinkBase);
      const { scenarios, seededAt } = seeded;
      if (options.databaseUrl !== undefined) {
        // Opened and closed here, before the app opens it: PGlite is one process's, one handle at a time.
        const db = openDb({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
        try {
          await publishSeeded(db, seeded);
        } finally {
          await db.close();
        }
      }
      // The state on disk must hold the seeded demo before seed.json says it is there.
      await new DurabilityBarrier(provider, files).settle();
      // Written last: its presence says the chain state on disk holds the whole deployment and demo.
      writeAtomically(seedFile, JSON.stringify({ seededAt, scenarios }, null, 2) + "\n");
    } else {
      // A chain that lost blocks the app confirmed would issue their ids again: refuse it.
      await assertChainHolds(provider, readHead(files.head));
      // After a restart anvil takes wall-clock time; never let it go behind the last block.
      const latest = await provider.getBlock("latest");
      const now = Math.floor(Date.now() / 1000);
      if (latest && latest.timestamp >= now) await provider.send("evm_setTime", [latest.timestamp + 1]);
    }
    const deployment = readDeployment(deploymentFile);
    const { scenarios } = JSON.parse(readFileSync(seedFile, "utf8")) as { scenarios: Scenario[] };
    await writeDemoFiles(options.demoDir, scenarios);
    return { anvil, deployment, deploymentFile, scenarios };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}

/** What the seeded batches' makers publish: their possession lists and the check codes of the printed boxes. */
export async function publishSeeded(
  db: Db,
  seeded: Pick<SeedResult, "possession" | "checkCodes">,
): Promise<void> {
  const possession = new PossessionStore(db);
  for (const { batchId, ...list } of seeded.possession) await possession.write(batchId, list);
  await new CheckCodeStore(db).write(seeded.checkCodes);
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The box's label as a person sees it: the QR code, and under it the human-readable line and the check
 * code that make a typed code checkable (lib/domain/check-code.ts). SVG, so it needs no image library.
 */
async function labelSvg(scenario: Scenario): Promise<string> {
  const qr = await QRCode.toString(scenario.code, {
    type: "svg",
    errorCorrectionLevel: QR_LABEL.errorCorrectionLevel,
    margin: QR_LABEL.quietZoneModules,
  });
  const lines = [
    `<text x="240" y="274" font-size="14">${escapeXml(scenario.printed)}</text>`,
    scenario.checkCode === null
      ? ""
      : `<text x="240" y="298" font-size="15" font-weight="bold">CHECK ${escapeXml(scenario.checkCode)}</text>`,
  ];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="312" viewBox="0 0 480 312">` +
    `<rect width="480" height="312" fill="#ffffff"/>` +
    qr.replace("<svg ", `<svg x="120" y="8" width="240" height="240" `) +
    `<g font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" text-anchor="middle" fill="#000000">` +
    `${lines.join("")}</g></svg>\n`
  );
}

/**
 * public/demo/scenarios.json and, per scenario, the QR image (the code printed on that box) and its whole
 * label with the printed line and check code (<id>-label.svg).
 */
export async function writeDemoFiles(demoDir: string, scenarios: Scenario[]): Promise<void> {
  mkdirSync(demoDir, { recursive: true });
  writeAtomically(join(demoDir, "scenarios.json"), JSON.stringify(scenarios, null, 2) + "\n");
  for (const scenario of scenarios) {
    await QRCode.toFile(join(demoDir, `${scenario.id}.png`), scenario.code, {
      errorCorrectionLevel: QR_LABEL.errorCorrectionLevel,
      margin: QR_LABEL.quietZoneModules,
      scale: 8,
    });
    // A demo seeded before labels carried check codes has no printed line to draw.
    if ("printed" in scenario) {
      writeAtomically(join(demoDir, `${scenario.id}-label.svg`), await labelSvg(scenario));
    }
  }
}
