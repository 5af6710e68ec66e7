// A throwaway PostgreSQL server for tests: Debian's PostgreSQL 15 (`.ci/run` installs it) in a temporary
// folder on a free loopback port, trusting local connections, stopped and removed by stop(). initdb refuses
// to run as root, so as root (here and in CI) the server runs as the `postgres` user.
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./ports";

const BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";

export interface Postgres {
  /** postgres://… of the server's `postgres` database. */
  url: string;
  /** Stops the server (fast shutdown) and removes its folder. */
  stop(): void;
}

/** Runs a PostgreSQL tool, as the `postgres` user when this process is root. */
function run(tool: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, argv] = asRoot
    ? ["runuser", ["-u", "postgres", "--", join(BIN, tool), ...args]]
    : [join(BIN, tool), args];
  execFileSync(command, argv, { stdio: ["ignore", "ignore", "pipe"] });
}

export async function startPostgres(): Promise<Postgres> {
  const root = mkdtempSync(join(tmpdir(), "medproof-pg-"));
  const data = join(root, "data");
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }));
    chownSync(root, id("-u"), id("-g"));
  }
  // The temporary folder's parents must let the postgres user through.
  chmodSync(root, 0o755);
  const port = await freePort();
  try {
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
    run("pg_ctl", [
      "-D",
      data,
      "-l",
      join(root, "log"),
      "-o",
      `-k ${root} -p ${port} -c listen_addresses=127.0.0.1`,
      "-w",
      "start",
    ]);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start (is Debian's postgresql installed?): ${String(error)}`, {
      cause: error,
    });
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
