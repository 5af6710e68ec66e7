// The label sheet's worker thread: signs the codes, derives the secrets and check codes, draws the QR codes and writes
// the PDF — seconds of synchronous work for a full sheet, kept off the event loop that answers
// verifications (label-sheet.ts runs it in a WorkerPool). It gets the signing key (the demo's: the only one
// the server holds) and the secrets when they are not derived from that key, since no demo is installed in
// a worker thread. One job at a time; the answer's bytes are transferred.
import { parentPort } from "node:worker_threads";
import { boxLabels, keyedSecrets, labelKeyFrom, publishedCheckCodes } from "../chain/labels";
import { labelSheetPdf } from "./label-pdf";
import type { LabelJob, LabelWork } from "./label-sheet";
import type { WorkerAnswer } from "./worker-pool";

async function render(job: LabelJob): Promise<LabelWork> {
  const key = labelKeyFrom(job.signingKey);
  const given = job.secrets;
  const secrets =
    given === "keyed"
      ? keyedSecrets(key)
      : given === null
        ? null
        : (_g: string, _l: string, serial: number) => given[serial - job.from] ?? new Uint8Array();
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
