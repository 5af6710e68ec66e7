// The configuration's checks that are easy to get wrong when deploying: TRUST_PROXY, where the server
// listens and the demo password (which decide whether the demo switch is served), the shared database and
// session secret several instances need, CONFIRMATIONS, and that every variable is listed where an
// operator looks for it (.env.example, docs/operations.md).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, parseEnv, VARIABLES } from "./env";
import { loadEnvFile } from "./env-file";
import { formatAddress } from "./domain/client-address";

describe("TRUST_PROXY", () => {
  it("trusts no proxy by default", () => {
    assert.deepEqual(parseEnv({}).trustedProxies, []);
  });

  it("reads comma-separated addresses and CIDR ranges, IPv4 and IPv6", () => {
    const ranges = parseEnv({ TRUST_PROXY: " 10.0.0.0/8, 127.0.0.1 ,::1,2001:db8::/32," }).trustedProxies;
    assert.deepEqual(
      ranges.map((r) => `${formatAddress(r.base)}/${r.prefix}`),
      ["10.0.0.0/104", "127.0.0.1/128", "::1/128", "2001:db8::/32"],
    );
  });

  it("refuses an entry that is not an address, naming the variable and the entry", () => {
    for (const value of ["10.0.0.0/33", "proxy.internal", "10.0.0.1 10.0.0.2"]) {
      assert.throws(
        () => parseEnv({ TRUST_PROXY: `127.0.0.1,${value}` }),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.message.includes("TRUST_PROXY") &&
          error.message.includes(`"${value}" is not an IP address or CIDR range`),
      );
    }
  });
});

describe("where the server listens, for the demo switch", () => {
  it("counts literal loopback addresses as loopback, and nothing else", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "::ffff:127.0.0.1"])
      assert.equal(parseEnv({ HOST: host }).hostIsLoopback, true, host);
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "medproof.example", "127.0.0.1.example"])
      assert.equal(parseEnv({ HOST: host }).hostIsLoopback, false, host);
    assert.equal(parseEnv({}).hostIsLoopback, true, "the default, 127.0.0.1");
  });

  it("takes DEMO_PASSWORD of 8 characters or more; an empty one is no password", () => {
    assert.equal(parseEnv({ DEMO_PASSWORD: "correct horse" }).demoPassword, "correct horse");
    assert.equal(parseEnv({ DEMO_PASSWORD: "" }).demoPassword, null);
    assert.equal(parseEnv({}).demoPassword, null);
    assert.throws(() => parseEnv({ DEMO_PASSWORD: "short" }), ConfigError);
    assert.throws(() => parseEnv({ DEMO_PASSWORD: "short" }), /DEMO_PASSWORD must be at least 8/);
  });
});

describe("the shared database and session secret", () => {
  it("uses PGlite without DATABASE_URL, and refuses a URL that is not PostgreSQL's", () => {
    assert.equal(parseEnv({}).databaseUrl, null);
    const url = "postgres://medproof@db.internal:5432/medproof";
    assert.equal(parseEnv({ DATABASE_URL: url }).databaseUrl, url);
    assert.throws(() => parseEnv({ DATABASE_URL: "mysql://db/medproof" }), /DATABASE_URL must start with/);
  });

  it("takes SESSION_SECRET as 32 bytes in hex, the same on every instance", () => {
    assert.equal(parseEnv({}).sessionSecret, null);
    assert.deepEqual(parseEnv({ SESSION_SECRET: "ab".repeat(32) }).sessionSecret, Buffer.alloc(32, 0xab));
    assert.throws(() => parseEnv({ SESSION_SECRET: "ab".repeat(8) }), /SESSION_SECRET must be 64 hex digits/);
  });
});

describe("CONFIRMATIONS", () => {
  it("is 0 by default (the embedded chain does not reorganise) and reads a whole number of blocks", () => {
    assert.equal(parseEnv({}).confirmations, 0);
    assert.equal(parseEnv({ CONFIRMATIONS: "12" }).confirmations, 12);
  });

  it("refuses a value that is not a whole number of blocks, naming the variable", () => {
    for (const bad of ["-1", "1.5", "many"]) {
      assert.throws(() => parseEnv({ CONFIRMATIONS: bad }), /CONFIRMATIONS/);
    }
  });
});

describe("the variables' lists", () => {
  /** Names given as `NAME=` in .env.example, set or commented out. */
  const exampleNames = () =>
    [...readFileSync(".env.example", "utf8").matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);

  it(".env.example names every variable lib/env.ts reads, and no other", () => {
    assert.deepEqual([...new Set(exampleNames())].sort(), [...VARIABLES].sort());
  });

  it("docs/operations.md's table names every variable but NODE_ENV", () => {
    const table = readFileSync("docs/operations.md", "utf8");
    const missing = VARIABLES.filter((name) => name !== "NODE_ENV" && !table.includes(`\`${name}\``));
    assert.deepEqual(missing, []);
  });
});

describe("a .env file", () => {
  it("is read into the environment, a variable already set winning over the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "medproof-env-"));
    const file = join(dir, ".env");
    writeFileSync(file, "MEDPROOF_TEST_FROM_FILE=file\nMEDPROOF_TEST_SET_TWICE=file\n");
    process.env.MEDPROOF_TEST_SET_TWICE = "environment";
    try {
      assert.equal(loadEnvFile(file), true);
      assert.equal(process.env.MEDPROOF_TEST_FROM_FILE, "file");
      assert.equal(process.env.MEDPROOF_TEST_SET_TWICE, "environment");
      assert.equal(loadEnvFile(join(dir, "absent.env")), false);
    } finally {
      delete process.env.MEDPROOF_TEST_FROM_FILE;
      delete process.env.MEDPROOF_TEST_SET_TWICE;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
