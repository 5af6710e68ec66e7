// The labels of a batch as the manufacturer's browser makes them: a fresh label-signing key from the
// browser's own random source, the batch's commitment (signer address, possession root and list: the
// pure lib/domain/label-signing.ts the server verifies with), the list published once the batch is on
// chain, and the key saved as an encrypted keystore file. The key is never sent anywhere.
import {
  batchCommitment,
  checkCodeDigests,
  isLabelKey,
  labelKeyFileName,
  type BatchCommitment,
  type LabelBatch,
} from "@/lib/domain/label-signing";
import { encryptLabelKey } from "@/lib/domain/label-keystore";

export interface MadeBatch {
  key: Uint8Array;
  batch: LabelBatch;
  commitment: BatchCommitment;
}

/** A fresh secp256k1 key: 32 random bytes, drawn again in the (2^-128) case they are not a valid key. */
function freshKey(): Uint8Array {
  for (;;) {
    const key = crypto.getRandomValues(new Uint8Array(32));
    if (isLabelKey(key)) return key;
  }
}

export function makeBatchLabels(batch: LabelBatch): MadeBatch {
  const key = freshKey();
  return { key, batch, commitment: batchCommitment(key, batch) };
}

/**
 * Publishes the batch's possession list, and with it each label's check-code digest (so a code typed with
 * its check code is checked as a scan is); the server keeps them only when the list's root is the one on
 * chain and no list was published before.
 */
export async function publishList(
  batchId: string,
  made: MadeBatch,
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const response = await fetch(`/api/manufacturer/batches/${batchId}/possession`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        ...made.commitment.list,
        checkCodes: checkCodeDigests(made.key, made.batch, batchId),
      }),
    });
    if (response.ok) return { ok: true };
    const answer = (await response.json()) as { error?: { message?: string } };
    return { ok: false, message: answer.error?.message ?? String(response.status) };
  } catch (error) {
    return { ok: false, message: String(error) };
  }
}

/** Downloads the key, encrypted under `password`, as `label-key-<gtin>-<lot>.json`; returns the name. */
export async function saveKey(made: MadeBatch, password: string): Promise<string> {
  const keystore = await encryptLabelKey(made.key, password, crypto);
  const file = labelKeyFileName(made.batch.gtin, made.batch.lot);
  const url = URL.createObjectURL(new Blob([JSON.stringify(keystore)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file;
  link.click();
  URL.revokeObjectURL(url);
  return file;
}
