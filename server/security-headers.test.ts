// Who gets HSTS, and the page policy in development: what the HTTP tests, all from loopback over
// plain http against a production server, cannot reach.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { cameOverHttps, pageCsp } from "./security-headers";
import { parseRange } from "../lib/domain/client-address";

/** A request as the server sees it, from `remoteAddress`, with these X-Forwarded-Proto headers. */
function request(remoteAddress: string, forwardedProto: string[] = []): IncomingMessage {
  const socket = Object.defineProperty(new Socket(), "remoteAddress", { value: remoteAddress });
  const headersDistinct = forwardedProto.length > 0 ? { "x-forwarded-proto": forwardedProto } : {};
  return { socket, headersDistinct } as unknown as IncomingMessage;
}

describe("cameOverHttps", () => {
  it("believes X-Forwarded-Proto from a proxy on this machine, over IPv4, IPv6 and mapped IPv4", () => {
    for (const address of ["127.0.0.1", "127.0.1.1", "::1", "::ffff:127.0.0.1"]) {
      assert.equal(cameOverHttps(request(address, ["https"])), true, address);
    }
  });

  it("ignores X-Forwarded-Proto from any other peer: a client could make it up", () => {
    for (const address of ["203.0.113.7", "192.168.1.20", "::ffff:10.0.0.1", "2001:db8::1", "::12"]) {
      assert.equal(cameOverHttps(request(address, ["https"])), false, address);
    }
  });

  it("believes it from a proxy named in TRUST_PROXY, and from no other address of that network", () => {
    const trusted = [parseRange("10.0.0.0/24")!];
    assert.equal(cameOverHttps(request("10.0.0.5", ["https"]), trusted), true);
    assert.equal(cameOverHttps(request("::ffff:10.0.0.5", ["https"]), trusted), true);
    assert.equal(cameOverHttps(request("10.0.1.5", ["https"]), trusted), false);
  });

  it("is false for plain http without the header", () => {
    assert.equal(cameOverHttps(request("127.0.0.1")), false);
  });

  it("takes the last hop's word, in one header or repeated ones", () => {
    assert.equal(cameOverHttps(request("127.0.0.1", ["https, http"])), false);
    assert.equal(cameOverHttps(request("127.0.0.1", ["https", "http"])), false);
    assert.equal(cameOverHttps(request("127.0.0.1", ["http", " HTTPS "])), true);
  });
});

describe("pageCsp", () => {
  it("lets workers, the service worker among them, come from this origin only", () => {
    for (const dev of [false, true]) assert.match(pageCsp("n", { dev }), /(^|; )worker-src 'self'(;|$)/);
  });

  it("allows eval only to Next's development build", () => {
    assert.ok(!pageCsp("n", { dev: false }).includes("'unsafe-eval'"));
    assert.match(pageCsp("n", { dev: true }), /script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval';/);
  });
});
