import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { verify } from "node:crypto";
import { Wallet } from "ethers";
import { recoverSerialSigner, serialMessage, signSerial } from "./serials";

const maker = Wallet.createRandom();
const forger = Wallet.createRandom();
const GTIN = "09521234500018";

describe("serial signatures", () => {
  it("fit GS1 AI 8030 (at most 90 base64url characters)", () => {
    const signature = signSerial(maker.signingKey, GTIN, "260926A", "100123");
    assert.match(signature, /^[A-Za-z0-9_-]{86}$/);
  });

  it("name the maker as signer, first by recovery and then by native verification", () => {
    for (const serial of ["100123", "100124", "100125"]) {
      const signature = signSerial(maker.signingKey, GTIN, "260926A", serial);
      assert.equal(recoverSerialSigner(maker.address, GTIN, "260926A", serial, signature), maker.address);
    }
  });

  it("are standard ECDSA-SHA256 over the message, checkable by OpenSSL alone", () => {
    const signature = signSerial(maker.signingKey, GTIN, "L1", "7");
    const rs = Buffer.from(signature, "base64url");
    const jwk = { kty: "EC", crv: "secp256k1", x: "", y: "" };
    const pub = Buffer.from(maker.signingKey.publicKey.slice(4), "hex");
    jwk.x = pub.subarray(0, 32).toString("base64url");
    jwk.y = pub.subarray(32).toString("base64url");
    assert.ok(
      verify(
        "sha256",
        serialMessage(GTIN, "L1", "7"),
        { key: jwk, format: "jwk", dsaEncoding: "ieee-p1363" },
        rs,
      ),
    );
  });

  it("name someone else when a forger signed", () => {
    const signature = signSerial(forger.signingKey, GTIN, "260926A", "990001");
    const signer = recoverSerialSigner(maker.address, GTIN, "260926A", "990001", signature);
    assert.ok(signer);
    assert.notEqual(signer.toLowerCase(), maker.address.toLowerCase());
  });

  it("do not carry over to another serial, lot or GTIN", () => {
    const signature = signSerial(maker.signingKey, GTIN, "260926A", "100200");
    // Warm the maker's key so the native path is the one refusing.
    recoverSerialSigner(maker.address, GTIN, "260926A", "100200", signature);
    for (const [gtin, lot, serial] of [
      [GTIN, "260926A", "100201"],
      [GTIN, "260926B", "100200"],
      ["09521234500025", "260926A", "100200"],
    ] as const) {
      assert.notEqual(recoverSerialSigner(maker.address, gtin, lot, serial, signature), maker.address);
    }
  });

  it("give null for a malformed signature", () => {
    for (const bad of ["", "abc", "!!!!", "A".repeat(85), "A".repeat(90)]) {
      assert.equal(recoverSerialSigner(maker.address, GTIN, "L", "1", bad), null);
    }
  });
});
