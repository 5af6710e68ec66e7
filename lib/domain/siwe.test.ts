// The checks a sign-in message must pass for this request before its signature is looked at: each
// refusal named, and the message this app writes passing them.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { checkSiweFields, SIWE_MESSAGE_SECONDS, siweRequest, type SiweFields } from "./siwe";

const NOW = Date.parse("2026-12-07T02:00:00Z");
const EXPECTED = { origin: "https://medproof.example:8443", chainId: 20260, now: NOW };
const ADDRESS = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";

const message = (overrides: Partial<SiweFields> = {}): SiweFields => ({
  ...siweRequest(EXPECTED, "0123456789abcdef"),
  address: ADDRESS,
  ...overrides,
});

describe("a sign-in message", () => {
  it("as this app writes it names the request's host, origin and chain, and passes", () => {
    const written = message();
    assert.equal(written.domain, "medproof.example:8443");
    assert.equal(written.uri, "https://medproof.example:8443");
    assert.equal(written.chainId, 20260);
    assert.equal(Date.parse(written.expirationTime!) - NOW, SIWE_MESSAGE_SECONDS * 1000);
    assert.equal(checkSiweFields(written, EXPECTED), null);
  });

  it("written for another site is wrong_domain (host, port or scheme)", () => {
    assert.equal(
      checkSiweFields(message({ domain: "medproof.example.evil.test" }), EXPECTED),
      "wrong_domain",
    );
    assert.equal(checkSiweFields(message({ domain: "medproof.example" }), EXPECTED), "wrong_domain");
    assert.equal(checkSiweFields(message({ scheme: "http" }), EXPECTED), "wrong_domain");
    assert.equal(checkSiweFields(message({ scheme: "https" }), EXPECTED), null);
  });

  it("naming another origin as its URI is wrong_uri; a path on this origin is fine", () => {
    assert.equal(checkSiweFields(message({ uri: "https://evil.test/" }), EXPECTED), "wrong_uri");
    assert.equal(checkSiweFields(message({ uri: "http://medproof.example:8443" }), EXPECTED), "wrong_uri");
    assert.equal(checkSiweFields(message({ uri: "did:key:z6Mk" }), EXPECTED), "wrong_uri");
    assert.equal(
      checkSiweFields(message({ uri: "https://medproof.example:8443/inspector" }), EXPECTED),
      null,
    );
  });

  it("for another chain is wrong_chain", () => {
    assert.equal(checkSiweFields(message({ chainId: 1 }), EXPECTED), "wrong_chain");
  });

  it("past its expiry, or issued longer ago than a nonce lives, is message_expired", () => {
    const expired = new Date(NOW - 1000).toISOString();
    assert.equal(checkSiweFields(message({ expirationTime: expired }), EXPECTED), "message_expired");
    const old = new Date(NOW - SIWE_MESSAGE_SECONDS * 1000).toISOString();
    assert.equal(
      checkSiweFields(message({ issuedAt: old, expirationTime: undefined }), EXPECTED),
      "message_expired",
    );
  });

  it("issued in the future (beyond a minute of clock skew) or before its not-before is not yet valid", () => {
    const ahead = (ms: number) => new Date(NOW + ms).toISOString();
    assert.equal(checkSiweFields(message({ issuedAt: ahead(30_000) }), EXPECTED), null);
    assert.equal(checkSiweFields(message({ issuedAt: ahead(120_000) }), EXPECTED), "message_not_yet_valid");
    assert.equal(checkSiweFields(message({ notBefore: ahead(1000) }), EXPECTED), "message_not_yet_valid");
  });

  it("with a version other than 1 or a time that is not one is malformed", () => {
    assert.equal(checkSiweFields(message({ version: "2" }), EXPECTED), "malformed_message");
    assert.equal(checkSiweFields(message({ expirationTime: "tomorrow" }), EXPECTED), "malformed_message");
  });
});
