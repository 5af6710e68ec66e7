// A batch's labels as a print-ready PDF (drawn by label-pdf.ts). Only the batch's manufacturer, acting
// on the local chain, gets it: the codes are signed with its serial-signing key, which never leaves the
// server. The checks run here; the sheet itself is made on a worker thread (label-sheet.worker.ts), a
// few at a time with a bounded queue (503 labels_busy beyond it), and is abandoned when the client
// leaves: a 480-label sheet is seconds of CPU that would otherwise stall every verification meanwhile.
import { Worker } from "node:worker_threads";
import type { PartyKey } from "../../scripts/demo/world";
import { PARTIES } from "../../scripts/demo/world";
import { demoWallet } from "../../scripts/demo/accounts";
import { demoLabelKey } from "../chain/labels";
import type { PossessionList } from "../chain/possession";
import { CATEGORIES, isCategoryId } from "../domain/standards";
import { env } from "../env";
import type { Locale } from "../domain/locale";
import { backofficeWords, batchById } from "./backoffice";
import { runtime } from "./runtime";
import { chainUnavailableReply, fieldError, readSession, type ErrorReply } from "./session";
import { MAX_LABELS, type LabelProduct } from "./label-pdf";
import { JobAbortedError, PoolBusyError, WorkerPool } from "./worker-pool";

/** What the worker needs to make a sheet: plain data (the key is found there by its address). */
export interface LabelJob {
  signer: string;
  batch: { gtin: string; lot: string; expiryDate: number };
  published: PossessionList | null;
  base: string;
  from: number;
  count: number;
  product: LabelProduct;
  title: string;
}

let pool: WorkerPool<LabelJob, Uint8Array> | undefined;

function labelPool(): WorkerPool<LabelJob, Uint8Array> {
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
  party: PartyKey | null,
  batchId: string,
  query: URLSearchParams,
  locale: Locale,
  signal?: AbortSignal,
): Promise<LabelSheet> {
  const t = backofficeWords(locale);
  if (party === null) return fieldError(401, "not_signed_in", t("notSignedIn"));
  const fromText = query.get("from");
  const countText = query.get("count");
  if ((fromText !== null && !WHOLE.test(fromText)) || (countText !== null && !WHOLE.test(countText)))
    return fieldError(400, "invalid_range", t("labels.rangeFormat"));
  if (countText !== null && Number(countText) > MAX_LABELS)
    return fieldError(400, "too_many_labels", t("labels.tooMany", { max: MAX_LABELS }));
  const prepared = await prepare(party, batchId, fromText, countText, locale);
  if ("status" in prepared) return prepared;
  try {
    return { status: 200, pdf: await labelPool().run(prepared.job, signal), filename: prepared.filename };
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
  party: PartyKey,
  batchId: string,
  fromText: string | null,
  countText: string | null,
  locale: Locale,
): Promise<ErrorReply | { job: LabelJob; filename: string }> {
  const t = backofficeWords(locale);
  try {
    const [session, batch] = await Promise.all([readSession(party), batchById(batchId)]);
    if (session === null) return fieldError(403, "demo_keys_refused", t("labels.demoKeysRefused"));
    if (batch === null) return fieldError(404, "batch_not_found", t("labels.batchNotFound"));
    if (batch.manufacturer.toLowerCase() !== demoWallet(PARTIES[party].account).address.toLowerCase())
      return fieldError(403, "not_batch_manufacturer", t("labels.notBatchManufacturer"));
    if (demoLabelKey(batch.signer) === null)
      return fieldError(409, "signing_key_not_held", t("labels.signingKeyNotHeld"));
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
    const job: LabelJob = {
      signer: batch.signer,
      batch: { gtin: batch.gtin, lot: batch.lot, expiryDate: batch.expiryDate },
      published: await runtime().possession.read(batchId),
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
