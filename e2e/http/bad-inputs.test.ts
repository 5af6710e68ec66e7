// The bad-input corpus (e2e/http/bad-inputs.json, made by scripts/gen-bad-inputs.ts) against /api/verify
// and the Digital Link route: a named 4xx for every text that is not a code, never a 5xx, nothing
// reflected unescaped, and nothing written on chain or to disk.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync, existsSync } from "node:fs";
import { join } from "node:path";
import { baseUrl, rpcUrl } from "./world";

interface Entry {
  category: string;
  text: string;
  expect: "refused" | "answered";
}

const corpus = JSON.parse(readFileSync("e2e/http/bad-inputs.json", "utf8")) as Entry[];
const scanLog = () => join(process.env.DATA_DIR ?? "", "scan-log.jsonl");
const scanLogSize = () => (existsSync(scanLog()) ? statSync(scanLog()).size : 0);

async function blockNumber(): Promise<number> {
  const response = await fetch(rpcUrl(), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
  });
  return Number(((await response.json()) as { result: string }).result);
}

const HOSTILE = /<script|<img|<svg|<iframe|onerror=|javascript:/i;

describe(`the bad-input corpus (${corpus.length} texts)`, () => {
  let blockBefore = 0;
  let logBefore = 0;
  before(async () => {
    blockBefore = await blockNumber();
    logBefore = scanLogSize();
  });

  it("has at least 200 entries in at least 10 categories", () => {
    assert.ok(corpus.length >= 200);
    assert.ok(new Set(corpus.map((e) => e.category)).size >= 10);
  });

  for (const [i, entry] of corpus.entries()) {
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
    });
  }

  after(async () => {
    assert.equal(await blockNumber(), blockBefore, "no transaction was sent");
    assert.equal(scanLogSize(), logBefore, "nothing was written to the scan log");
  });
});
