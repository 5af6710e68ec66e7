// The bad-input corpus (e2e/http/bad-inputs.json, made by scripts/gen-bad-inputs.ts) against /api/verify,
// the Digital Link route and /api/complaints (each text as the code, as the secret and as the
// description): a named 4xx for every text that is not a code, never a 5xx, nothing reflected
// unescaped, and nothing written on chain or to disk. Its whole requests (broken %-escapes in every
// kind of path, methods no route serves) are each answered with their named 400 or 405, none left hanging.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { dirname } from "node:path";
import { baseUrl, databaseUrl, deploymentFile, rpcUrl, scenario } from "./world";
import { openDb } from "../../lib/stores/db";
// A whole request the front server must refuse with `status` and the named error `code`.
import type { RequestEntry } from "../../scripts/gen-bad-inputs";

interface TextEntry {
  category: string;
  text: string;
  expect: "refused" | "answered";
}

const corpus = JSON.parse(readFileSync("e2e/http/bad-inputs.json", "utf8")) as (TextEntry | RequestEntry)[];
const texts = corpus.filter((entry): entry is TextEntry => "text" in entry);
const requests = corpus.filter((entry): entry is RequestEntry => "path" in entry);

/** Well past any answer the server gives; Node's own request timeout is 300 s. */
const HUNG_AFTER_MS = 15_000;

/**
 * Sends the request byte for byte on a socket of its own (fetch would normalise the path and refuses
 * TRACE and CONNECT): the status line, the headers and the body, or "hung" when nothing comes back.
 */
function rawRequest(
  entry: RequestEntry,
): Promise<{ status: number; headers: Map<string, string>; body: string } | "hung"> {
  const { hostname, port } = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve("hung");
    }, HUNG_AFTER_MS);
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      clearTimeout(timer);
      const [head = "", ...rest] = received.split("\r\n\r\n");
      const [statusLine = "", ...lines] = head.split("\r\n");
      const headers = new Map(
        lines.map((line) => [
          line.slice(0, line.indexOf(":")).toLowerCase(),
          line.slice(line.indexOf(":") + 1).trim(),
        ]),
      );
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: rest.join("\r\n\r\n") });
    });
    socket.write(
      `${entry.method} ${entry.path} HTTP/1.1\r\nhost: ${hostname}:${port}\r\n` +
        (entry.accept ? `accept: ${entry.accept}\r\n` : "") +
        (entry.method === "POST" || entry.method === "PUT" ? "content-length: 0\r\n" : "") +
        "connection: close\r\n\r\n",
    );
  });
}
const db = openDb({ databaseUrl: databaseUrl(), dataDir: dirname(deploymentFile()) });
const rows = async (table: "scans" | "evidence") =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

async function complain(body: unknown): Promise<{ status: number; code: string | undefined; text: string }> {
  const response = await fetch(`${baseUrl()}/api/complaints`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    code: (JSON.parse(text) as { error?: { code: string } }).error?.code,
    text,
  };
}

async function blockNumber(): Promise<number> {
  const response = await fetch(rpcUrl(), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
  });
  return Number(((await response.json()) as { result: string }).result);
}

const HOSTILE = /<script|<img|<svg|<iframe|onerror=|javascript:/i;

