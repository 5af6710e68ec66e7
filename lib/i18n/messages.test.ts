import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CATALOGUES } from "./catalogues";

type Tree = { [key: string]: string | Tree };

/** "ns.key.sub" → message, for every leaf. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments a message uses: "{count, plural, …}" and "{name}" give "count", "name". */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

/** Strings that are the same in both languages on purpose (names, symbols). */
const SAME_IN_BOTH = new Set(["common.brand"]);

const en = leaves(CATALOGUES.en as unknown as Tree);
const zh = leaves(CATALOGUES["zh-CN"] as unknown as Tree);

describe("message catalogues", () => {
  it("have the same keys in Chinese and English", () => {
    assert.deepEqual([...zh.keys()].sort(), [...en.keys()].sort());
  });

  it("use the same arguments in both languages", () => {
    for (const [key, english] of en) {
      assert.deepEqual(argumentsOf(zh.get(key) ?? ""), argumentsOf(english), key);
    }
  });

  it("have no empty message", () => {
    for (const [key, message] of [...en, ...zh]) assert.ok(message.trim().length > 0, key);
  });

  it("translate every English sentence", () => {
    for (const [key, english] of en) {
      if (SAME_IN_BOTH.has(key) || !/[a-z]{3}/i.test(english)) continue;
      assert.notEqual(zh.get(key), english, `${key} is still English in zh-CN`);
    }
  });
});
