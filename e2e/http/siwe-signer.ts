// A personal_sign (EIP-191) signer for the HTTP tests of Sign-In with Ethereum, on @noble/curves rather
// than ethers: the tests sign as a wallet would, with code independent of the server's verifier, so a
// fault in one is not hidden by the same fault in the other.
import { secp256k1 } from "@noble/curves/secp256k1";
import { keccak_256 } from "@noble/hashes/sha3";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils";

export interface TestSigner {
  /** EIP-55 checksummed, as an EIP-4361 message must name it. */
  address: string;
  signMessage(text: string): string;
}

function checksummed(lowerHex: string): string {
  const hash = bytesToHex(keccak_256(utf8ToBytes(lowerHex)));
  const digits = [...lowerHex].map((c, i) => (Number.parseInt(hash[i]!, 16) >= 8 ? c.toUpperCase() : c));
  return `0x${digits.join("")}`;
}

/** A signer for `privateKey` (0x + 64 hex digits), or a fresh random key. */
export function testSigner(privateKey?: string): TestSigner {
  const key = privateKey ? hexToBytes(privateKey.slice(2)) : secp256k1.utils.randomPrivateKey();
  const publicKey = secp256k1.getPublicKey(key, false).slice(1);
  const address = checksummed(bytesToHex(keccak_256(publicKey).slice(-20)));
  return {
    address,
    signMessage(text) {
      const body = utf8ToBytes(text);
      const prefix = utf8ToBytes(`\x19Ethereum Signed Message:\n${body.length}`);
      const digest = keccak_256(new Uint8Array([...prefix, ...body]));
      const signature = secp256k1.sign(digest, key);
      return `0x${signature.toCompactHex()}${(27 + signature.recovery).toString(16)}`;
    },
  };
}
