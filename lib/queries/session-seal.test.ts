import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CookieSeal, loadSessionSecret, sameSecret } from "./session-seal";

const SECRET = Buffer.alloc(32, 7);

describe("the install's session secret", () => {
  it("is made once with crypto.randomBytes, readable by its owner only, and read back after", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "medproof-seal-")), "data");
    const first = loadSessionSecret(dir);
    assert.equal(first.length, 32);
    assert.notDeepEqual(first, Buffer.alloc(32));
    assert.equal(statSync(join(dir, "session-secret")).mode & 0o777, 0o600);
    assert.deepEqual(loadSessionSecret(dir), first);
    assert.deepEqual(readdirSync(dir), ["session-secret"], "no temporary file is left behind");
    const other = mkdtempSync(join(tmpdir(), "medproof-seal-"));
    assert.notDeepEqual(loadSessionSecret(other), first, "each install has its own");
  });
});

describe("a sealed cookie", () => {
  const seal = new CookieSeal(SECRET, null);

  it("opens to the value it was sealed with", () => {
    const sealed = seal.seal("medproof-act-as", "qinghe", 3600);
    assert.match(sealed, /^qinghe\.\d+\.[\w-]{43}$/);
    assert.equal(seal.open("medproof-act-as", sealed), "qinghe");
  });

  it("does not open unsigned, with a changed value or MAC, or under another cookie's name", () => {
    const sealed = seal.seal("medproof-act-as", "qinghe", 3600);
    const [, expiry, mac] = sealed.split(".") as [string, string, string];
    assert.equal(seal.open("medproof-act-as", "qinghe"), null);
    assert.equal(seal.open("medproof-act-as", `regulator.${expiry}.${mac}`), null);
    assert.equal(seal.open("medproof-act-as", `qinghe.${Number(expiry) + 1}.${mac}`), null);
    for (let i = 0; i < mac.length; i += 1) {
      const flipped = mac.slice(0, i) + (mac[i] === "A" ? "B" : "A") + mac.slice(i + 1);
      assert.equal(seal.open("medproof-act-as", `qinghe.${expiry}.${flipped}`), null, `MAC char ${i}`);
    }
    assert.equal(seal.open("medproof-wallet", sealed), null);
    for (const junk of [undefined, "", ".", "..", "a.b", `.${expiry}.${mac}`, `qinghe.${expiry}.`, "é.1.ü"])
      assert.equal(seal.open("medproof-act-as", junk), null, String(junk));
  });

  it("does not open under another install's secret or another demo password", () => {
    const sealed = seal.seal("medproof-act-as", "qinghe", 3600);
    assert.equal(new CookieSeal(Buffer.alloc(32, 8), null).open("medproof-act-as", sealed), null);
    assert.equal(new CookieSeal(SECRET, "a new password").open("medproof-act-as", sealed), null);
  });

  it("stops opening when it expires", () => {
    let now = Date.UTC(2026, 0, 1);
    const clocked = new CookieSeal(SECRET, null, () => now);
    const sealed = clocked.seal("medproof-act-as", "qinghe", 60);
    now += 59_000;
    assert.equal(clocked.open("medproof-act-as", sealed), "qinghe");
    now += 1_000;
    assert.equal(clocked.open("medproof-act-as", sealed), null);
  });
});

describe("comparing a password", () => {
  it("matches only the same text, whatever the lengths", () => {
    assert.equal(sameSecret("correct horse", "correct horse"), true);
    assert.equal(sameSecret("correct horse", "correct hors"), false);
    assert.equal(sameSecret("", "correct horse"), false);
  });
});
