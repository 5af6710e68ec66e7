import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { isLocalOnlyUrl, isLoopbackHost } from "./loopback";

describe("isLocalOnlyUrl", () => {
  it("refuses links that only this machine can open", () => {
    for (const url of [
      "http://localhost:3000/participants/0xabc",
      "http://LOCALHOST/participants/0xabc",
      "http://127.0.0.1:41234/participants/0xabc",
      "http://127.8.9.10/participants/0xabc",
      "http://[::1]:3000/participants/0xabc",
      "http://[::ffff:127.0.0.1]/participants/0xabc",
      "http://shop.localhost:3000/participants/0xabc",
      "http://0.0.0.0:3000/participants/0xabc",
      "http://[::]:3000/participants/0xabc",
      "not a url",
    ]) {
      assert.equal(isLocalOnlyUrl(url), true, url);
    }
  });

  it("prints a public or private-network address", () => {
    for (const url of [
      "https://medproof.example.cn/participants/0xabc",
      "http://192.168.1.20:3000/participants/0xabc",
      "https://localhost.example.cn/participants/0xabc",
      "https://128.0.0.1/participants/0xabc",
    ]) {
      assert.equal(isLocalOnlyUrl(url), false, url);
    }
  });
});

describe("isLoopbackHost", () => {
  it("takes literal loopback addresses only: not 0.0.0.0, which listens everywhere", () => {
    assert.deepEqual(
      ["127.0.0.1", "[::1]", "localhost", "0.0.0.0", "medproof.example.cn"].map(isLoopbackHost),
      [true, true, true, false, false],
    );
  });
});
