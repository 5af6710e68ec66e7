// The label sheet's worker thread: signs the codes, derives the secrets and check codes, draws the QR
// codes and writes the PDF — seconds of synchronous work for a full sheet, kept off the event loop that answers
// verifications (label-sheet.ts runs it in a WorkerPool). It finds the signing key itself from the batch's signer
// address, so no key crosses the message port. One job at a time; the answer's bytes are transferred.
import { parentPort } from "node:worker_threads";
import { boxLabels, demoLabelKey, publishedCheckCodes, secretSourceOf } from "../chain/labels";
import { labelSheetPdf } from "./label-pdf";
import type { LabelJob, LabelWork } from "./label-sheet";
import type { WorkerAnswer } from "./worker-pool";

async function render(job: LabelJob): Promise<LabelWork> {
  const key = demoLabelKey(job.signer);
  if (key === null) throw new Error("the batch's signing key is not held here");
  const secrets = secretSourceOf(key, job.batch.gtin, job.batch.lot, job.published);
  const labels = boxLabels(job.batch, key, secrets, job.base, job.from, job.count);
  return {
    pdf: await labelSheetPdf(labels, job.product, job.title),
    checkCodes: publishedCheckCodes(job.batchId, labels),
  };
}

parentPort?.on("message", (job: LabelJob) => {
  void render(job).then(
    (work) => {
      const answer: WorkerAnswer<LabelWork> = { ok: true, result: work };
      parentPort?.postMessage(answer, [work.pdf.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const answer: WorkerAnswer<LabelWork> = { ok: false, message: String(error) };
      parentPort?.postMessage(answer);
    },
  );
});
