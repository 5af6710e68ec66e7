// The built client bundle (what browsers download) holds no private key, mnemonic or server secret.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { demoSerialSigner, demoWallet } from "../../scripts/demo/accounts";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const clientFiles = files(join(".next", "static")).filter((f) => /\.(js|css|json|html)$/.test(f));
const clientText = clientFiles.map((f) => readFileSync(f, "utf8")).join("\n");

describe("the client bundle", () => {
  it("exists (the build ran)", () => {
    assert.ok(clientFiles.length > 5, `${clientFiles.length} files`);
  });

  it("holds none of the demo private keys, transaction or serial-signing", () => {
    for (let i = 0; i < 20; i++) {
      for (const key of [demoWallet(i).privateKey, demoSerialSigner(i).privateKey]) {
        assert.ok(!clientText.includes(key.slice(2)), `a demo private key (#${i}) is in the client bundle`);
      }
    }
  });

  it("holds no mnemonic and no 32-byte hex literal that could be a key", () => {
    assert.ok(!clientText.includes("test test test"), "the demo mnemonic is in the client bundle");
    // The manufacturer's page makes label keys with @noble/curves: its secp256k1 constants (field prime,
    // endomorphism, hash-to-curve map) are public numbers, not keys. Any other literal is still refused.
    const curveConstants = new Set(
      readFileSync(join("node_modules", "@noble", "curves", "esm", "secp256k1.js"), "utf8").match(
        /0x[0-9a-fA-F]{64}/g,
      ) ?? [],
    );
    const literals = (clientText.match(/0x[0-9a-fA-F]{64}(?![0-9a-fA-F])/g) ?? []).filter(
      (literal) => !curveConstants.has(literal),
    );
    assert.deepEqual(
      literals,
      [],
      `32-byte hex literals in the client bundle: ${literals.slice(0, 3).join(", ")}`,
    );
  });

  it("reads no NEXT_PUBLIC_ configuration at all (runtime configuration stays on the server)", () => {
    assert.ok(!/NEXT_PUBLIC_/.test(clientText));
  });
});
