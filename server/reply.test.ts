// The one reply helper: a route handler's Response, the lean handler's Node response and a bare socket's
// raw HTTP carry the same status, envelope and headers for the same outcome.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { errorBody, reply, socketReply, writeReply, type Outcome } from "./reply";

/** A Node response that records what writeReply wrote. */
function recorder(): {
  res: ServerResponse;
  sent: { status?: number; head?: Record<string, unknown>; body?: string };
} {
  const sent: { status?: number; head?: Record<string, unknown>; body?: string } = {};
  const res = {
    writeHead(status: number, head: Record<string, unknown>) {
      sent.status = status;
      sent.head = head;
    },
    end(body: string) {
      sent.body = body;
    },
  } as unknown as ServerResponse;
  return { res, sent };
}

const limited: Outcome = {
  status: 429,
  body: errorBody("rate_limited", "Too many tries.", "secret"),
  retryAfter: 60,
};

describe("reply", () => {
  it("writes the error envelope with its field, no-store, the language and Retry-After", async () => {
    const response = reply(limited, { locale: "zh-CN" });
    assert.equal(response.status, 429);
    assert.deepEqual(await response.json(), {
      error: { code: "rate_limited", message: "Too many tries.", field: "secret" },
    });
    assert.equal(response.headers.get("content-type"), "application/json; charset=utf-8");
    assert.equal(response.headers.get("cache-control"), "no-store");
    assert.equal(response.headers.get("content-language"), "zh-CN");
    assert.equal(response.headers.get("retry-after"), "60");
  });

  it("leaves field out of an envelope that has none", () => {
    assert.deepEqual(errorBody("invalid_json", "Not JSON."), {
      error: { code: "invalid_json", message: "Not JSON." },
    });
  });

  it("lets a caller name its own media type and repeat a header", () => {
    const response = reply(
      { status: 200, body: {} },
      {
        contentType: "application/ld+json",
        headers: [
          ["set-cookie", "a=1"],
          ["set-cookie", "b=2"],
        ],
      },
    );
    assert.equal(response.headers.get("content-type"), "application/ld+json");
    assert.deepEqual(response.headers.getSetCookie(), ["a=1", "b=2"]);
  });

  it("writes the same status, headers and body on a Node response as in a web Response", async () => {
    const { res, sent } = recorder();
    writeReply(res, limited, { locale: "en", headers: { allow: "GET, HEAD" } });
    const response = reply(limited, { locale: "en", headers: { allow: "GET, HEAD" } });
    assert.equal(sent.status, response.status);
    assert.equal(sent.body, await response.text());
    assert.deepEqual(sent.head, Object.fromEntries(response.headers.entries()));
  });

  it("answers a bare socket with the same envelope as raw HTTP that closes the connection", () => {
    let written = "";
    const socket = { end: (text: string) => (written = text) } as unknown as Duplex;
    socketReply(socket, { status: 431, body: errorBody("request_too_large", "Too large.") });
    const [head = "", body] = written.split("\r\n\r\n");
    assert.match(head, /^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    assert.match(head, /\r\nconnection: close$/);
    assert.match(head, new RegExp(`\r\ncontent-length: ${Buffer.byteLength(body ?? "")}\r\n`));
    assert.deepEqual(JSON.parse(body ?? ""), { error: { code: "request_too_large", message: "Too large." } });
  });
});
