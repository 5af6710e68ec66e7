import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DemoKeysRefusedError } from "../chain/demo/accounts";
import {
  ACT_AS_COOKIE,
  chooseParty,
  chooseWallet,
  partyFromCookieHeader,
  sessionCookie,
  walletCookie,
} from "./session";
import { recordPrice, decideShipment, finishWalletTx } from "./field";

const otherChain = async () => {
  throw new DemoKeysRefusedError(1n);
};

describe("Demo: act as …", () => {
  it("is refused with 403 demo_keys_refused on any chain but the local one", async () => {
    const outcome = await chooseParty({ party: "inspector" }, otherChain);
    assert.equal(outcome.status, 403);
    assert.ok("error" in outcome.body);
    assert.equal(outcome.body.error.code, "demo_keys_refused");
    assert.match(outcome.body.error.message, /this chain has id 1\. Sign in with/);
  });

  it("says so in Chinese to a Chinese reader, with both chain ids", async () => {
    const outcome = await chooseParty({ party: "inspector" }, otherChain, "zh-CN");
    assert.ok("error" in outcome.body);
    assert.equal(outcome.body.error.code, "demo_keys_refused");
    assert.equal(
      outcome.body.error.message,
      "演示密钥仅限本地链（ID 31337）使用，当前链的 ID 为 1。请使用本单位自己的密钥登录。",
    );
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

describe("a browser wallet", () => {
  it("keeps only the wallet's account in an httpOnly cookie, which signs nothing", () => {
    assert.match(
      walletCookie("0x00000000000000000000000000000000000000aa", false),
      /^medproof-wallet=0x0{38}aa; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/,
    );
  });

  it("refuses an account that is not an address, in the reader's language", async () => {
    const english = await chooseWallet({ wallet: "0x12" });
    const chinese = await chooseWallet({ wallet: "0x12" }, "zh-CN");
    assert.equal(english.status, 400);
    assert.ok("error" in english.body && "error" in chinese.body);
    assert.equal(english.body.error.message, "The wallet's account is 0x followed by 40 hex digits.");
    assert.equal(chinese.body.error.message, "钱包账户地址应为 0x 加 40 位十六进制数字。");
  });
});

describe("field answers in the request's language", () => {
  it("names what is wrong with a request in Chinese or English, before anything reaches the chain", async () => {
    const price = await recordPrice(null, { seller: "nobody" }, "zh-CN");
    assert.equal(price.status, 400);
    assert.ok("error" in price.body);
    assert.deepEqual(price.body.error, {
      code: "invalid_request",
      message: "请选择销售方（其在链上的地址，0x…）。",
      field: "seller",
    });
    const shipment = await decideShipment(null, "x", { decision: "accept" }, "zh-CN");
    assert.ok("error" in shipment.body);
    assert.equal(shipment.body.error.message, "发货单号应为整数，例如 12。");
    const unknown = await chooseParty({ party: "constructor" }, otherChain, "zh-CN");
    assert.ok("error" in unknown.body);
    assert.match(unknown.body.error.message, /^没有名为“constructor”的演示身份/);
  });

  it("refuses a wallet's `from` that is not an address, and a receipt for a malformed hash", async () => {
    const sale = await decideShipment(null, "3", { decision: "accept", from: "0xabc" });
    assert.equal(sale.status, 400);
    assert.ok("error" in sale.body);
    assert.equal(sale.body.error.field, "from");
    const receipt = await finishWalletTx({ txHash: "0x1234" });
    assert.equal(receipt.status, 400);
    assert.ok("error" in receipt.body);
    assert.equal(receipt.body.error.message, "The transaction hash is 0x followed by 64 hex digits.");
  });
});
