// The one database behind every store of shared state (scan log, rate limits, complaint evidence): the
// same SQL on two engines. Without DATABASE_URL it is PGlite, PostgreSQL compiled to WebAssembly and run
// inside this process on a folder under DATA_DIR, so `npm start` needs nothing installed (one process
// only: PGlite has no server). PGlite runs each statement synchronously, so it runs on a thread of its
// own (pglite.worker.ts): on the event loop, a busy scan log stalled every request behind it (the loop's
// p99 delay reached 400 ms under 100 connections). With DATABASE_URL it is a PostgreSQL server that any number of app
// instances share. Opening is asynchronous (PGlite's first open takes seconds) but the handle is returned
// at once, so the runtime stays synchronous: every statement waits for the open and the migrations.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { MIGRATIONS, type Migration } from "./migrations";

/** What a statement runs on: the database, or one transaction in it. */
export interface Sql {
  /** One statement with $1… parameters; its rows. */
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Several statements without parameters (a migration). */
  exec(text: string): Promise<void>;
}

export interface Db extends Sql {
  readonly engine: "pglite" | "postgres";
  /** Resolves once the database is open and migrated; rejects when it cannot be. */
  readonly ready: Promise<void>;
  /** Resolves when the database answers a statement (for a health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** A postgres:// URL; null for the embedded PGlite database under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** Migrations to apply; the app's own unless a test gives others. */
  migrations?: readonly Migration[];
}

/** An open database, migrated or not; what LazyDb wraps. */
interface Open extends Sql {
  close(): Promise<void>;
}

/** An engine on this thread, which can run a transaction (the migrations need one). */
export interface Engine extends Open {
  transaction<T>(body: (sql: Sql) => Promise<T>): Promise<T>;
}

/** PGlite on this thread: what pglite.worker.ts runs. */
export async function openPglite(dataDir: string): Promise<Engine> {
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(join(dataDir, "pglite"));
  const on = (target: Pick<typeof db, "query" | "exec">): Sql => ({
    query: async <Row>(text: string, params?: unknown[]) => (await target.query<Row>(text, params)).rows,
    exec: async (text: string) => void (await target.exec(text)),
  });
  return {
    ...on(db),
    transaction: (body) => db.transaction((tx) => body(on(tx))),
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<Engine> {
  const { Pool } = (await import("pg")).default;
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle connection the server dropped is replaced on next use; without a listener it would crash us.
  pool.on("error", () => undefined);
  type Client = Pick<InstanceType<typeof Pool>, "query">;
  const on = (target: Client): Sql => ({
    query: async <Row>(text: string, params?: unknown[]) => (await target.query(text, params)).rows as Row[],
    exec: async (text: string) => void (await target.query(text)),
  });
  return {
    ...on(pool),
    async transaction(body) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await body(on(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Any number for the advisory lock that keeps two instances from migrating at once. */
const MIGRATION_LOCK = 160_160;

/**
 * Applies the migrations not yet in schema_migrations, each in its own transaction with its version, under
 * an advisory lock: two instances starting together apply each one once.
 */
export async function migrate(engine: Engine, migrations: readonly Migration[]): Promise<void> {
  await engine.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (" +
      "version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  for (const migration of migrations) {
    await engine.transaction(async (sql) => {
      await sql.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      const applied = await sql.query("SELECT 1 FROM schema_migrations WHERE version = $1", [
        migration.version,
      ]);
      if (applied.length > 0) return;
      await sql.exec(migration.sql);
      await sql.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
    });
  }
}

/** `engine` with the migrations applied, or closed and the failure thrown. */
export async function migrated(engine: Engine, migrations: readonly Migration[]): Promise<Engine> {
  try {
    await migrate(engine, migrations);
  } catch (error) {
    await engine.close().catch(() => undefined);
    throw error;
  }
  return engine;
}

/** What crosses to pglite.worker.ts, and what comes back. */
export interface ThreadRequest {
  id: number;
  op: "ready" | "query" | "exec" | "close";
  text?: string;
  params?: unknown[];
}
export type ThreadAnswer =
  { id: number; ok: true; rows: unknown[] } | { id: number; ok: false; message: string; code?: string };
export interface ThreadData {
  dataDir: string;
  migrations: readonly Migration[];
}

/** PGlite, opened and migrated on a worker thread; each statement is a message to it. */
async function openPgliteThread(dataDir: string, migrations: readonly Migration[]): Promise<Open> {
  const { Worker } = await import("node:worker_threads");
  const data: ThreadData = { dataDir, migrations };
  // The production server (dist/server.js) has the thread compiled beside it (scripts/build-server.ts);
  // from the TypeScript source (npm start, the tests), tsx compiles it, as it does the rest.
  const compiled = join(__dirname, "pglite.worker.js");
  const source = join(__dirname, "pglite.worker.ts");
  // Reflect.construct, not `new Worker(…)`: Next's bundler would try to bundle a path only known at run
  // time (the front server, not Next's pages, opens the database).
  const worker: InstanceType<typeof Worker> = existsSync(compiled)
    ? Reflect.construct(Worker, [compiled, { workerData: data }])
    : Reflect.construct(Worker, [
        `require("tsx/cjs"); require(${JSON.stringify(source)});`,
        { eval: true, workerData: data },
      ]);
  const waiting = new Map<number, { resolve(rows: unknown[]): void; reject(error: Error): void }>();
  let nextId = 1;
  /** Why the thread is gone, once it is: later statements fail at once instead of waiting forever. */
  let gone: Error | null = null;
  const failAll = (error: Error) => {
    gone ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on("message", (answer: ThreadAnswer) => {
    const caller = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.ok) caller?.resolve(answer.rows);
    // The code (e.g. 23505, unique_violation) is what the stores decide by.
    else caller?.reject(Object.assign(new Error(answer.message), { code: answer.code }));
  });
  worker.on("error", failAll);
  worker.on("exit", () => failAll(new Error("The database thread stopped.")));
  const send = (request: Omit<ThreadRequest, "id">) =>
    new Promise<unknown[]>((resolve, reject) => {
      if (gone) return reject(gone);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  try {
    await send({ op: "ready" });
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    query: async <Row>(text: string, params?: unknown[]) =>
      (await send({ op: "query", text, params })) as Row[],
    exec: async (text: string) => void (await send({ op: "exec", text })),
    async close() {
      await send({ op: "close" }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

class LazyDb implements Db {
  readonly ready: Promise<void>;
  private readonly engine_: Promise<Open>;

  constructor(
    readonly engine: "pglite" | "postgres",
    open: () => Promise<Open>,
  ) {
    this.engine_ = open();
    this.ready = this.engine_.then(() => undefined);
    // Each statement reports a failed open itself; this keeps it from also being an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  async query<Row>(text: string, params?: unknown[]): Promise<Row[]> {
    return (await this.engine_).query<Row>(text, params);
  }

  async exec(text: string): Promise<void> {
    return (await this.engine_).exec(text);
  }

  async ping(): Promise<void> {
    await this.query("SELECT 1");
  }

  async close(): Promise<void> {
    const engine = await this.engine_.catch(() => null);
    await engine?.close();
  }
}

/** The database of this configuration: PostgreSQL at `databaseUrl`, else PGlite under `dataDir`. */
export function openDb(options: DbOptions): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const { databaseUrl } = options;
  return databaseUrl === null
    ? new LazyDb("pglite", () => openPgliteThread(options.dataDir, migrations))
    : new LazyDb("postgres", async () => migrated(await openPostgres(databaseUrl), migrations));
}
