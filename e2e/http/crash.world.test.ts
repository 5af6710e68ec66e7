// Crash and restart, the way a user runs it: `npm start` (scripts/start.ts) in a child process, traffic,
// then kill -9 of the app and of its chain mid-traffic, and `npm start` again on the same data folder.
// Every confirmed record is still there and the scan log lost no acknowledged scan.
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

describe("kill -9 mid-traffic, then npm start again", () => {
  it("keeps every confirmed record and every acknowledged scan", async () => {
    const env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      ANVIL_PORT: String(await freePort()),
      HOST: "127.0.0.1",
    };
    const url = `http://127.0.0.1:${env.PORT}`;
    const app = await npmStart(env);
    const scenarios = JSON.parse(readFileSync(join("public", "demo", "scenarios.json"), "utf8")) as {
      id: string;
      code: string;
    }[];
    const genuine = scenarios.find((s) => s.id === "genuine")!;
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
