// The labels a manufacturer's browser makes (lib/domain/label-signing.ts, @noble only) against what the
// server checks: its signatures verify with the server's verifier, its signer is the key's Ethereum
// address, its secrets are the keyed derivation the demo's server path used, and its possession root is
// the one a complaint is proved against. A published list that is not the batch's is refused.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHmac, randomBytes } from "node:crypto";
import { Wallet, hexlify } from "ethers";
import { possessionLeaf, possessionRoot } from "./possession";
import { recoverSerialSigner } from "./serials";
import { parseBoxSecret } from "../domain/box-secret";
import { parseScannedCode } from "../domain/gs1";
import {
  batchCommitment,
  boxLabels,
  keyedBoxSecret,
  labelSignerOf,
  signSerialWith,
} from "../domain/label-signing";
import { encryptLabelKey } from "../domain/label-keystore";
import { publishedListMismatch } from "../domain/possession-tree";

const GTIN = "09521234500018";
const key = new Uint8Array(randomBytes(32));
const wallet = new Wallet(hexlify(key));

describe("labels made in the browser", () => {
  it("sign serials the server's verifier accepts, under the key's Ethereum address", () => {
    assert.equal(labelSignerOf(key), wallet.address.toLowerCase());
    for (const serial of ["100001", "100002", "999999999"]) {
      const signature = signSerialWith(key, GTIN, "B26A", serial);
      assert.match(signature, /^[A-Za-z0-9_-]{86}$/);
      assert.equal(recoverSerialSigner(wallet.address, GTIN, "B26A", serial, signature), wallet.address);
    }
    // Another serial's signature names someone else, as a copied code must.
    const other = signSerialWith(key, GTIN, "B26A", "100001");
    assert.notEqual(recoverSerialSigner(wallet.address, GTIN, "B26A", "100003", other), wallet.address);
  });

  it("derive each box's secret as HMAC-SHA256 of the key, as the server's demo path did", () => {
    const expected = createHmac("sha256", key)
      .update(`medproof box secret v1\u001d${GTIN}\u001dB26A\u001d100007`)
      .digest()
      .subarray(0, 16);
    assert.deepEqual(Buffer.from(keyedBoxSecret(key, GTIN, "B26A", 100007)), expected);
  });

  it("commit to a possession root the printed slips prove against", () => {
    const commitment = batchCommitment(key, { gtin: GTIN, lot: "B26A", serialStart: 100001, boxes: 5 });
    assert.equal(commitment.signer, wallet.address.toLowerCase());
    assert.equal(commitment.list.leaves.length, 5);
    assert.equal(commitment.possessionRoot, possessionRoot(commitment.list.leaves));
    const labels = boxLabels(
      key,
      { gtin: GTIN, lot: "B26A", expiry: "2028-11-30" },
      "https://m.example",
      100003,
      2,
    );
    const [third] = labels;
    assert.ok(third);
    const parsed = parseScannedCode(third.code);
    assert.ok(parsed.ok);
    assert.equal(parsed.code.serial, "100003");
    assert.equal(parsed.code.expiry, "2028-11-30");
    assert.equal(
      recoverSerialSigner(wallet.address, GTIN, "B26A", "100003", parsed.code.signature ?? ""),
      wallet.address,
    );
    // The slip's secret, typed back, is the leaf the list holds for that serial.
    assert.equal(possessionLeaf(100003, parseBoxSecret(third.secret ?? "")), commitment.list.leaves[2]);
  });

  it("publish a list only when it is the batch's: first serial, one leaf a box, the root on chain", () => {
    const { list, possessionRoot: root } = batchCommitment(key, {
      gtin: GTIN,
      lot: "B26A",
      serialStart: 100001,
      boxes: 4,
    });
    const batch = { serialStart: 100001, boxes: 4, possessionRoot: root };
    assert.equal(publishedListMismatch(list, batch), null);
    const other = batchCommitment(new Uint8Array(randomBytes(32)), {
      gtin: GTIN,
      lot: "B26A",
      serialStart: 100001,
      boxes: 4,
    });
    assert.equal(publishedListMismatch(other.list, batch), "root_mismatch");
    assert.equal(publishedListMismatch({ ...list, serialStart: 100002 }, batch), "serial_start");
    assert.equal(publishedListMismatch({ ...list, leaves: list.leaves.slice(1) }, batch), "box_count");
    assert.equal(publishedListMismatch(list, { ...batch, possessionRoot: `0x${"0".repeat(64)}` }), "no_root");
  });
});

describe("a label key saved in the browser", () => {
  it("is a version-3 keystore that ethers (and so the CLI) opens with the password", async () => {
    const keystore = await encryptLabelKey(key, "correct horse", globalThis.crypto, 1024);
    const opened = await Wallet.fromEncryptedJson(JSON.stringify(keystore), "correct horse");
    assert.equal(opened.privateKey, hexlify(key));
    await assert.rejects(Wallet.fromEncryptedJson(JSON.stringify(keystore), "wrong horse"));
  });
});
