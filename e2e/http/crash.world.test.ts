// Crash and restart, the way a user runs it: `npm start` (scripts/start.ts) in a child process, traffic,
// then kill -9 of the app and of its chain mid-traffic, and `npm start` again on the same data folder.
// Every confirmed record is still there and the scan log lost no acknowledged scan; a complaint answered
// 201 a moment before the kill is still there too, and its id is not issued again.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../scripts/lib/ports";

const dataDir = mkdtempSync(join(tmpdir(), "medproof-crash-"));
const children: ChildProcess[] = [];

after(() => {
  for (const child of children) killGroup(child);
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * kill -9 of npm start and of the chain it started, at once: each npm start leads its own process
 * group. (Killing the app alone would leave anvil running, holding this test's output pipe open, and
 * the test runner would wait for it forever.)
 */
function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
  child.stdout?.destroy();
}

async function npmStart(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("is running at")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
  });
  return child;
}

/** Both starts use the same data folder and ports, as a user's second `npm start` does. */
async function startEnv(): Promise<Record<string, string>> {
  return {
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    ANVIL_PORT: String(await freePort()),
    HOST: "127.0.0.1",
  };
}

const scenario = (id: string) =>
  (
    JSON.parse(readFileSync(join("public", "demo", "scenarios.json"), "utf8")) as {
      id: string;
      code: string;
      secret?: string;
    }[]
  ).find((s) => s.id === id)!;

describe("kill -9 mid-traffic, then npm start again", () => {
  it("keeps every confirmed record and every acknowledged scan", async () => {
    const env = await startEnv();
    const url = `http://127.0.0.1:${env.PORT}`;
    const app = await npmStart(env);
    const genuine = scenario("genuine");
    const verify = (code: string) => fetch(`${url}/api/verify?code=${encodeURIComponent(code)}`);

    // Traffic; the kill lands while requests are in flight.
    let acknowledged = 0;
    let stop = false;
    const traffic = Array.from({ length: 8 }, async () => {
      while (!stop) {
        try {
          const response = await verify(genuine.code);
          if (response.status === 200) acknowledged += 1;
          await response.arrayBuffer();
        } catch {
          return; // the server is gone
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    killGroup(app);
    stop = true;
    await Promise.all(traffic);
    assert.ok(acknowledged > 20, `only ${acknowledged} scans were acknowledged before the kill`);

    await npmStart(env);
    const response = await verify(genuine.code);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { verdict: string; checks: { id: string; title: string }[] };
    assert.equal(body.verdict, "genuine", "the genuine batch's whole record survived");
    const clone = body.checks.find((c) => c.id === "clone")!;
    const before = Number(/^Checked ([\d,]+) times before/.exec(clone.title)?.[1]?.replace(/,/g, "") ?? "0");
    assert.ok(before >= acknowledged, `the scan log has ${before} scans, ${acknowledged} were acknowledged`);
  });
});

describe("kill -9 of the chain a moment after a complaint was answered 201", () => {
  it("finds the complaint after npm start again, and gives the next filing a new id", async () => {
    for (const child of children) killGroup(child); // the previous test's server, on this data folder
    const env = await startEnv();
    const url = `http://127.0.0.1:${env.PORT}`;
    const complain = async (id: string) => {
      const box = scenario(id);
      const response = await fetch(`${url}/api/complaints`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          code: box.code,
          secret: box.secret,
          kind: "spec-failure",
          description: "Ear loops came off",
        }),
      });
      return { status: response.status, body: (await response.json()) as { id?: number; error?: unknown } };
    };

    const app = await npmStart(env);
    const filed = await complain("high-yield");
    // anvil writes its own state once a second: without the barrier this kill loses the complaint.
    killGroup(app);
    assert.equal(filed.status, 201, JSON.stringify(filed.body));

    await npmStart(env);
    const found = await fetch(`${url}/api/complaints/${filed.body.id}`);
    assert.equal(found.status, 200, `complaint ${filed.body.id} answered 201 is gone after the restart`);
    const next = await complain("complaint-upheld");
    assert.equal(next.status, 201, JSON.stringify(next.body));
    assert.equal(next.body.id, filed.body.id! + 1, "the next filing gets a new id");
  });
});
