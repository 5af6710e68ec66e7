import { describe, it } from "node:test";
import assert from "node:assert/strict";

import { requestOrigin, type OriginInput } from "./request-origin";

const direct = (overrides: Partial<OriginInput> = {}): OriginInput => ({
  tls: false,
  fromTrustedProxy: false,
  host: "medproof.test:3000",
  forwardedHost: [],
  forwardedProto: [],
  fallback: "https://id.medproof.example/",
  ...overrides,
});

describe("the origin a request was made to", () => {
  it("is the Host header, over http or TLS as the socket was", () => {
    assert.equal(requestOrigin(direct()), "http://medproof.test:3000");
    assert.equal(requestOrigin(direct({ tls: true, host: "[::1]:8443" })), "https://[::1]:8443");
  });

  it("believes X-Forwarded-Proto and X-Forwarded-Host from a trusted proxy only (the last entry)", () => {
    const forwarded = { forwardedHost: ["evil.test, id.medproof.cn"], forwardedProto: ["http,https"] };
    assert.equal(requestOrigin(direct({ ...forwarded, fromTrustedProxy: true })), "https://id.medproof.cn");
    assert.equal(requestOrigin(direct(forwarded)), "http://medproof.test:3000");
  });

  it("falls back to the configured base for a missing or malformed host", () => {
    assert.equal(requestOrigin(direct({ host: undefined })), "https://id.medproof.example");
    assert.equal(requestOrigin(direct({ host: "a.test/evil?" })), "https://id.medproof.example");
    assert.equal(requestOrigin(direct({ host: "a.test@b.test" })), "https://id.medproof.example");
  });
});
