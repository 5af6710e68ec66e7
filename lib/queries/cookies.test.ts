import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { cookieValue, localeFromHeaders } from "./cookies";

describe("cookieValue", () => {
  it("finds a cookie among others, spaces or not", () => {
    assert.equal(cookieValue("a=1; locale=zh-CN;b=2", "locale"), "zh-CN");
    assert.equal(cookieValue("a=1;b=2", "b"), "2");
  });

  it("keeps an = inside the value and decodes it", () => {
    assert.equal(cookieValue("k=a%20b=c", "k"), "a b=c");
  });

  it("does not match a cookie whose name only ends with the one asked for", () => {
    assert.equal(cookieValue("xlocale=en", "locale"), undefined);
  });

  it("gives nothing for a value a stranger broke, and for no header", () => {
    assert.equal(cookieValue("medproof-act-as=%E0%A4%A", "medproof-act-as"), undefined);
    assert.equal(cookieValue(null, "locale"), undefined);
  });
});

describe("localeFromHeaders", () => {
  it("lets the switch's cookie outrank the browser, and falls back to it", () => {
    assert.equal(localeFromHeaders("locale=en", "zh-CN"), "en");
    assert.equal(localeFromHeaders("locale=fr", "zh-CN,zh;q=0.9"), "zh-CN");
    assert.equal(localeFromHeaders(undefined, undefined), "en");
  });
});
