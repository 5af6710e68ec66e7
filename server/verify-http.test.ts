import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { FIXTURE_GTIN, FIXTURE_LOT, makeBoxRecord } from "../lib/domain/fixtures";
import { MAX_SCAN_LENGTH, type ScannedCode } from "../lib/domain/gs1";
import { Verifier } from "../lib/queries/verify";
import { deviceOf, handleVerify, isLinksetRequest, isVerifyRequest, MAX_URL_LENGTH } from "./verify-http";

const DIGITAL_LINK = "/01/09521234500018/10/260925A/21/100123?17=280923";
const request = (url: string, accept?: string) =>
  ({ url, headers: accept === undefined ? {} : { accept } }) as IncomingMessage;

describe("which /01/ requests get the linkset, the JSON verdict or the page", () => {
  const cases: { accept: string | undefined; url?: string; answer: "linkset" | "json" | "page" }[] = [
    { accept: "application/linkset+json", answer: "linkset" },
    { accept: "application/linkset+json, application/json", answer: "linkset" },
    { accept: "application/json;q=0.5, application/linkset+json", answer: "linkset" },
    { accept: "application/json, application/linkset+json;q=0.5", answer: "json" },
    { accept: "application/linkset+json;q=0", answer: "page" },
    { accept: "application/json", answer: "json" },
    { accept: "text/html,application/xhtml+xml,*/*;q=0.8", answer: "page" },
    { accept: "*/*", answer: "page" },
    { accept: undefined, answer: "page" },
    { accept: "text/html", url: `${DIGITAL_LINK}&linkType=all`, answer: "linkset" },
    { accept: undefined, url: `${DIGITAL_LINK}&linkType=linkset`, answer: "linkset" },
  ];
  for (const { accept, url = DIGITAL_LINK, answer } of cases) {
    it(`${answer} for Accept: ${accept ?? "(none)"}${url === DIGITAL_LINK ? "" : ` at ${url}`}`, () => {
      const req = request(url, accept);
      const got = isLinksetRequest(req) ? "linkset" : isVerifyRequest(req) ? "json" : "page";
      assert.equal(got, answer);
    });
  }

  it("never answers a linkset off the Digital Link paths", () => {
    assert.equal(isLinksetRequest(request("/scan", "application/linkset+json")), false);
    assert.equal(isLinksetRequest(request("/api/verify?code=x&linkType=all")), false);
  });
});

describe("the scan log's device fingerprint", () => {
  // Behind a proxy every request comes from the proxy's socket: the device is the client the server
  // believed (TRUST_PROXY), or all shoppers would be one device and every second scan a copy.
  const viaProxy = { socket: { remoteAddress: "10.0.0.1" }, headers: { "user-agent": "Phone" } };
  it("tells two clients behind one proxy apart", () => {
    const req = viaProxy as unknown as IncomingMessage;
    assert.notEqual(deviceOf(req, "203.0.113.7"), deviceOf(req, "198.51.100.4"));
  });
  it("is the same for the same client and browser, and never shows the address", () => {
    const req = viaProxy as unknown as IncomingMessage;
    assert.equal(deviceOf(req, "203.0.113.7"), deviceOf(req, "203.0.113.7"));
    assert.doesNotMatch(deviceOf(req, "203.0.113.7"), /203/);
  });
});

describe("the lean verify handler with scanners' real codes", () => {
  const read: unknown[] = [];
  const verifier = new Verifier(
    {
      read: (code) => {
        read.push(code);
        return Promise.resolve(makeBoxRecord());
      },
    },
    null,
  );
  let server: Server;
  let base = "";
  before(async () => {
    server = createServer((req, res) => void handleVerify(req, res, verifier, 320500, "client"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const link = `https://id.example/01/${FIXTURE_GTIN}/10/${FIXTURE_LOT}/21/100123`;
  const verify = (code: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/verify?code=${encodeURIComponent(code)}`, { headers });

  it("answers a Digital Link with other AIs and a long utm parameter, up to what a QR code holds", async () => {
    const withAis = `${link}?17=280923&3103=000195&7003=2809231200&utm_source=box&utm_campaign=`;
    const code = withAis + "c".repeat(2500);
    assert.ok(code.length <= MAX_SCAN_LENGTH);
    assert.ok(`/api/verify?code=${encodeURIComponent(code)}`.length <= MAX_URL_LENGTH);
    const answer = await verify(code);
    assert.equal(answer.status, 200);
    const body = (await answer.json()) as { code: { serial: string; expiry: string } };
    assert.deepEqual(body.code, {
      gtin: FIXTURE_GTIN,
      lot: FIXTURE_LOT,
      serial: "100123",
      expiry: "2028-09-23",
    });
    assert.equal((read.at(-1) as ScannedCode).serial, "100123");
  });

  it("refuses a primary key repeated in the query and a numeric key that is no AI, by name, in Chinese too", async () => {
    for (const [query, reason] of [
      [`?01=${FIXTURE_GTIN}`, "key_in_query"],
      ["?12345=1", "unknown_ai"],
    ] as const) {
      const answer = await verify(link + query, { "accept-language": "zh-CN" });
      assert.equal(answer.status, 400);
      const { error } = (await answer.json()) as { error: { code: string; reason: string; message: string } };
      assert.equal(error.code, "invalid_code");
      assert.equal(error.reason, reason);
      assert.match(error.message, /\p{Script=Han}/u);
    }
  });
});
