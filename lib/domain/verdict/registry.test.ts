// The registry is the only list of checks: these tests hold every registered check to what the verdict
// relies on (a unique id and headline priority, sentences in every language), and pin the order and
// essential set derived from it to the ones the verdict has always had.
import { describe, it } from "node:test";
import assert from "node:assert/strict";

import { CHECKS, CHECK_IDS, ESSENTIAL_CHECKS, HEADLINE_PRIORITY, type CheckId } from "./registry";
import { commonMessages } from "./common.messages";
import { LOCALES } from "../locale";
import { assertChinese } from "../chinese.test-helper";

/** Every path to a message in a catalogue ("documents.production"), with what is there. */
function leaves(catalogue: object, prefix = ""): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix + key;
    if (typeof value === "object" && value !== null) {
      for (const [inner, leaf] of leaves(value, `${path}.`)) found.set(inner, leaf);
    } else found.set(path, value);
  }
  return found;
}

/** The text of a message that needs no facts (a title and detail, or a sentence). */
function textsOf(message: () => unknown): string[] {
  const said = message();
  if (typeof said === "string") return [said];
  const { title, detail } = said as { title: string; detail: string };
  return [title, detail];
}

// The order, headline order and essential set the verdict had when its lists were written by hand: a
// new check may take any place among them, but these keep theirs.
const DISPLAY_BEFORE: CheckId[] = [
  "code",
  "registered",
  "signature",
  "licence",
  "workshop",
  "material",
  "tests",
  "release",
  "expiry",
  "recall",
  "custody",
  "clone",
  "price",
  "complaints",
];
const HEADLINE_BEFORE: CheckId[] = [
  "recall",
  "clone",
  "registered",
  "signature",
  "code",
  "expiry",
  "release",
  "tests",
  "licence",
  "workshop",
  "material",
  "custody",
  "price",
  "complaints",
];
const ESSENTIAL_BEFORE: CheckId[] = ["registered", "signature", "tests", "release", "expiry", "recall"];
const knownBefore = (id: CheckId) => DISPLAY_BEFORE.includes(id);

describe("the check registry", () => {
  it("gives every check a unique id and a unique headline priority", () => {
    const ids = CHECKS.map((check) => check.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate id in ${ids.join(", ")}`);
    const priorities = CHECKS.map((check) => check.priority);
    assert.equal(
      new Set(priorities).size,
      priorities.length,
      `duplicate priority in ${priorities.join(", ")}`,
    );
    for (const check of CHECKS) assert.ok(Number.isFinite(check.priority), `${check.id}: priority`);
  });

  for (const catalogue of [
    ...CHECKS.map((check) => ({ name: check.id, messages: check.messages })),
    { name: "common", messages: commonMessages },
  ]) {
    it(`has every sentence of the ${catalogue.name} catalogue in every language`, () => {
      const english = leaves(catalogue.messages.en);
      assert.ok(english.size > 0, `${catalogue.name}: no English sentences`);
      for (const locale of LOCALES) {
        const messages = catalogue.messages[locale];
        assert.ok(messages, `${catalogue.name}: no ${locale} catalogue`);
        const translated = leaves(messages);
        assert.deepEqual(
          [...translated.keys()].sort(),
          [...english.keys()].sort(),
          `${catalogue.name} in ${locale}`,
        );
        for (const [path, message] of translated) {
          assert.equal(typeof message, "function", `${catalogue.name}.${path} in ${locale}`);
        }
      }
      // What can be said without facts is said in Chinese in the Chinese catalogue.
      for (const [path, message] of leaves(catalogue.messages["zh-CN"])) {
        const inEnglish = english.get(path) as (...args: unknown[]) => unknown;
        if (inEnglish.length > 0) continue;
        for (const text of textsOf(message as () => unknown))
          assertChinese(text, `${catalogue.name}.${path}`);
      }
    });
  }

  it("lists the checks in the order a shopper reads them", () => {
    assert.deepEqual(CHECK_IDS.filter(knownBefore), DISPLAY_BEFORE);
  });

  it("derives the headline order from the priorities: what makes a box unusable for certain first", () => {
    assert.deepEqual(HEADLINE_PRIORITY.filter(knownBefore), HEADLINE_BEFORE);
    assert.deepEqual([...HEADLINE_PRIORITY].sort(), [...CHECK_IDS].sort());
  });

  it("derives the essential set from the checks that declare themselves essential", () => {
    assert.deepEqual(ESSENTIAL_CHECKS.filter(knownBefore), ESSENTIAL_BEFORE);
  });
});
