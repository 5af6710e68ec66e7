// The server's shared services, created once per process from the validated configuration. Kept on
// globalThis because the custom server and Next's compiled routes load separate copies of this module
// and must share one chain reader, one cache and one database.
import { env } from "../env";
import type { AddressRange } from "../domain/client-address";
import { readDeployment, type Deployment } from "../chain/deployment";
import { BoxReader } from "../chain/reader";
import { ChainWatcher } from "../chain/watcher";
import { createRelayer, type Relayer } from "../chain/relay";
import { rpcProvider } from "../chain/provider";
import { DurabilityBarrier } from "../chain/durability";
import { embeddedStateFiles } from "../chain/durable-state";
import { openDb, type Db } from "../stores/db";
import { DbScanStore, type ScanStore } from "../stores/scan-store";
import { Verifier } from "./verify";
import { ComplaintDesk } from "./complaints";
import { PossessionStore } from "../stores/possession-store";
import { CheckCodeStore } from "../stores/check-code-store";
import { EvidenceStore } from "../stores/evidence-store";
import { TipStore } from "../stores/tip-store";
import { TipDesk } from "./tips";
import { ViewCache } from "./view-cache";
import type { DeskRecord } from "./regulator";
import type { ParticipantRecord } from "../chain/participants";

export interface Runtime {
  deployment: Deployment;
  reader: BoxReader;
  /** Reports chain changes to the reader's cache; null without a WebSocket endpoint (no caching). */
  watcher: ChainWatcher | null;
  /** The shared state (scan log, rate limits, evidence): PostgreSQL by DATABASE_URL, else PGlite. */
  db: Db;
  scanLog: ScanStore;
  /** The batches' published possession lists. */
  possession: PossessionStore;
  /** The digests of the check codes printed on labels, for typed codes. */
  checkCodes: CheckCodeStore;
  verifier: Verifier;
  complaints: ComplaintDesk;
  /** Reports of suspected fakes, and the inspectors' queue of them. */
  tips: TipDesk;
  tipStore: TipStore;
  /** The whole-record views (/regulator, profiles by address), kept per block while the watcher is live. */
  views: { regulator: ViewCache<DeskRecord>; profiles: ViewCache<ParticipantRecord | null> };
  /**
   * On the embedded chain, what every reply that says "confirmed" waits for: the state holding its
   * transaction on disk. Null on a chain named by RPC_URL, which keeps its own state (and must never be
   * sent anvil_* methods).
   */
  durability: DurabilityBarrier | null;
  region: number;
  /** This app's public base URL (DIGITAL_LINK_BASE): absolute links and party identifiers start with it. */
  digitalLinkBase: string;
  /** Proxies whose X-Forwarded-For names the client (TRUST_PROXY). */
  trustedProxies: AddressRange[];
  /** The relayer of wallet-less complaints, made on first use; rejects when this server has none. */
  relayer(): Promise<Relayer>;
  /**
   * Forgets every cached read: a desk calls it once its own transaction is confirmed, so the page it
   * reloads next shows the change without waiting for the event to arrive. (The watcher forgets, on each
   * event, the box reads it touches and the whole-record views.)
   */
  forgetCachedReads(): void;
}

const KEY = Symbol.for("medproof.runtime");
type Holder = { [KEY]?: Runtime };

function create(): Runtime {
  const config = env();
  const deployment = readDeployment(config.deploymentFile);
  let watcher: ChainWatcher | null = null;
  const cacheIsSafe = () => watcher?.isLive() ?? false;
  const reader = new BoxReader({
    rpcUrl: config.rpcUrl,
    lensAddress: deployment.addresses.MedProofLens,
    cacheIsSafe,
  });
  const views = {
    regulator: new ViewCache<DeskRecord>({ cacheIsSafe }),
    profiles: new ViewCache<ParticipantRecord | null>({ cacheIsSafe }),
  };
  const forgetWholeRecordViews = () => {
    complaints.invalidate();
    views.regulator.invalidate();
    views.profiles.invalidate();
  };
  const forgetCachedReads = () => {
    reader.invalidate();
    forgetWholeRecordViews();
  };
  if (config.rpcWsUrl) {
    watcher = new ChainWatcher({
      wsUrl: config.rpcWsUrl,
      addresses: Object.values(deployment.addresses),
      // The box reader forgets only what an event touches; the whole-record views depend on everything.
      onChange: (log) => {
        if (log === null) reader.invalidate();
        else reader.changed(log);
        forgetWholeRecordViews();
      },
    });
  }
  const durability = config.embedded
    ? new DurabilityBarrier(
        rpcProvider(config.rpcUrl, deployment.chainId),
        embeddedStateFiles(config.dataDir),
      )
    : null;
  const db = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const scanLog = new DbScanStore(db);
  const evidence = new EvidenceStore(db);
  const tipStore = new TipStore(db);
  const possession = new PossessionStore(db);
  const checkCodes = new CheckCodeStore(db);
  // Made on first use, so a chain that is down at start only fails the requests that need it.
  let relayer: Promise<Relayer> | null = null;
  const relayerOf = () => {
    relayer ??= createRelayer(
      rpcProvider(config.rpcUrl, deployment.chainId),
      deployment,
      config.relayerPrivateKey,
      config.relayConfirmationMs,
    );
    relayer.catch(() => (relayer = null));
    return relayer;
  };
  const complaints = new ComplaintDesk({
    deployment,
    db,
    rpcUrl: config.rpcUrl,
    reader,
    cacheIsSafe,
    possession,
    evidence,
    durability,
    relayer: relayerOf,
  });
  const tips = new TipDesk({
    deployment,
    db,
    rpcUrl: config.rpcUrl,
    reader,
    scans: scanLog,
    evidence,
    tips: tipStore,
  });
  return {
    complaints,
    tips,
    tipStore,
    views,
    durability,
    deployment,
    reader,
    watcher,
    db,
    scanLog,
    possession,
    checkCodes,
    verifier: new Verifier(reader, scanLog, checkCodes),
    region: config.region,
    digitalLinkBase: config.digitalLinkBase,
    trustedProxies: config.trustedProxies,
    relayer: relayerOf,
    forgetCachedReads,
  };
}

export function runtime(): Runtime {
  const holder = globalThis as Holder;
  holder[KEY] ??= create();
  return holder[KEY];
}
