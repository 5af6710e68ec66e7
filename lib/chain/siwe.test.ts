// Whether a sign-in signature is the account's: a key's (EIP-191, recovered), or a contract wallet's own
// answer (EIP-1271 isValidSignature over the same hash), against a stand-in node; and the EIP-4361 text
// written and parsed back.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { hashMessage, Interface, Wallet, type Provider } from "ethers";
import { parseSiweMessage, signedBy, writeSiweMessage } from "./siwe";
import { siweRequest } from "../domain/siwe";

const signer = Wallet.createRandom();
const stranger = Wallet.createRandom();
const CONTRACT_WALLET = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const EIP1271 = new Interface(["function isValidSignature(bytes32, bytes) view returns (bytes4)"]);

const text = writeSiweMessage({
  ...siweRequest({ origin: "http://127.0.0.1:3000", chainId: 31337, now: Date.now() }, "0123456789abcdef"),
  address: signer.address,
});

/** A node where CONTRACT_WALLET holds code that vouches for `vouched` (a signature) over `text` only. */
function node(vouched: string, calls: string[] = []): Provider {
  return {
    getCode: async (address: string) => (address === CONTRACT_WALLET ? "0x6001" : "0x"),
    call: async ({ to, data }: { to: string; data: string }) => {
      calls.push(to);
      const [hash, signature] = EIP1271.decodeFunctionData("isValidSignature", data);
      const valid = hash === hashMessage(text) && signature === vouched;
      return valid ? `0x1626ba7e${"0".repeat(56)}` : `0xffffffff${"0".repeat(56)}`;
    },
  } as unknown as Provider;
}

describe("a sign-in signature", () => {
  it("by the account's key is the account's, without asking the node", async () => {
    const calls: string[] = [];
    const signature = await signer.signMessage(text);
    assert.equal(await signedBy(node("0x", calls), text, signature, signer.address), true);
    assert.deepEqual(calls, []);
  });

  it("by another key, over other text, or not a signature at all is not", async () => {
    const theirs = await stranger.signMessage(text);
    const otherText = await signer.signMessage(`${text} `);
    assert.equal(await signedBy(node("0x"), text, theirs, signer.address), false);
    assert.equal(await signedBy(node("0x"), text, otherText, signer.address), false);
    assert.equal(await signedBy(node("0x"), text, "0x1234", signer.address), false);
  });

  it("for a contract wallet is what its isValidSignature answers (EIP-1271)", async () => {
    const approved = await stranger.signMessage(text);
    const calls: string[] = [];
    assert.equal(await signedBy(node(approved, calls), text, approved, CONTRACT_WALLET), true);
    assert.deepEqual(calls, [CONTRACT_WALLET]);
    const other = await signer.signMessage(text);
    assert.equal(await signedBy(node(approved), text, other, CONTRACT_WALLET), false);
  });
});

describe("an EIP-4361 message", () => {
  it("is written with the checksummed address and parsed back field for field", () => {
    const parsed = parseSiweMessage(text);
    assert.equal(parsed?.address, signer.address);
    assert.equal(parsed?.domain, "127.0.0.1:3000");
    assert.equal(parsed?.chainId, 31337);
    assert.equal(parsed?.nonce, "0123456789abcdef");
  });

  it("that is not one, or names its account in lower case (not EIP-55), does not parse", () => {
    assert.equal(parseSiweMessage("Sign in please"), null);
    assert.equal(parseSiweMessage(text.replace(signer.address, signer.address.toLowerCase())), null);
  });
});
