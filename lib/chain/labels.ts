// The demo's labels, made on the server: the seeded makers' serial-signing keys are demo keys this server
// derives, so on the local chain it can print their sheets (label-sheet.ts) and register a batch for the
// act-as switch. Everywhere else labels are made where they are printed — the manufacturer's browser or
// the CLI from its keystore — by the same pure code (lib/domain/label-signing.ts), and no label key is
// on the server. The seeded batches commit to the demo derivation of their secrets; batches registered
// by the demo switch to secrets derived from the key (keyedBoxSecret, as the browser does). Which one a
// batch uses is read from its published possession list, whose first leaf matches exactly one of them.
// Each label also prints the check code made from its signature; publishedCheckCodes is what the maker
// publishes of it.
import { getBytes, Wallet, type BaseWallet } from "ethers";
import { demoPlugin } from "./demo-plugin";
import { possessionLeaf, possessionList, type PossessionList } from "./possession";
import { checkCodeDigest, type PublishedCheckCode } from "./check-codes";
import { boxLabelsWith, keyedBoxSecret, signSerialWith, type BoxLabel } from "../domain/label-signing";
import { secondsToIsoDate } from "../domain/time";

export type { BoxLabel };
export type SecretSource = (gtin: string, lot: string, serial: number) => Uint8Array;

/** The demo manufacturer's serial-signing key whose address is `signer` (with the demo installed); else null. */
export const demoLabelKey = (signer: string): BaseWallet | null => demoPlugin()?.labelKey(signer) ?? null;

/** The serial-signing key a demo manufacturer's new batches register (with the demo installed); else null. */
export const demoLabelKeyOf = (manufacturer: string): BaseWallet | null =>
  demoPlugin()?.labelKeyOf(manufacturer) ?? null;

/** A label key handed over as its private key (to the label sheet's worker thread, where no demo is installed). */
export const labelKeyFrom = (privateKey: string): BaseWallet => new Wallet(privateKey);

/** Secrets derived from the maker's serial-signing key (lib/domain/label-signing.ts's keyedBoxSecret). */
export function keyedSecrets(key: BaseWallet): SecretSource {
  const keyBytes = getBytes(key.privateKey);
  return (gtin, lot, serial) => keyedBoxSecret(keyBytes, gtin, lot, serial);
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

/** The labels of serials [from, from + count) of a batch whose key this server holds (the demo's). */
export function boxLabels(
  batch: { gtin: string; lot: string; expiryDate: number },
  key: BaseWallet,
  secrets: SecretSource | null,
  base: string,
  from: number,
  count: number,
): BoxLabel[] {
  const keyBytes = getBytes(key.privateKey);
  return boxLabelsWith(
    { gtin: batch.gtin, lot: batch.lot, expiry: secondsToIsoDate(batch.expiryDate) },
    (serial) => signSerialWith(keyBytes, batch.gtin, batch.lot, serial),
    secrets === null ? null : (serial) => secrets(batch.gtin, batch.lot, serial),
    base,
    from,
    count,
  );
}

/** What the maker publishes when `labels` of batch `batchId` are made: each serial's check-code digest. */
export function publishedCheckCodes(batchId: string, labels: readonly BoxLabel[]): PublishedCheckCode[] {
  return labels.map(({ serial, checkCode }) => ({
    batchId,
    serial,
    digest: checkCodeDigest(batchId, serial, checkCode),
  }));
}
