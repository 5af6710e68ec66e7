import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DemoKeysRefusedError } from "../chain/demo/accounts";
import { ACT_AS_COOKIE, chooseParty, partyFromCookieHeader, sessionCookie } from "./session";

const otherChain = async () => {
  throw new DemoKeysRefusedError("Demo keys are for the local chain (id 31337) only; this chain has id 1.");
};

describe("Demo: act as …", () => {
  it("is refused with 403 demo_keys_refused on any chain but the local one", async () => {
    const outcome = await chooseParty({ party: "inspector" }, otherChain);
    assert.equal(outcome.status, 403);
    assert.ok("error" in outcome.body);
    assert.equal(outcome.body.error.code, "demo_keys_refused");
    assert.match(outcome.body.error.message, /this chain has id 1/);
  });

  it("refuses a party that is not a seeded one before asking the chain", async () => {
    const outcome = await chooseParty({ party: "constructor" }, otherChain);
    assert.equal(outcome.status, 400);
    assert.ok("error" in outcome.body);
    assert.equal(outcome.body.error.code, "unknown_party");
  });

  it("keeps only the party's name in an httpOnly, SameSite=Lax cookie, and reads it back", () => {
    const cookie = sessionCookie("renxin", true);
    assert.match(cookie, /^medproof-act-as=renxin; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax; Secure$/);
    assert.equal(partyFromCookieHeader(`a=1; ${ACT_AS_COOKIE}=renxin`), "renxin");
    assert.equal(partyFromCookieHeader(`${ACT_AS_COOKIE}=toString`), null);
    assert.equal(partyFromCookieHeader(null), null);
  });
});
