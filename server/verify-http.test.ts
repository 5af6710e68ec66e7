import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";

import { deviceOf, isLinksetRequest, isVerifyRequest } from "./verify-http";

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
