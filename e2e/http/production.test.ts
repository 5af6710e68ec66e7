// The production run, as a deployment does it: the server compiled by `npm run build`
// (scripts/build-server.ts) started with plain node in a copy of the repository whose node_modules holds
// only what `npm ci --omit=dev` installs, against the test world's chain through a proxy this test can
// cut. Its stdout is the log under test: JSON lines, each of a request's lines with the request id, no
// cookie, box secret or client address, a failure logged once with its cause. Then /healthz and
// /metrics: healthy and counting while the chain answers, 503 naming the chain once it does not.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { buildServer, SERVER_BUNDLE } from "../../scripts/build-server";
import { freePort } from "../../scripts/lib/ports";
import { startRpcCounter, type RpcCounter } from "../../scripts/lib/rpc-counter";
import { databaseUrl, deploymentFile, rpcUrl, scenario } from "./world";
import { demoWallet } from "../../scripts/demo/accounts";
import { SECOND_RELAYER_ACCOUNT } from "../../scripts/demo/world";

const REPO = process.cwd();
/** A value the test sends as a cookie: it must never reach the log. */
const COOKIE_VALUE = "cookie-value-that-must-not-be-logged";

let root: string;
let proxy: RpcCounter;
let server: ChildProcess;
let base: string;
const lines: string[] = [];

/**
 * node_modules as `npm ci --omit=dev` leaves it: every package of the lockfile that is not dev-only,
 * linked from this tree's node_modules. NODE_PRESERVE_SYMLINKS makes node resolve a package's own
 * imports from the copy, so a runtime import of a dev tool fails here as it would in production.
 */
function productionNodeModules(into: string): void {
  const lock = JSON.parse(readFileSync(join(REPO, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean }>;
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    // Top-level packages only: a nested one lives inside its parent's folder and comes with it.
    if (!path.startsWith("node_modules/") || path.includes("/node_modules/", 1) || entry.dev) continue;
    if (!existsSync(join(REPO, path))) continue; // another platform's optional binary
    mkdirSync(dirname(join(into, path)), { recursive: true });
    symlinkSync(join(REPO, path), join(into, path));
  }
}

/** The repository as a deployment checks it out and builds it, with production packages only. */
function productionCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "medproof-production-"));
  for (const entry of readdirSync(REPO)) {
    // Not the developer's .env (the test writes its own), not the dev install, not old builds.
    if (["node_modules", "dist", ".env", ".git", ".data"].includes(entry)) continue;
    symlinkSync(join(REPO, entry), join(dir, entry));
  }
  productionNodeModules(dir);
  return dir;
}

async function waitForLine(pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!lines.some((line) => pattern.test(line))) {
    if (server.exitCode !== null)
      throw new Error(`the server exited (${server.exitCode}):\n${lines.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`no line matching ${pattern}:\n${lines.join("\n")}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

interface LogLine {
  level: string;
  msg: string;
  requestId?: string;
  status?: number;
  code?: string;
  err?: { type: string; message: string };
}

const logLines = (): LogLine[] => lines.map((line) => JSON.parse(line) as LogLine);
const linesOf = (requestId: string) => logLines().filter((line) => line.requestId === requestId);

/** Waits for a request's access line: it is written when the reply closes, a moment after the client has it. */
async function requestLines(requestId: string): Promise<LogLine[]> {
  await waitForLine(new RegExp(`"requestId":"${requestId}".*"msg":"request"`), 5000);
  return linesOf(requestId);
}

/** Sends `head` on a bare socket and returns whatever the server answers before closing it. */
function rawRequest(head: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(Number(new URL(base).port), "127.0.0.1", () => socket.end(head));
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    // The server may close while the rest of the head is still being written: the answer came first.
    socket.on("error", (error) => (answer === "" ? fail(error) : done(answer)));
    socket.on("close", () => done(answer));
  });
}

