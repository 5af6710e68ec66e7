import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { localeFromAcceptLanguage, negotiateLocale } from "./locale";

describe("negotiateLocale", () => {
  it("gives Chinese to a browser that prefers Chinese", () => {
    assert.equal(negotiateLocale(null, "zh-CN,zh;q=0.9,en;q=0.8"), "zh-CN");
    assert.equal(negotiateLocale(null, "zh-Hans-CN"), "zh-CN");
    assert.equal(negotiateLocale(null, "zh-TW,en;q=0.5"), "zh-CN");
  });

  it("gives English to a browser that prefers English", () => {
    assert.equal(negotiateLocale(null, "en-US,en;q=0.9,zh-CN;q=0.8"), "en");
  });

  it("ranks by quality before order", () => {
    assert.equal(negotiateLocale(null, "en;q=0.4,zh;q=0.9"), "zh-CN");
  });

  it("skips languages it does not speak", () => {
    assert.equal(negotiateLocale(null, "fr-FR,de;q=0.9,zh;q=0.3"), "zh-CN");
  });

  it("lets the switch's cookie outrank the browser", () => {
    assert.equal(negotiateLocale("en", "zh-CN"), "en");
    assert.equal(negotiateLocale("zh-CN", "en-US"), "zh-CN");
  });

  it("ignores a cookie naming a language it does not speak", () => {
    assert.equal(negotiateLocale("fr", "zh-CN"), "zh-CN");
  });

  it("falls back to English when nothing is said, or nothing usable", () => {
    assert.equal(negotiateLocale(null, null), "en");
    assert.equal(negotiateLocale(undefined, "*"), "en");
    assert.equal(negotiateLocale(null, "fr"), "en");
    assert.equal(localeFromAcceptLanguage(";;;,q=,zh;q=abc,,"), null);
    assert.equal(localeFromAcceptLanguage("zh;q=0"), null);
  });
});
