// Which of the eth_calls the app sent (as the counting proxy kept them) read a batch's shared facts, told
// apart from the outside: a call names a batch when its calldata holds the batch id, or the GTIN word
// together with the lot's bytes (a Multicall's inner calls included, as they are inside its calldata).
// A call of a selector the caller found small (≤ 50,000 gas: a per-box read by the measure) is
// not a batch read; any other call naming a batch is, since it re-reads the batch along with the box
// (today's lens report does). So the census holds whether the reader reads one view or several.
import type { RecordedCall } from "./rpc-counter";

export interface BatchKeys {
  name: string;
  gtin: string;
  lot: string;
  batchId: string;
}

const word = (value: bigint) => value.toString(16).padStart(64, "0");

/** Whether the call's data names the batch (see the file's opening). */
export function namesBatch(data: string, batch: BatchKeys): boolean {
  const text = data.toLowerCase();
  if (text.includes(batch.batchId.toLowerCase().replace(/^0x/, ""))) return true;
  return (
    text.includes(word(BigInt(batch.gtin))) && text.includes(Buffer.from(batch.lot, "utf8").toString("hex"))
  );
}

/** Batch-level reads per batch name among `calls`; `small` holds the selectors of per-box reads. */
export function batchReads(
  calls: readonly RecordedCall[],
  batches: readonly BatchKeys[],
  small: ReadonlySet<string>,
): Record<string, number> {
  const reads: Record<string, number> = Object.fromEntries(batches.map((batch) => [batch.name, 0]));
  for (const call of calls) {
    if (small.has(call.data.slice(0, 10))) continue;
    for (const batch of batches)
      if (namesBatch(call.data, batch)) reads[batch.name] = (reads[batch.name] ?? 0) + 1;
  }
  return reads;
}
