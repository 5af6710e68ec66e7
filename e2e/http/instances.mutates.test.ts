// Two app instances on one database and one node answer as one (lib/stores/db.ts): the test world's
// server is instance A; this test starts instance B (`npm start` in RPC_URL mode) on the same chain and
// PostgreSQL, with a data folder of its own and its own relayer key (docs/operations.md: one relayer key
// per instance). A box verified on A and then on B is a second scan; a complaint filed on A is read on
// B; complaints relayed on both at once all land; a client's wrong-secret budget is one budget; a
// session cookie made by A opens on B.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { baseUrl, databaseUrl, deploymentFile, rpcUrl, scenario } from "./world";
import { freePort } from "../../scripts/lib/ports";
import { demoSessionCookie } from "../../scripts/lib/demo-session";
import { demoBoxSecret, demoWallet } from "../../scripts/demo/accounts";
import { SECOND_RELAYER_ACCOUNT } from "../../scripts/demo/world";
import { formatBoxSecret } from "../../lib/domain/box-secret";

/** The test world trusts X-Forwarded-For from this address (TRUST_PROXY): each test is its own client. */
const PROXY = "127.0.0.2";

const dataDir = mkdtempSync(join(tmpdir(), "medproof-instance-b-"));
let instanceB: ChildProcess | undefined;
let urlB = "";

async function startInstanceB(): Promise<void> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      RPC_URL: rpcUrl(),
      DEPLOYMENT_FILE: deploymentFile(),
      DATABASE_URL: databaseUrl(),
      DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: String(port),
      RELAYER_PRIVATE_KEY: demoWallet(SECOND_RELAYER_ACCOUNT).privateKey,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  instanceB = child;
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("is running at")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`instance B exited with ${code}: ${output}`)));
  });
  urlB = `http://127.0.0.1:${port}`;
}

before(startInstanceB);
after(() => {
  instanceB?.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  body: { id?: number; description?: string; error?: { code: string } };
}

/** A request to `base` through the trusted proxy on behalf of `client`. */
function send(base: string, method: string, path: string, client: string, body?: object): Promise<Reply> {
  const text = body === undefined ? "" : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const sent = request(
      new URL(path, base),
      {
        method,
        localAddress: PROXY,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(text),
          "x-forwarded-for": client,
        },
      },
      (response) => {
        let data = "";
        response.on("data", (chunk: Buffer) => (data += chunk.toString()));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(data) as Reply["body"] }),
        );
      },
    );
    sent.on("error", reject);
    sent.end(text);
  });
}

/** How many times the clone check says the box was checked before this scan. */
async function checkedBefore(base: string, code: string): Promise<number> {
  const response = await fetch(`${base}/api/verify?code=${encodeURIComponent(code)}`);
  assert.equal(response.status, 200);
  const body = (await response.json()) as { checks: { id: string; title: string }[] };
  const title = body.checks.find((c) => c.id === "clone")!.title;
  if (title.startsWith("First check")) return 0;
  if (title.startsWith("Checked once before")) return 1;
  if (title.startsWith("Checked twice before")) return 2;
  const times = /^Checked ([\d,]+) times before/.exec(title);
  assert.ok(times, `a clone check title: ${title}`);
  return Number(times[1]!.replace(/,/g, ""));
}

/** A box of the licence-revoked scenario's batch (its demo secret), other than the scenario's own. */
function box(serial: number) {
  const { gtin, lot } = scenario("licence-revoked");
  return {
    code: `${baseUrl()}/01/${gtin}/10/${lot}/21/${serial}`,
    secret: formatBoxSecret(demoBoxSecret(gtin, lot, serial)),
    kind: "spec-failure",
    description: `Ear loops came off (box ${serial})`,
  };
}

describe("two app instances on one database and one node", () => {
  it("count a box verified on A and then on B as a second scan", async () => {
    const { code } = scenario("recalled");
    const before = await checkedBefore(baseUrl(), code);
    assert.equal(await checkedBefore(urlB, code), before + 1, "B sees A's scan");
    assert.equal(await checkedBefore(baseUrl(), code), before + 2, "and A sees B's");
  });

  it("land every complaint relayed on both at once, each readable on the other", async () => {
    const filings = [100050, 100051, 100052, 100053].map((serial, i) =>
      send(i % 2 === 0 ? baseUrl() : urlB, "POST", "/api/complaints", `198.51.100.${60 + i}`, box(serial)),
    );
    const filed = await Promise.all(filings);
    for (const reply of filed) assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const ids = filed.map((reply) => reply.body.id!);
    assert.equal(new Set(ids).size, ids.length, "four complaints, four ids");
    for (const [i, id] of ids.entries()) {
      // Filed on A (even i) read on B, and the other way round: the description is the shared evidence.
      const shown = await send(
        i % 2 === 0 ? urlB : baseUrl(),
        "GET",
        `/api/complaints/${id}`,
        "198.51.100.70",
      );
      assert.equal(shown.status, 200);
      assert.equal(shown.body.description, `Ear loops came off (box ${100050 + i})`);
    }
  });

  it("give a client one budget of wrong secrets across both", async () => {
    const wrong = { ...box(100060), secret: "0".repeat(26) };
    const client = "198.51.100.80";
    for (let i = 0; i < 10; i++) {
      const reply = await send(i % 2 === 0 ? baseUrl() : urlB, "POST", "/api/complaints", client, wrong);
      assert.equal(reply.body.error?.code, "wrong_secret", `try ${i + 1}`);
    }
    for (const base of [baseUrl(), urlB]) {
      const reply = await send(base, "POST", "/api/complaints", client, wrong);
      assert.equal(reply.status, 429, "ten tries in all, not ten on each");
      assert.equal(reply.body.error?.code, "rate_limited");
    }
  });

  it("open a session cookie made by A on B", async () => {
    const cookie = await demoSessionCookie(baseUrl(), "inspector");
    const response = await fetch(`${urlB}/api/session`, { headers: { cookie } });
    assert.equal(response.status, 200);
    const { session } = (await response.json()) as { session: { party: string } | null };
    assert.equal(session?.party, "inspector");
  });
});
