// What is printed for each box of a batch: the signed GS1 Digital Link on the outside (the same code the
// demo seed prints, signed by the batch's serial-signing key, which stays on the server) and the secret
// for inside the box. A batch registered from the back office commits to secrets derived from the maker's
// serial-signing key (HMAC: unpredictable without the key, and the same every time the sheet is printed,
// so nothing secret is stored); the seeded batches commit to the demo derivation. Which one a batch uses
// is read from its published possession list, whose first leaf matches exactly one of them.
import { createHmac } from "node:crypto";
import { getBytes, Wallet, type BaseWallet } from "ethers";
import { demoPlugin } from "./demo-plugin";
import { possessionLeaf, possessionList, type PossessionList } from "./possession";
import { signSerial } from "./serials";
import { BOX_SECRET_BYTES, formatBoxSecret } from "../domain/box-secret";
import { toDigitalLink } from "../domain/gs1";
import { secondsToIsoDate } from "../domain/time";

export type SecretSource = (gtin: string, lot: string, serial: number) => Uint8Array;

/** The demo manufacturer's serial-signing key whose address is `signer` (with the demo installed); else null. */
export const demoLabelKey = (signer: string): BaseWallet | null => demoPlugin()?.labelKey(signer) ?? null;

/** The serial-signing key a demo manufacturer's new batches register (with the demo installed); else null. */
export const demoLabelKeyOf = (manufacturer: string): BaseWallet | null =>
  demoPlugin()?.labelKeyOf(manufacturer) ?? null;

/** A label key handed over as its private key (to the label sheet's worker thread, where no demo is installed). */
export const labelKeyFrom = (privateKey: string): BaseWallet => new Wallet(privateKey);

/** Secrets derived from the maker's serial-signing key: HMAC-SHA256(key, gtin/lot/serial), first 16 bytes. */
export function keyedSecrets(key: BaseWallet): SecretSource {
  const keyBytes = getBytes(key.privateKey);
  return (gtin, lot, serial) =>
    new Uint8Array(
      createHmac("sha256", keyBytes)
        .update(`medproof box secret v1\u001d${gtin}\u001d${lot}\u001d${serial}`)
        .digest()
        .subarray(0, BOX_SECRET_BYTES),
    );
}

/** The possession list of a new batch's boxes, from its secrets. */
export function possessionListFor(
  secrets: SecretSource,
  gtin: string,
  lot: string,
  serialStart: number,
  boxes: number,
): PossessionList {
  return possessionList(
    serialStart,
    Array.from({ length: boxes }, (_, i) => secrets(gtin, lot, serialStart + i)),
  );
}

/** Which derivation made a published possession list: the keyed one, the demo one, or neither. */
export function secretSourceOf(
  key: BaseWallet,
  gtin: string,
  lot: string,
  published: PossessionList | null,
): SecretSource | null {
  const first = published?.leaves[0];
  if (published === null || first === undefined) return null;
  const demo = demoPlugin();
  for (const source of demo === null ? [keyedSecrets(key)] : [keyedSecrets(key), demo.boxSecret]) {
    if (possessionLeaf(published.serialStart, source(gtin, lot, published.serialStart)) === first)
      return source;
  }
  return null;
}

export interface BoxLabel {
  gtin: string;
  lot: string;
  serial: string;
  expiry: string;
  /** The signed GS1 Digital Link printed as the QR code. */
  code: string;
  /** The secret for inside the box; null when the batch committed to no secrets this server can derive. */
  secret: string | null;
}

/** The labels of serials [from, from + count) of a batch. */
export function boxLabels(
  batch: { gtin: string; lot: string; expiryDate: number },
  key: BaseWallet,
  secrets: SecretSource | null,
  base: string,
  from: number,
  count: number,
): BoxLabel[] {
  const expiry = secondsToIsoDate(batch.expiryDate);
  return Array.from({ length: count }, (_, i) => {
    const serial = String(from + i);
    const signature = signSerial(key.signingKey, batch.gtin, batch.lot, serial);
    return {
      gtin: batch.gtin,
      lot: batch.lot,
      serial,
      expiry,
      code: toDigitalLink({ gtin: batch.gtin, lot: batch.lot, serial, expiry, signature }, base),
      secret: secrets === null ? null : formatBoxSecret(secrets(batch.gtin, batch.lot, from + i)),
    };
  });
}
