// What "translated" means in the unit tests: Chinese text, with no English sentence left in it. Codes,
// names, units and standards (GTIN, BFE, YY 0469-2011, MB-2403-07, µg/g, mmHg, 0x3C44…93BC) may stay.
import assert from "node:assert/strict";

/** Latin words with lower-case letters ("the", "Made", "lot"), not acronyms such as GTIN or BFE. */
const LATIN_WORDS = /[A-Za-z]*[a-z]{2,}[A-Za-z]*/g;
/** Names that are written in Latin letters in Chinese too. */
const KEPT_IN_LATIN = new Set(["DataMatrix", "MedProof", "mmHg"]);

export function englishWords(text: string): string[] {
  const withoutAddresses = text.replace(/0x[0-9a-f]+(…[0-9a-f]+)?/gi, "");
  return [...withoutAddresses.matchAll(LATIN_WORDS)]
    .map((m) => m[0])
    .filter((w) => w.length >= 3 && !KEPT_IN_LATIN.has(w));
}

export function assertChinese(text: string, where: string): void {
  assert.ok(text.trim().length > 0, `${where}: empty`);
  assert.match(text, /\p{Script=Han}/u, `${where} has no Chinese: ${text}`);
  assert.deepEqual(englishWords(text), [], `${where} still has English in it: ${text}`);
  assert.doesNotMatch(text, /undefined|NaN|null|\[object/, `${where}: ${text}`);
}
