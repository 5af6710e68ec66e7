import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { demoBoxSecret, demoSerialSigner } from "../../scripts/demo/accounts";
import { installDemo } from "../../scripts/demo/plugin";
import { uninstallDemoPlugin } from "./demo-plugin";
import {
  boxLabels,
  demoLabelKey,
  keyedSecrets,
  possessionListFor,
  publishedCheckCodes,
  secretSourceOf,
} from "./labels";
import { checkCodeDigest, checkCodeOf } from "./check-codes";
import { recoverSerialSigner } from "./serials";
import { parseScannedCode } from "../domain/gs1";
import { isoDateToSeconds } from "../domain/time";

const GTIN = "09521234500018";
const key = demoSerialSigner(2);

describe("the labels of a batch", () => {
  it("holds no demo key without the demo installed (production never installs it)", () => {
    uninstallDemoPlugin();
    const demo = possessionListFor(demoBoxSecret, GTIN, "L1", 1, 3);
    assert.equal(demoLabelKey(key.address), null);
    assert.equal(secretSourceOf(key, GTIN, "L1", demo), null);
    installDemo();
    assert.equal(demoLabelKey(key.address)?.address, key.address);
  });

  it("finds the demo maker's signing key by the batch's signer address only", () => {
    assert.equal(demoLabelKey(key.address.toLowerCase())?.address, key.address);
    assert.equal(demoLabelKey(demoSerialSigner(99).address), null);
  });

  it("prints signed Digital Links that verify against the batch's signer", () => {
    const [label] = boxLabels(
      { gtin: GTIN, lot: "261201A", expiryDate: isoDateToSeconds("2028-11-30") },
      key,
      keyedSecrets(key),
      "https://medproof.example",
      100001,
      1,
    );
    assert.ok(label);
    const parsed = parseScannedCode(label.code);
    assert.ok(parsed.ok);
    assert.equal(parsed.code.serial, "100001");
    assert.equal(parsed.code.expiry, "2028-11-30");
    const signer = recoverSerialSigner(key.address, GTIN, "261201A", "100001", parsed.code.signature ?? "");
    assert.equal(signer, key.address);
    assert.match(label.secret ?? "", /^([0-9A-Z]{4}-){6}[0-9A-Z]{2}$/);
    // The printed line is the code without its signature; the check code is made from the signature.
    assert.equal(label.printed, `(01)${GTIN}(17)281130(10)261201A(21)100001`);
    assert.equal(label.checkCode, checkCodeOf(parsed.code.signature ?? ""));
    assert.match(label.checkCode, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const batchId = `0x${"ab".repeat(32)}`;
    assert.deepEqual(publishedCheckCodes(batchId, [label]), [
      { batchId, serial: "100001", digest: checkCodeDigest(batchId, "100001", label.checkCode) },
    ]);
  });

  it("makes a different check code for every serial and a different digest for every batch", () => {
    const labels = boxLabels(
      { gtin: GTIN, lot: "261201A", expiryDate: isoDateToSeconds("2028-11-30") },
      key,
      null,
      "https://medproof.example",
      100001,
      50,
    );
    assert.equal(new Set(labels.map((l) => l.checkCode)).size, 50);
    const [first] = labels;
    assert.ok(first);
    assert.notEqual(
      checkCodeDigest(`0x${"01".repeat(32)}`, first.serial, first.checkCode),
      checkCodeDigest(`0x${"02".repeat(32)}`, first.serial, first.checkCode),
    );
  });

  it("tells which derivation a published possession list was made with", () => {
    const keyed = possessionListFor(keyedSecrets(key), GTIN, "L1", 1, 3);
    const demo = possessionListFor(demoBoxSecret, GTIN, "L1", 1, 3);
    assert.equal(
      secretSourceOf(key, GTIN, "L1", keyed)?.(GTIN, "L1", 1).join(),
      keyedSecrets(key)(GTIN, "L1", 1).join(),
    );
    assert.equal(secretSourceOf(key, GTIN, "L1", demo), demoBoxSecret);
    assert.equal(secretSourceOf(demoSerialSigner(3), GTIN, "L1", keyed), null);
    assert.equal(secretSourceOf(key, GTIN, "L1", null), null);
  });
});
