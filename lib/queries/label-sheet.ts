// A batch's labels as a print-ready PDF (drawn by label-pdf.ts). Only the batch's manufacturer (the acting
// account) gets it, and only when the demo holds its serial-signing key: the codes are signed with it. The checks run here; the sheet itself is made on a worker thread (label-sheet.worker.ts), a
// few at a time with a bounded queue (503 labels_busy beyond it), and is abandoned when the client
// leaves: a 480-label sheet is seconds of CPU that would otherwise stall every verification meanwhile.
// Making the sheet publishes its labels' check codes (as digests), so the codes typed from them check.
import { Worker } from "node:worker_threads";
import { demoLabelKey, keyedSecrets, secretSourceOf } from "../chain/labels";
import type { PublishedCheckCode } from "../chain/check-codes";
import { CATEGORIES, isCategoryId } from "../domain/standards";
import { env } from "../env";
import type { Locale } from "../domain/locale";
import { backofficeWords, batchById } from "./backoffice";
import { runtime } from "./runtime";
import { chainUnavailableReply, fieldError, type DeskActor, type ErrorReply } from "./session";
import { MAX_LABELS, type LabelProduct } from "./label-pdf";
import { JobAbortedError, PoolBusyError, WorkerPool } from "./worker-pool";

/**
 * Whether this server can print a batch's labels: only when a demo key it holds signed them. A batch whose
 * labels were made in the maker's browser or by the CLI is printed there again, from its saved label key.
 */
export const labelsPrintedHere = (signer: string): boolean => demoLabelKey(signer) !== null;

/** What the worker needs to make a sheet: plain data (the key is found there by its address). */
export interface LabelJob {
  /** The batch's serial-signing key (0x hex): a demo key, the only kind this server holds. */
  signingKey: string;
  batchId: string;
  batch: { gtin: string; lot: string; expiryDate: number };
  /** Derived from the key, the secrets of serials [from, from + count) as printed, or none known. */
  secrets: "keyed" | Uint8Array[] | null;
  base: string;
  from: number;
  count: number;
  product: LabelProduct;
  title: string;
}

/** What the worker gives back: the sheet, and the check-code digests its labels publish. */
export interface LabelWork {
  pdf: Uint8Array;
  checkCodes: PublishedCheckCode[];
}

let pool: WorkerPool<LabelJob, LabelWork> | undefined;

function labelPool(): WorkerPool<LabelJob, LabelWork> {
  const { labelWorkers, labelQueue } = env();
  // The URL form, literally here, is what lets Next bundle the worker as an entry of its own.
  pool ??= new WorkerPool(() => new Worker(new URL("./label-sheet.worker.ts", import.meta.url)), {
    size: labelWorkers,
    queueBound: labelQueue,
  });
  return pool;
}

export type LabelSheet =
  | { status: 200; pdf: Uint8Array; filename: string }
  | ErrorReply
  /** Every worker busy and the queue full: try again after `retryAfterSeconds`. */
  | { status: 503; body: ErrorReply["body"]; retryAfterSeconds: number }
  | { status: 500; body: ErrorReply["body"] }
  /** The client left before the sheet was made: nothing to send (nginx's "client closed request"). */
  | { status: 499 };

const WHOLE = /^\d{1,12}$/;

/**
 * The label sheet of a batch for its manufacturer: serials [from, from + count), all of them (up to
 * MAX_LABELS) by default. `signal` is the request's: when it aborts, the sheet is abandoned.
 */
export async function labelSheet(
  actor: DeskActor | null,
  batchId: string,
  query: URLSearchParams,
  locale: Locale,
  signal?: AbortSignal,
): Promise<LabelSheet> {
  const t = backofficeWords(locale);
  if (actor === null) return fieldError(401, "not_signed_in", t("notSignedIn"));
  const fromText = query.get("from");
  const countText = query.get("count");
  if ((fromText !== null && !WHOLE.test(fromText)) || (countText !== null && !WHOLE.test(countText)))
    return fieldError(400, "invalid_range", t("labels.rangeFormat"));
  if (countText !== null && Number(countText) > MAX_LABELS)
    return fieldError(400, "too_many_labels", t("labels.tooMany", { max: MAX_LABELS }));
  const prepared = await prepare(actor.account, batchId, fromText, countText, locale);
  if ("status" in prepared) return prepared;
  try {
    const work = await labelPool().run(prepared.job, signal);
    await runtime().checkCodes.write(work.checkCodes);
    return { status: 200, pdf: work.pdf, filename: prepared.filename };
  } catch (error) {
    if (error instanceof JobAbortedError) return { status: 499 };
    if (error instanceof PoolBusyError)
      return {
        ...fieldError(503, "labels_busy", t("labels.busy", { seconds: error.retryAfterSeconds })),
        retryAfterSeconds: error.retryAfterSeconds,
      };
    return { status: 500, body: { error: { code: "labels_failed", message: t("labels.failed") } } };
  }
}

/** The checks that read the chain, and the worker's job when they pass. */
async function prepare(
  account: string,
  batchId: string,
  fromText: string | null,
  countText: string | null,
  locale: Locale,
): Promise<ErrorReply | { job: LabelJob; filename: string }> {
  const t = backofficeWords(locale);
  try {
    const batch = await batchById(batchId);
    if (batch === null) return fieldError(404, "batch_not_found", t("labels.batchNotFound"));
    if (batch.manufacturer.toLowerCase() !== account.toLowerCase())
      return fieldError(403, "not_batch_manufacturer", t("labels.notBatchManufacturer"));
    const key = demoLabelKey(batch.signer);
    if (key === null) return fieldError(409, "signing_key_not_held", t("labels.signingKeyNotHeld"));
    const last = batch.serialStart + batch.boxes - 1;
    const from = fromText === null ? batch.serialStart : Number(fromText);
    const count = countText === null ? Math.min(batch.boxes, MAX_LABELS) : Number(countText);
    if (from < batch.serialStart || from > last || count < 1 || from + count - 1 > last)
      return fieldError(
        400,
        "invalid_range",
        t("labels.range", { first: String(batch.serialStart), last: String(last), max: MAX_LABELS }),
      );
    const category = isCategoryId(batch.category) ? CATEGORIES[batch.category] : null;
    const source = secretSourceOf(key, batch.gtin, batch.lot, await runtime().possession.read(batchId));
    const keyed = (f: typeof source) => f?.(batch.gtin, batch.lot, from).join();
    const job: LabelJob = {
      signingKey: key.privateKey,
      batchId: batchId.toLowerCase(),
      batch: { gtin: batch.gtin, lot: batch.lot, expiryDate: batch.expiryDate },
      // Secrets derived from the key are derived again in the worker; the demo's are handed over.
      secrets:
        source === null
          ? null
          : keyed(source) === keyed(keyedSecrets(key))
            ? "keyed"
            : Array.from({ length: count }, (_, i) => source(batch.gtin, batch.lot, from + i)),
      base: runtime().digitalLinkBase,
      from,
      count,
      product:
        category === null
          ? { name: `GTIN ${batch.gtin}`, standard: "" }
          : { name: category.name, standard: category.standard },
      title: `Labels ${batch.gtin} lot ${batch.lot}`,
    };
    const filename = `labels-${batch.gtin}-${batch.lot}-${from}.pdf`.replace(/[^A-Za-z0-9.-]/g, "_");
    return { job, filename };
  } catch (error) {
    return chainUnavailableReply(locale, error);
  }
}
