// The build's scripts and styles, served compressed with Brotli to browsers that take it, and byte for
// byte the files Next built; a browser without Brotli gets Next's own answer.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { brotliDecompressSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { baseUrl } from "./world";

async function firstScript(): Promise<string> {
  const html = await (await fetch(`${baseUrl()}/`)).text();
  const src = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  assert.ok(src, "the home page loads a script from /_next/static");
  return src;
}

/** fetch() decompresses by itself; node:http does not, so the bytes on the wire can be checked. */
async function raw(path: string, acceptEncoding: string) {
  const { request } = await import("node:http");
  const url = new URL(path, baseUrl());
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(url, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on("error", reject);
      req.end();
    },
  );
}

describe("static scripts", () => {
  it("are sent with Brotli when the browser takes it, decoding to the built file", async () => {
    const path = await firstScript();
    const built = readFileSync(`.next${path.slice("/_next".length)}`);
    let reply = await raw(path, "gzip, deflate, br, zstd");
    // Compression runs in the background from start: give it a moment on a fresh server.
    for (let i = 0; i < 50 && reply.headers["content-encoding"] !== "br"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      reply = await raw(path, "gzip, deflate, br, zstd");
    }
    assert.equal(reply.status, 200);
    assert.equal(reply.headers["content-encoding"], "br");
    assert.match(String(reply.headers["cache-control"]), /immutable/);
    assert.equal(reply.headers["x-content-type-options"], "nosniff");
    assert.ok(brotliDecompressSync(reply.body).equals(built));
    assert.ok(reply.body.length < built.length / 2);
  });

  it("are left to Next for a browser without Brotli, or with br refused", async () => {
    const path = await firstScript();
    for (const encoding of ["gzip", "br;q=0, gzip"]) {
      const reply = await raw(path, encoding);
      assert.equal(reply.status, 200);
      assert.notEqual(reply.headers["content-encoding"], "br");
    }
  });

  it("never reads a path outside the build", async () => {
    const reply = await raw("/_next/static/../../package.json", "br");
    assert.notEqual(reply.headers["content-encoding"], "br");
    assert.ok(!reply.body.toString().includes('"name": "medproof"'));
  });
});
