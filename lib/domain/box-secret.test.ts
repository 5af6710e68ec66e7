import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { formatBoxSecret, InvalidBoxSecretError, parseBoxSecret } from "./box-secret";

describe("the secret printed inside a box", () => {
  it("prints 128 bits as 26 characters in groups of four and reads them back", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const text = formatBoxSecret(bytes);
        assert.match(text, /^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{2}$/);
        assert.deepEqual(parseBoxSecret(text), bytes);
      }),
    );
  });

  it("forgives lower case, spaces, and I, L and O typed for 1 and 0", () => {
    const bytes = new Uint8Array(16).fill(0x11);
    const text = formatBoxSecret(bytes);
    const typed = text.toLowerCase().replaceAll("-", " ").replaceAll("1", "l").replaceAll("0", "o");
    assert.deepEqual(parseBoxSecret(typed), bytes);
  });

  it("names what is wrong with anything else, and never throws another error", () => {
    assert.throws(() => parseBoxSecret(""), /Enter the code printed inside the box/);
    assert.throws(() => parseBoxSecret("ABCD-EFGH"), /has 26 characters; this one has 8/);
    assert.throws(() => parseBoxSecret("U".repeat(26)), /"U" is not one of them/);
    assert.throws(() => parseBoxSecret("Z".repeat(26)), /check its first character/);
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseBoxSecret(text);
        } catch (error) {
          assert.ok(error instanceof InvalidBoxSecretError);
        }
      }),
    );
  });
});
