// Validated configuration: the only module that reads process.env. Fails at start with a message that
// names the variable, instead of failing later somewhere deep.
import { z } from "zod";
import { parseRange, type AddressRange } from "./domain/client-address";
import { isLoopbackHost } from "./domain/loopback";

const LOCAL_CHAIN_ID = 31337;

const schema = z.object({
  RPC_URL: z.url({ message: "RPC_URL must be an http(s) URL of an EVM JSON-RPC endpoint" }).optional(),
  RPC_WS_URL: z
    .url({ message: "RPC_WS_URL must be a ws(s) URL of the same node" })
    .refine((u) => /^wss?:/.test(u), "RPC_WS_URL must start with ws:// or wss://")
    .optional(),
  DEPLOYMENT_FILE: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  ANVIL_PORT: z.coerce.number().int().min(1).max(65535).default(8545),
  REGION: z.coerce.number().int().min(100000).max(999999).default(320500),
  DIGITAL_LINK_BASE: z.url().optional(),
  RELAY_CONFIRMATION_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  RELAYER_PRIVATE_KEY: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, "RELAYER_PRIVATE_KEY must be 0x followed by 64 hex digits")
    .optional(),
  DATABASE_URL: z
    .url({ message: "DATABASE_URL must be a postgres:// URL of a PostgreSQL database" })
    .refine((u) => /^postgres(ql)?:/.test(u), "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  SESSION_SECRET: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "SESSION_SECRET must be 64 hex digits (32 random bytes)")
    .optional(),
  TRUST_PROXY: z
    .string()
    .default("")
    .transform((text, context) => {
      const entries = text
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== "");
      const ranges = entries.map(parseRange);
      const bad = entries.find((_, i) => ranges[i] === null);
      if (bad !== undefined) {
        context.addIssue({
          code: "custom",
          message:
            `"${bad}" is not an IP address or CIDR range ` +
            "(give the proxies' addresses comma-separated, e.g. 10.0.0.0/8,127.0.0.1,::1)",
        });
        return z.NEVER;
      }
      return ranges.filter((range) => range !== null);
    }),
  LOG_PAGE_BLOCKS: z.coerce
    .number({ message: "LOG_PAGE_BLOCKS must be a whole number of blocks" })
    .int("LOG_PAGE_BLOCKS must be a whole number of blocks")
    .min(1, "LOG_PAGE_BLOCKS must be at least 1")
    .max(1_000_000, "LOG_PAGE_BLOCKS must be at most 1,000,000")
    .default(5000),
  CONFIRMATIONS: z.coerce
    .number({ message: "CONFIRMATIONS must be a whole number of blocks" })
    .int("CONFIRMATIONS must be a whole number of blocks")
    .min(0, "CONFIRMATIONS must be 0 or more")
    .max(1000, "CONFIRMATIONS must be at most 1,000")
    .default(0),
  DEMO_PASSWORD: z
    .string()
    .min(
      8,
      "DEMO_PASSWORD must be at least 8 characters (or unset: then the demo switch is served on loopback only)",
    )
    .optional()
    .or(z.literal("").transform(() => undefined)),
  LABEL_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  LABEL_QUEUE: z.coerce.number().int().min(0).max(100).default(4),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      message: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
});

/** Every variable the app reads: .env.example and the docs' table list exactly these (a test checks). */
export const VARIABLES = Object.keys(schema.shape);

