import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ConfigError, parseEnv } from "./env";

describe("where the server listens, for the demo switch", () => {
  it("counts literal loopback addresses as loopback, and nothing else", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "::ffff:127.0.0.1"])
      assert.equal(parseEnv({ HOST: host }).hostIsLoopback, true, host);
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "medproof.example", "127.0.0.1.example"])
      assert.equal(parseEnv({ HOST: host }).hostIsLoopback, false, host);
    assert.equal(parseEnv({}).hostIsLoopback, true, "the default, 127.0.0.1");
  });

  it("takes DEMO_PASSWORD of 8 characters or more; an empty one is no password", () => {
    assert.equal(parseEnv({ DEMO_PASSWORD: "correct horse" }).demoPassword, "correct horse");
    assert.equal(parseEnv({ DEMO_PASSWORD: "" }).demoPassword, null);
    assert.equal(parseEnv({}).demoPassword, null);
    assert.throws(() => parseEnv({ DEMO_PASSWORD: "short" }), ConfigError);
    assert.throws(() => parseEnv({ DEMO_PASSWORD: "short" }), /DEMO_PASSWORD must be at least 8/);
  });
});