describe(`the bad-input corpus (${texts.length} texts, ${requests.length} requests)`, () => {
  let blockBefore = 0;
  let logBefore = 0;
  let evidenceBefore = 0;
  before(async () => {
    blockBefore = await blockNumber();
    logBefore = await rows("scans");
    evidenceBefore = await rows("evidence");
  });

  it("has at least 200 entries in at least 10 categories", () => {
    assert.ok(corpus.length >= 200);
    assert.ok(new Set(corpus.map((e) => e.category)).size >= 10);
  });

  for (const [i, entry] of texts.entries()) {
    it(`#${i} ${entry.category}: ${entry.expect}`, async () => {
      const response = await fetch(`${baseUrl()}/api/verify?code=${encodeURIComponent(entry.text)}`);
      const body = await response.text();
      assert.ok(response.status < 500, `status ${response.status}`);
      const json = JSON.parse(body) as { error?: { code: string; message: string }; verdict?: string };
      if (entry.expect === "refused") {
        assert.ok(response.status >= 400, `status ${response.status}`);
        assert.equal(json.error?.code, "invalid_code");
        assert.ok((json.error?.message.length ?? 0) > 0);
        assert.doesNotMatch(json.error?.message ?? "", HOSTILE);
      } else {
        assert.equal(response.status, 200);
        assert.ok(json.verdict);
      }

      // The same text as a Digital Link path, as a browser would open it.
      const page = await fetch(`${baseUrl()}/01/${encodeURIComponent(entry.text.slice(0, 2000))}`, {
        headers: { accept: "text/html" },
      });
      assert.ok(page.status < 500, `page status ${page.status}`);
      const html = await page.text();
      if (HOSTILE.test(entry.text)) assert.ok(!html.includes(entry.text), "the text is reflected unescaped");

      // As a complaint's fields. A text that is a valid code is left out as the code: it would be a real
      // filing (the complaint tests cover those).
      const box = scenario("genuine");
      const fields = [
        ...(entry.expect === "refused" ? [{ code: entry.text, secret: box.secret }] : []),
        { code: box.code, secret: entry.text },
        { code: box.code, secret: "not a secret", description: entry.text },
      ];
      for (const field of fields) {
        const reply = await complain({
          kind: "spec-failure",
          description: "The ear loops came off",
          ...field,
        });
        assert.ok(
          reply.status >= 400 && reply.status < 500,
          `complaint status ${reply.status}: ${reply.text}`,
        );
        assert.match(reply.code ?? "", /^[a-zA-Z_]+$/, reply.text);
        if (HOSTILE.test(entry.text))
          assert.ok(!reply.text.includes(entry.text), "reflected in the complaint reply");
      }
    });
  }

  for (const [i, entry] of requests.entries()) {
    it(`request #${i} ${entry.category}: ${entry.method} ${entry.path} → ${entry.status} ${entry.code}`, async () => {
      const reply = await rawRequest(entry);
      assert.notEqual(reply, "hung", `no answer within ${HUNG_AFTER_MS / 1000} s`);
      if (reply === "hung") return;
      assert.equal(reply.status, entry.status, reply.body);
      assert.match(reply.headers.get("content-type") ?? "", /^application\/json/);
      const json = JSON.parse(reply.body) as { error?: { code: string; message: string } };
      assert.equal(json.error?.code, entry.code);
      assert.ok((json.error?.message.length ?? 0) > 0);
      if (entry.status === 405) assert.match(reply.headers.get("allow") ?? "", /\bGET\b/);
    });
  }

  it("refuses JSON where text is expected, and a 100 KB description, by name", async () => {
    const box = scenario("genuine");
    const base = {
      code: box.code,
      secret: box.secret,
      kind: "spec-failure",
      description: "Ear loops came off",
    };
    for (const odd of [
      { code: { gtin: "1" } },
      { code: ["x"] },
      { secret: 123 },
      { kind: null },
      { pricePaid: [1] },
    ]) {
      const reply = await complain({ ...base, ...odd });
      assert.equal(reply.status, 400, reply.text);
      assert.equal(reply.code, "invalid_request");
    }
    const long = await complain({ ...base, description: "口罩".repeat(50_000) });
    assert.equal(long.status, 400);
    assert.equal(long.code, "invalid_request");
  });

  after(async () => {
    assert.equal(await blockNumber(), blockBefore, "no transaction was sent");
    assert.equal(await rows("scans"), logBefore, "nothing was written to the scan log");
    assert.equal(await rows("evidence"), evidenceBefore, "no complaint evidence was kept");
    await db.close();
  });
});
