// The front server's guard on a real node:http server: a handler that throws or rejects still answers a
// named 400 and closes the connection (before, the socket stayed open until Node's request timeout);
// which paths decode and which methods each kind of route takes.
import { describe, it, after, before } from "node:test";
import assert from "node:assert/strict";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { allowedMethods, decodedPath, guarded } from "./request-guard";

let server: Server;
let port = 0;

before(async () => {
  server = createServer(
    guarded((req, res) => {
      if (req.url === "/throws") throw new Error("thrown in the handler");
      if (req.url === "/rejects") return Promise.reject(new Error("rejected later"));
      if (req.url === "/fails-mid-answer") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("half an answer");
        return Promise.reject(new Error("failed after the headers"));
      }
      res.end("fine");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** GET `path` with a language; the answer, or "closed" when the socket closed without one. */
function get(path: string, language = "en") {
  return new Promise<{ status: number; connection: string; body: string } | "closed">((resolve) => {
    const req = request(
      { host: "127.0.0.1", port, path, headers: { "accept-language": language } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection ?? "", body }),
        );
        res.on("error", () => resolve("closed"));
      },
    );
    req.on("error", () => resolve("closed"));
    req.end();
  });
}

describe("guarded", () => {
  it("answers a handler's throw with a named 400 and closes the connection", async () => {
    const reply = await get("/throws");
    assert.notEqual(reply, "closed");
    if (reply === "closed") return;
    assert.equal(reply.status, 400);
    assert.equal(reply.connection, "close");
    const { error } = JSON.parse(reply.body) as { error: { code: string; message: string } };
    assert.equal(error.code, "request_not_handled");
    assert.match(error.message, /could not be handled/);
  });

  it("answers a rejected promise the same way, in the request's language", async () => {
    const reply = await get("/rejects", "zh-CN");
    assert.notEqual(reply, "closed");
    if (reply === "closed") return;
    assert.equal(reply.status, 400);
    assert.equal(
      (JSON.parse(reply.body) as { error: { message: string } }).error.message,
      "无法处理该请求。",
    );
  });

  it("closes the socket of an answer that failed half-sent, rather than leave it open", async () => {
    assert.equal(await get("/fails-mid-answer"), "closed");
  });

  it("leaves a handler that answers alone", async () => {
    const reply = await get("/fine");
    assert.deepEqual(reply === "closed" ? reply : [reply.status, reply.body], [200, "fine"]);
  });
});

describe("decodedPath", () => {
  it("decodes a path's %-escapes and ignores the query", () => {
    assert.equal(decodedPath("/participants/%E9%9D%92?x=%zz"), "/participants/青");
  });

  it("is null for an escape that does not decode", () => {
    for (const path of ["/demo/%zz.png", "/%", "/%4", "/%C0%AF", "/%ED%A0%80", "/%E4%B8"]) {
      assert.equal(decodedPath(path), null, path);
    }
  });
});

describe("allowedMethods", () => {
  it("lets pages and files be read only, and route handlers take what Next routes", () => {
    for (const path of ["/", "/scan", "/manufacturer/batches/0x1/labels.pdf"]) {
      assert.deepEqual(allowedMethods(path), ["GET", "HEAD"], path);
    }
    assert.ok(allowedMethods("/api/complaints").includes("POST"));
    assert.ok(!allowedMethods("/api/complaints").includes("TRACE"));
  });

  it("lets the GS1 resolver's routes answer OPTIONS too (CORS preflight), and nothing that writes", () => {
    for (const path of ["/01/09521234500018", "/.well-known/gs1resolver", "/linkset-context.jsonld"]) {
      assert.deepEqual(allowedMethods(path), ["GET", "HEAD", "OPTIONS"], path);
    }
  });
});
