// The CLI's `labels` command (scripts/medproof.ts): a batch's labels made on the maker's own machine, as
// the manufacturer's browser makes them (lib/domain/label-signing.ts, the same code): a fresh
// label-signing key, the box secrets derived from it, the possession list and root. The batch is
// registered with the maker's keystore key (only the label key's address and the root go on chain), the
// label key is saved encrypted beside it (a version-3 keystore, the same password), the list is
// published to the app (`--app`) or written for it, and the labels are drawn into a print-ready PDF
// (lib/queries/label-pdf.ts, the server's own drawing). `--label-key` prints more labels of a batch later.
import { randomBytes, webcrypto } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  backoffice,
  batchIdOf,
  type Actor,
  type BatchTerms,
  type TxResult,
} from "../../lib/chain/backoffice";
import { readBatch } from "../../lib/chain/backoffice-desk";
import type { Deployment } from "../../lib/chain/deployment";
import { unlockKeyBytes } from "../../lib/chain/network-deploy";
import { boxesFor } from "../../lib/domain/backoffice";
import { encryptLabelKey, type KeystoreCrypto } from "../../lib/domain/label-keystore";
import {
  batchCommitment,
  boxLabels,
  checkCodeDigests,
  isLabelKey,
  labelKeyFileName,
  labelSignerOf,
} from "../../lib/domain/label-signing";
import { CATEGORIES, isCategoryId } from "../../lib/domain/standards";
import { secondsToIsoDate } from "../../lib/domain/time";
import { labelSheetPdf, MAX_LABELS } from "../../lib/queries/label-pdf";

/** The node the batch is read from (lib/chain's provider type, named without importing ethers here). */
type ChainProvider = Parameters<typeof readBatch>[1];

export class LabelsError extends Error {
  override name = "LabelsError";
}

/** Where the labels go and which serials: all of them up to a sheet's MAX_LABELS by default. */
export interface LabelOutput {
  /** The Digital Link origin printed in the QR codes (the app's resolver). */
  base: string;
  out: string;
  from?: number;
  count?: number;
}

function freshKey(): Uint8Array {
  for (;;) {
    const key = new Uint8Array(randomBytes(32));
    if (isLabelKey(key)) return key;
  }
}

const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9.-]/g, "_");

function refuseOverwrite(file: string): void {
  if (existsSync(file)) throw new LabelsError(`${file} exists: move it away or name another file.`);
}

async function writePdf(
  key: Uint8Array,
  batch: { gtin: string; lot: string; expiry: string; serialStart: number; boxes: number; category: number },
  output: LabelOutput,
): Promise<string> {
  const last = batch.serialStart + batch.boxes - 1;
  const from = output.from ?? batch.serialStart;
  const count = output.count ?? Math.min(batch.boxes, MAX_LABELS);
  if (from < batch.serialStart || count < 1 || count > MAX_LABELS || from + count - 1 > last)
    throw new LabelsError(
      `This batch's serials are ${batch.serialStart}–${last}; print at most ${MAX_LABELS} labels at a time (--from, --count).`,
    );
  const category = isCategoryId(batch.category) ? CATEGORIES[batch.category] : null;
  const product =
    category === null
      ? { name: `GTIN ${batch.gtin}`, standard: "" }
      : { name: category.name, standard: category.standard };
  const labels = boxLabels(key, batch, output.base, from, count);
  writeFileSync(output.out, await labelSheetPdf(labels, product, `Labels ${batch.gtin} lot ${batch.lot}`));
  return `${count} labels (serials ${from}–${from + count - 1}) in ${output.out}`;
}

/** Publishes the list to the app at `app`; the app keeps it only when its root is the one on chain. */
async function publish(app: string, batchId: string, list: unknown): Promise<string> {
  const response = await fetch(`${app.replace(/\/+$/, "")}/api/manufacturer/batches/${batchId}/possession`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(list),
  });
  const answer = (await response.json()) as { error?: { code: string; message: string } };
  if (!response.ok)
    throw new LabelsError(
      `The app refused the possession list (${answer.error?.code}): ${answer.error?.message}`,
    );
  return `Possession list published to ${app}.`;
}

/**
 * `labels`: registers a batch whose labels this machine makes, and writes its key (encrypted under
 * `password`), its possession list and its labels. Returns what was done, line by line.
 */
export async function makeBatchLabels(
  deployment: Deployment,
  provider: ChainProvider,
  actor: Actor,
  terms: Omit<BatchTerms, "signer" | "possessionRoot">,
  password: string,
  output: LabelOutput & { app?: string },
): Promise<{ tx: TxResult; lines: string[] }> {
  const boxes = boxesFor(terms.masks, terms.masksPerBox);
  const stem = fileSafe(`${terms.gtin}-${terms.lot}`);
  // Beside the sheet: the key and list belong with the labels they print and prove.
  const keyFile = join(dirname(output.out), labelKeyFileName(terms.gtin, terms.lot));
  const listFile = join(dirname(output.out), `possession-${stem}.json`);
  for (const file of [keyFile, listFile, output.out]) refuseOverwrite(file);
  const key = freshKey();
  const made = batchCommitment(key, {
    gtin: terms.gtin,
    lot: terms.lot,
    serialStart: terms.serialStart,
    boxes,
  });
  // The key is saved before the batch is registered: a registered batch whose key was lost prints nothing.
  const keystore = await encryptLabelKey(key, password, webcrypto as unknown as KeystoreCrypto);
  writeFileSync(keyFile, JSON.stringify(keystore), { mode: 0o600 });
  const tx = await backoffice.registerBatch(deployment, actor, {
    ...terms,
    signer: made.signer,
    possessionRoot: made.possessionRoot,
  });
  const batchId = tx.created.batchId ?? "";
  // What is published: the list, and each label's check-code digest (they need the batch's id).
  const publication = {
    ...made.list,
    checkCodes: checkCodeDigests(key, { ...terms, boxes }, batchId),
  };
  writeFileSync(listFile, JSON.stringify(publication));
  const view = await readBatch(deployment, provider, batchId);
  const lines = [
    `Label-signing key ${made.signer}, encrypted in ${keyFile} (the keystore's password): keep it to print more labels.`,
    output.app === undefined
      ? `Possession list in ${listFile}: publish it with POST <app>/api/manufacturer/batches/${batchId}/possession.`
      : await publish(output.app, batchId, publication),
    await writePdf(key, { ...terms, boxes, category: view?.category ?? 0 }, output),
  ];
  return { tx, lines };
}

/** `labels --label-key <file>`: more labels of a registered batch, with the key saved when it was made. */
export async function printBatchLabels(
  deployment: Deployment,
  provider: ChainProvider,
  keystore: string,
  password: string,
  batch: { gtin: string; lot: string },
  output: LabelOutput,
): Promise<string> {
  const key = await unlockKeyBytes(keystore, password);
  const view = await readBatch(
    deployment,
    provider,
    await batchIdOf(deployment, provider, batch.gtin, batch.lot),
  );
  if (view === null) throw new LabelsError(`Lot ${batch.lot} of GTIN ${batch.gtin} is not registered.`);
  const signer = labelSignerOf(key);
  if (signer !== view.signer.toLowerCase())
    throw new LabelsError(
      `This key (${signer}) is not the one lot ${batch.lot} registered (${view.signer}).`,
    );
  return writePdf(
    key,
    {
      gtin: view.gtin,
      lot: view.lot,
      expiry: secondsToIsoDate(view.expiryDate),
      serialStart: view.serialStart,
      boxes: view.boxes,
      category: view.category,
    },
    output,
  );
}
