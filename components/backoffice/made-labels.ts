// The labels of a batch as the manufacturer's browser makes them: a fresh label-signing key from the
// browser's own random source, the batch's commitment (signer address, possession root and list: the
// pure lib/domain/label-signing.ts the server verifies with), the list published once the batch is on
// chain, and the key saved as an encrypted keystore file. The key is never sent anywhere.
import {
  boxLeafOf,
  checkCodeDigestOf,
  commitmentOfLeaves,
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

/** Boxes worked between two turns of the page's event loop: about 0.1 s of work (0.5 ms a box). */
const BOXES_A_SLICE = 200;

/**
 * `make` for every box index, in slices with a turn of the event loop between them: a box's leaf or
 * check code is a signature's worth of pure JavaScript, so a 4,000-box batch in one go would freeze the
 * page for seconds. (Not a Web Worker: this build's bundler emits a worker's source file as a plain
 * asset, and the page's CSP rightly refuses a worker made from a blob.)
 */
export async function forEachBoxInSlices<T>(boxes: number, make: (index: number) => T): Promise<T[]> {
  const made: T[] = [];
  for (let index = 0; index < boxes; index++) {
    if (index > 0 && index % BOXES_A_SLICE === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    made.push(make(index));
  }
  return made;
}

/** A fresh label key and the batch's commitment from it, the page staying responsive meanwhile. */
export async function makeBatchLabels(batch: LabelBatch): Promise<MadeBatch> {
  const key = freshKey();
  const leaves = await forEachBoxInSlices(batch.boxes, (index) => boxLeafOf(key, batch, index));
  return { key, batch, commitment: commitmentOfLeaves(key, batch.serialStart, leaves) };
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
        checkCodes: await forEachBoxInSlices(made.batch.boxes, (index) =>
          checkCodeDigestOf(made.key, made.batch, batchId, index),
        ),
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