export interface Env {
  /** JSON-RPC endpoint of the chain the app reads. */
  rpcUrl: string;
  /** WebSocket endpoint of the same node, for change events; without it, reads are never cached. */
  rpcWsUrl: string | null;
  /** True when the app runs its own local chain (anvil) with demo data and demo keys. */
  embedded: boolean;
  /** Chain id the demo keys are allowed on: only the local chain. */
  localChainId: number;
  deploymentFile: string;
  dataDir: string;
  /** The shared PostgreSQL database; null: the embedded PGlite database under dataDir (one process). */
  databaseUrl: string | null;
  /**
   * The key of the session cookies' seal, the same on every instance (a cookie from one is valid on
   * all); null: a random secret made once under dataDir, which only instances sharing it agree on.
   */
  sessionSecret: Buffer | null;
  host: string;
  port: number;
  anvilPort: number;
  /** Administrative division code used for price caps when the scanner gives none (320500 = 苏州). */
  region: number;
  /** Base of the GS1 Digital Link URIs printed on labels: the app itself, so any phone camera lands here. */
  digitalLinkBase: string;
  production: boolean;
  /**
   * The key that pays the gas of wallet-less complaints; server-only (never NEXT_PUBLIC_). Without it,
   * the local demo chain uses its demo relayer account and any other chain cannot relay.
   */
  relayerPrivateKey: string | null;
  /**
   * The password "Demo: act as …" asks for; null without one, and then the switch is served only when
   * the server listens on loopback (`hostIsLoopback`), where nobody else can reach it.
   */
  demoPassword: string | null;
  /** True when HOST is a loopback address (127.x.x.x, ::1, localhost): only this machine can connect. */
  hostIsLoopback: boolean;
  /** How long a relayed transaction may take to be mined before the request is answered "pending". */
  relayConfirmationMs: number;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); from anyone else it could be made up. */
  trustedProxies: AddressRange[];
  /** Blocks per eth_getLogs request: nodes refuse (or time out on) a range of the whole chain. */
  logPageBlocks: number;
  /**
   * Blocks that must stand on a transaction's block before a reply calls it confirmed (CONFIRMATIONS):
   * 0 where blocks are final when made (the embedded chain, QBFT), more on a chain that can reorganise.
   */
  confirmations: number;
  /**
   * Label sheets rendered at once, one worker thread each (default 1: on 2 cores the other one keeps
   * answering verifications), and how many more may wait; beyond that a request gets 503 labels_busy.
   */
  labelWorkers: number;
  labelQueue: number;
  /** The least severe log lines written (lib/log.ts): `info` logs every request, `warn` only refusals. */
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration — ${issues.join("; ")}`);
  }
  const e = result.data;
  const embedded = e.RPC_URL === undefined;
  if (!embedded && e.DEPLOYMENT_FILE === undefined) {
    throw new ConfigError("DEPLOYMENT_FILE: required with RPC_URL (the addresses of the deployed contracts)");
  }
  return {
    rpcUrl: e.RPC_URL ?? `http://127.0.0.1:${e.ANVIL_PORT}`,
    rpcWsUrl: e.RPC_WS_URL ?? (embedded ? `ws://127.0.0.1:${e.ANVIL_PORT}` : null),
    embedded,
    localChainId: LOCAL_CHAIN_ID,
    deploymentFile: e.DEPLOYMENT_FILE ?? `${e.DATA_DIR}/deployment.json`,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    sessionSecret: e.SESSION_SECRET === undefined ? null : Buffer.from(e.SESSION_SECRET, "hex"),
    host: e.HOST,
    port: e.PORT,
    anvilPort: e.ANVIL_PORT,
    region: e.REGION,
    digitalLinkBase: (e.DIGITAL_LINK_BASE ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    production: e.NODE_ENV === "production",
    relayerPrivateKey: e.RELAYER_PRIVATE_KEY ?? null,
    relayConfirmationMs: e.RELAY_CONFIRMATION_SECONDS * 1000,
    trustedProxies: e.TRUST_PROXY,
    logPageBlocks: e.LOG_PAGE_BLOCKS,
    confirmations: e.CONFIRMATIONS,
    demoPassword: e.DEMO_PASSWORD ?? null,
    hostIsLoopback: isLoopbackHost(e.HOST),
    labelWorkers: e.LABEL_WORKERS,
    labelQueue: e.LABEL_QUEUE,
    logLevel: e.LOG_LEVEL,
  };
}

let cached: Env | undefined;

/** The process configuration, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