before(async () => {
  root = productionCopy();
  await buildServer(join(root, SERVER_BUNDLE));
  proxy = await startRpcCounter(rpcUrl());
  const port = await freePort();
  // The file is read at start; the real environment wins where both name a variable (PORT).
  writeFileSync(join(root, ".env"), "REGION=110100\nPORT=1\n");
  server = spawn(process.execPath, ["--enable-source-maps", SERVER_BUNDLE], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_PRESERVE_SYMLINKS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      RPC_URL: proxy.url,
      // The watcher straight to the node: cutting the proxy stops the reads, the subscription stays.
      RPC_WS_URL: rpcUrl().replace(/^http/, "ws"),
      DEPLOYMENT_FILE: resolve(deploymentFile()),
      DATA_DIR: join(root, "data"),
      // The world's PostgreSQL, as a deployment's instances share one.
      DATABASE_URL: databaseUrl(),
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "info",
      NODE_ENV: "production",
      // The one key a production server holds (no demo is installed here): a funded local account.
      RELAYER_PRIVATE_KEY: demoWallet(SECOND_RELAYER_ACCOUNT).privateKey,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let partial = "";
  server.stdout!.on("data", (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const complete = text.split("\n");
    partial = complete.pop() ?? "";
    lines.push(...complete.filter((line) => line !== ""));
  });
  const errors: string[] = [];
  server.stderr!.on("data", (chunk: Buffer) => errors.push(chunk.toString()));
  server.once("exit", () => lines.push(...errors.map((text) => JSON.stringify({ stderr: text }))));
  await waitForLine(/MedProof is serving/, 60_000);
  base = `http://127.0.0.1:${port}`;
});

after(async () => {
  server?.kill("SIGTERM");
  await proxy?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("the production server", () => {
  it("runs from the compiled bundle with production packages only", () => {
    for (const devTool of ["tsx", "typescript", "esbuild", "@foundry-rs/anvil", "eslint"]) {
      assert.equal(existsSync(join(root, "node_modules", devTool)), false, `${devTool} is in the copy`);
    }
    assert.ok(existsSync(join(root, "node_modules", "next")));
  });

  it("is healthy while the chain answers, naming the head block", async () => {
    // The watcher subscribes a moment after start.
    let response = await fetch(`${base}/healthz`);
    for (let i = 0; i < 50 && response.status !== 200; i++) {
      await new Promise((done) => setTimeout(done, 200));
      response = await fetch(`${base}/healthz`);
    }
    const body = (await response.json()) as {
      status: string;
      probes: Record<string, Record<string, unknown>>;
    };
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.equal(body.status, "ok");
    assert.ok(Number(body.probes.chain?.block) > 0);
    assert.equal(body.probes.watcher?.live, true);
    assert.equal(body.probes.store?.ok, true);
    assert.equal(body.probes.database?.engine, "postgres", "the database answers");
    assert.match(String(body.probes.relayer?.balanceWei), /^[1-9]\d*$/);
  });

  it("reads .env at start, the environment winning", async () => {
    const genuine = scenario("genuine");
    const response = await fetch(`${base}/api/verify?code=${encodeURIComponent(genuine.code)}`);
    const body = (await response.json()) as { verdict: string; price: { region: number } };
    assert.equal(response.status, 200);
    assert.equal(body.price.region, 110100, "REGION came from .env");
    // PORT=1 in the file lost to the environment's port, or nothing would have answered.
  });

  it("logs a request as JSON lines with its request id, echoed, and without cookie, secret or address", async () => {
    const box = scenario("genuine");
    const verified = await fetch(`${base}/api/verify?code=${encodeURIComponent(box.code)}`, {
      headers: { "x-request-id": "ops-verify-1", cookie: `medproof-act-as=${COOKIE_VALUE}` },
    });
    assert.equal(verified.status, 200);
    assert.equal(verified.headers.get("x-request-id"), "ops-verify-1");
    // A complaint the server refuses (not a code) still carries the box's secret in its body.
    const refused = await fetch(`${base}/api/complaints`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-request-id": "ops-complaint-1",
        cookie: COOKIE_VALUE,
      },
      body: JSON.stringify({
        code: "not a code",
        secret: box.secret,
        kind: "spec-failure",
        description: "x",
      }),
    });
    assert.equal(refused.status, 400);
    // A request Node cannot parse (its head over the limit) is refused before any handler runs; the
    // error Node hands over holds the raw head, cookie included.
    const overflow = await rawRequest(
      `GET / HTTP/1.1\r\nhost: x\r\ncookie: ${COOKIE_VALUE}\r\nx-pad: ${"a".repeat(300_000)}\r\n\r\n`,
    );
    assert.match(overflow, /^HTTP\/1\.1 431 /);
    await waitForLine(/"status":431/, 5000);
    const overflowLine = lines.find((line) => line.includes('"status":431')) ?? "";
    assert.equal((JSON.parse(overflowLine) as { cause?: string }).cause, "HPE_HEADER_OVERFLOW");
    assert.ok(!overflowLine.includes("rawPacket"), "the raw request head was logged");
    // An id that is not plain text is replaced, never written into the log.
    const odd = await fetch(`${base}/healthz`, { headers: { "x-request-id": "two words {and} braces" } });
    const oddId = odd.headers.get("x-request-id") ?? "";
    assert.match(oddId, /^[0-9a-f-]{36}$/);

    const verifyLines = await requestLines("ops-verify-1");
    assert.deepEqual(
      verifyLines.map((line) => [line.msg, line.status]),
      [["request", 200]],
    );
    const complaintLines = await requestLines("ops-complaint-1");
    assert.ok(complaintLines.some((line) => line.msg === "request refused" && line.status === 400));
    assert.equal((await requestLines(oddId)).length, 1);

    assert.ok(lines.length > 0);
    for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), `not JSON: ${line}`);
    const everything = lines.join("\n");
    for (const secret of [COOKIE_VALUE, box.secret!, "two words"]) {
      assert.ok(!everything.includes(secret), `${secret} was logged`);
    }
    // The server logs its own address at start; a request's lines never hold the client's.
    const requestText = JSON.stringify([...verifyLines, ...complaintLines]);
    assert.ok(!requestText.includes("127.0.0.1"), "a client address was logged");
  });

  it("serves Prometheus text that counts verifications by verdict", async () => {
    const response = await fetch(`${base}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const samples = new Map<string, number>();
    for (const line of text.split("\n")) {
      if (line === "" || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) continue;
      const sample =
        /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (-?(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|\+Inf|NaN))$/.exec(line);
      assert.ok(sample, `not a Prometheus sample: ${line}`);
      samples.set(sample[1]!, Number(sample[2]));
    }
    // Two verifications of the genuine box by the tests above.
    assert.equal(samples.get('medproof_verifications_total{verdict="genuine"}'), 2);
    assert.equal(samples.get("medproof_verification_duration_seconds_count"), 2);
    assert.ok((samples.get("medproof_read_cache_misses_total") ?? 0) >= 1);
    assert.equal(samples.get("medproof_relayer_queue"), 0);
    assert.ok((samples.get("medproof_relayer_balance_wei") ?? 0) > 0);
  });

  it("answers 503 naming the chain once it stops answering, and logs the failure once with its cause", async () => {
    await proxy.close();
    const health = await fetch(`${base}/healthz`, { headers: { "x-request-id": "ops-health-down" } });
    const report = (await health.json()) as { error: { code: string; message: string }; failing: string[] };
    assert.equal(health.status, 503);
    assert.equal(report.error.code, "unhealthy");
    assert.ok(report.failing.includes("chain"), JSON.stringify(report));
    assert.match(report.error.message, /chain/);

    // A box not read before: the genuine one's record is cached while the watcher is live.
    const box = scenario("recalled");
    const verified = await fetch(`${base}/api/verify?code=${encodeURIComponent(box.code)}`, {
      headers: { "x-request-id": "ops-verify-down" },
    });
    assert.equal(verified.status, 503);
    const failures = (await requestLines("ops-verify-down")).filter((line) => line.level === "error");
    assert.equal(failures.length, 1, JSON.stringify(failures));
    assert.equal(failures[0]!.code, "chain_unavailable");
    assert.equal(failures[0]!.err?.type, "ChainUnavailableError");
    assert.match(failures[0]!.err?.message ?? "", /did not answer/);

    const metrics = await (await fetch(`${base}/metrics`)).text();
    assert.match(metrics, /^medproof_verifications_total\{verdict="chain_unavailable"\} 1$/m);
    assert.match(metrics, /^medproof_rpc_errors_total [1-9]/m);
  });
});
