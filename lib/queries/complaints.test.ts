// The complaint desk's rate limits with the real limiter, on a batch held in memory: what each limit
// counts decides who it can be turned against. (Filing itself is tested end to end in e2e/http.)
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BatchInfo } from "../domain/record";
import { formatBoxSecret } from "../domain/box-secret";
import type { BoxReader } from "../chain/reader";
import type { Deployment } from "../chain/deployment";
import { possessionList, possessionRoot } from "../chain/possession";
import { RelayError } from "../chain/relay";
import { ComplaintDesk, WRONG_SECRETS_PER_HOUR } from "./complaints";
import type { EvidenceStore } from "../stores/evidence-store";
import { openDb } from "../stores/db";
import type { PossessionStore } from "../stores/possession-store";

const SERIAL_START = 100030;
const secrets = [1, 2, 3].map((n) => new Uint8Array(16).fill(n));
const list = possessionList(SERIAL_START, secrets);
const batch = {
  id: `0x${"ab".repeat(32)}`,
  lot: "240315A",
  serialStart: SERIAL_START,
  boxes: secrets.length,
  possessionRoot: possessionRoot(list.leaves),
} as BatchInfo;

// The desk's rate limits count in a database of the test's own.
const dataDir = mkdtempSync(join(tmpdir(), "medproof-complaints-"));
const db = openDb({ databaseUrl: null, dataDir });
after(async () => {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * A desk over that batch whose relayer is down (a filing that passes every check answers 503), with
 * every rate limit's budget whole.
 */
async function desk(): Promise<ComplaintDesk> {
  await db.exec("TRUNCATE rate_limits");
  return new ComplaintDesk({
    deployment: {} as Deployment,
    db,
    rpcUrl: "http://127.0.0.1:1",
    reader: { read: async () => ({ batch }) } as unknown as BoxReader,
    possession: { read: () => list } as unknown as PossessionStore,
    evidence: {} as EvidenceStore,
    relayer: () =>
      Promise.reject(new RelayError("unavailable", { code: "relay_unavailable", message: "down" })),
    cacheIsSafe: () => false,
    durability: null,
  });
}

const code = (serial: string) => `https://example.com/01/09521234500018/10/240315A/21/${serial}`;
const right = formatBoxSecret(secrets[0]!);
const wrong = formatBoxSecret(new Uint8Array(16).fill(9));
const complaint = (serial: string, secret: string) => ({
  code: code(serial),
  secret,
  kind: "spec-failure",
  description: "Ear loops came off",
});

async function outcome(d: ComplaintDesk, serial: string, secret: string, client: string): Promise<string> {
  const answer = await d.file(complaint(serial, secret), client);
  return "error" in answer.body ? `${answer.status} ${answer.body.error.code}` : String(answer.status);
}

describe("the complaint desk's rate limits", () => {
  it("count wrong secrets against the client who typed them, not the box: its holder still files", async () => {
    const d = await desk();
    for (let i = 0; i < 5; i++)
      assert.equal(await outcome(d, "100030", wrong, "198.51.100.1"), "400 wrong_secret");
    assert.equal(
      await outcome(d, "100030", right, "203.0.113.5"),
      "503 relay_unavailable",
      "the holder files",
    );
    for (let i = 5; i < WRONG_SECRETS_PER_HOUR; i++) {
      assert.equal(await outcome(d, "100030", wrong, "198.51.100.1"), "400 wrong_secret");
    }
    assert.equal(
      await outcome(d, "100030", wrong, "198.51.100.1"),
      "429 rate_limited",
      "the guesser is stopped",
    );
    assert.equal(
      await outcome(d, "100031", formatBoxSecret(secrets[1]!), "198.51.100.1"),
      "429 rate_limited",
      "on every box",
    );
  });

  it("do not count a filing whose secret is right toward its client's wrong secrets", async () => {
    const d = await desk();
    for (let i = 0; i < WRONG_SECRETS_PER_HOUR + 1; i++) {
      assert.equal(
        await outcome(d, "100030", right, `198.51.100.${i}`),
        i < 5 ? "503 relay_unavailable" : "429 rate_limited",
      );
    }
    assert.equal(await outcome(d, "100031", wrong, "198.51.100.1"), "400 wrong_secret");
  });

  it("give a box one budget however its serial is written (0100030 is 100030)", async () => {
    const d = await desk();
    const answers: string[] = [];
    for (const [i, serial] of ["0100030", "100030", "00100030", "0100030", "100030", "100030"].entries()) {
      answers.push(await outcome(d, serial, right, `198.51.100.${i}`));
    }
    assert.deepEqual(answers, [...Array<string>(5).fill("503 relay_unavailable"), "429 rate_limited"]);
    assert.equal(
      await outcome(d, "100031", formatBoxSecret(secrets[1]!), "198.51.100.9"),
      "503 relay_unavailable",
    );
  });
});
