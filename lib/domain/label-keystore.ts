// A label-signing key saved by the maker who made it: a Web3 Secret Storage (version 3) file, the JSON
// keystore format wallets, ethers and the CLI read — scrypt for the password, AES-128-CTR for the key,
// keccak-256 for the MAC. Made in the browser (WebCrypto's AES-CTR, @noble's scrypt and keccak; the
// password and key never leave the page) so the maker can print more labels later, here or with
// `npm run medproof -- labels --label-key <file>`.
import { scryptAsync } from "@noble/hashes/scrypt";
import { keccak_256 } from "@noble/hashes/sha3";
import { bytesToHex, concatBytes, utf8ToBytes } from "@noble/hashes/utils";
import { labelSignerOf } from "./label-signing";

/** scrypt's cost: 2^17, ethers' and geth's default (about a second in a browser). */
export const KEYSTORE_SCRYPT_N = 131_072;

export interface Keystore {
  version: 3;
  id: string;
  address: string;
  crypto: {
    cipher: "aes-128-ctr";
    cipherparams: { iv: string };
    ciphertext: string;
    kdf: "scrypt";
    kdfparams: { dklen: 32; n: number; r: 8; p: 1; salt: string };
    mac: string;
  };
}

/** Random bytes and the AES-CTR cipher, both the platform's (the browser's or Node's WebCrypto). */
export interface KeystoreCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
  subtle: Pick<SubtleCrypto, "importKey" | "encrypt">;
}

function uuidOf(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40; // version 4
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80; // variant
  const h = bytesToHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The key encrypted under `password`, as a version-3 keystore. */
export async function encryptLabelKey(
  privateKey: Uint8Array,
  password: string,
  crypto: KeystoreCrypto,
  n: number = KEYSTORE_SCRYPT_N,
): Promise<Keystore> {
  const salt = crypto.getRandomValues(new Uint8Array(32));
  const iv = crypto.getRandomValues(new Uint8Array(16));
  const derived = await scryptAsync(utf8ToBytes(password.normalize("NFKC")), salt, {
    N: n,
    r: 8,
    p: 1,
    dkLen: 32,
  });
  const aes = await crypto.subtle.importKey("raw", derived.slice(0, 16), { name: "AES-CTR" }, false, [
    "encrypt",
  ]);
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: "AES-CTR", counter: iv, length: 128 },
      aes,
      Uint8Array.from(privateKey),
    ),
  );
  return {
    version: 3,
    id: uuidOf(crypto.getRandomValues(new Uint8Array(16))),
    address: labelSignerOf(privateKey).slice(2),
    crypto: {
      cipher: "aes-128-ctr",
      cipherparams: { iv: bytesToHex(iv) },
      ciphertext: bytesToHex(ciphertext),
      kdf: "scrypt",
      kdfparams: { dklen: 32, n, r: 8, p: 1, salt: bytesToHex(salt) },
      mac: bytesToHex(keccak_256(concatBytes(derived.slice(16, 32), ciphertext))),
    },
  };
}
