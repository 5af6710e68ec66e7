import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CONTRACT_NAMES, contractInterface } from "./contracts";
import { describeError, MESSAGES } from "./errors";
import { MESSAGES_ZH } from "./errors.zh-CN";
import { assertChinese } from "../domain/chinese.test-helper";

describe("revert decoding", () => {
  it("has a plain sentence for every custom error of every contract", () => {
    const missing: string[] = [];
    for (const name of CONTRACT_NAMES) {
      contractInterface(name).forEachError((error) => {
        if (!(error.name in MESSAGES)) missing.push(`${name}.${error.name}`);
      });
    }
    assert.deepEqual(missing, []);
  });

  it("turns revert data into the error's name and its sentence with the arguments filled in", () => {
    const data = contractInterface("ComplaintRegistry").encodeErrorResult("InvalidPossessionProof", [
      "0x" + "11".repeat(32),
      100149n,
    ]);
    assert.deepEqual(describeError({ error: { data } }), {
      code: "InvalidPossessionProof",
      message: "The code from inside the box does not match box 100149. Check it and type it again.",
    });
  });

  it("says which cap a refused purchase order's unit price is above", () => {
    const data = contractInterface("OrderBook").encodeErrorResult("UnitPriceAboveCap", [160n, 150n, 1]);
    assert.deepEqual(describeError({ error: { data } }), {
      code: "UnitPriceAboveCap",
      message:
        "A unit price of 1.60 yuan/piece is above the wholesale cap of 1.50 yuan/piece in force: the order is refused.",
    });
  });

  it("names an unreachable node as chain_unavailable", () => {
    assert.equal(describeError(new Error("connect ECONNREFUSED 127.0.0.1:8545")).code, "chain_unavailable");
  });
});

describe("revert decoding in Chinese", () => {
  it("has a Chinese sentence for every English one, and no other", () => {
    assert.deepEqual(Object.keys(MESSAGES_ZH).sort(), Object.keys(MESSAGES).sort());
  });

  it("says every one in Chinese, with no English sentence left", () => {
    const args = [7n, 1_000_000n, 2_000n, 3n];
    for (const [name, template] of Object.entries(MESSAGES_ZH)) assertChinese(template(args), name);
  });

  it("gives the same code in both languages and the sentence in the one asked for", () => {
    const data = contractInterface("OrderBook").encodeErrorResult("UnitPriceAboveCap", [160n, 150n, 1]);
    assert.deepEqual(describeError({ error: { data } }, "zh-CN"), {
      code: "UnitPriceAboveCap",
      message: "单价 1.60 元/片 超过现行批发限价 1.50 元/片：订单被拒绝。",
    });
    const offline = describeError(new Error("connect ECONNREFUSED 127.0.0.1:8545"), "zh-CN");
    assert.equal(offline.code, "chain_unavailable");
    assertChinese(offline.message, "chain_unavailable");
    assertChinese(describeError(new Error("something else"), "zh-CN").message, "failed");
  });
});
