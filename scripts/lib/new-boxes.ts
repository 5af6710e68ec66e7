// Codes for boxes nobody has verified yet, as printed on real labels: a GS1 Digital Link with the
// batch's serial-signing signature (AI 8030) over a serial of a seeded batch's range, each serial handed
// out once per run. The benchmark's "new box each request" rows need tens of thousands of them, so the
// signing runs in child processes with libsecp256k1 (tiny-secp256k1, ~2× OpenSSL's speed here); its
// RFC 6979 low-s signatures are byte for byte those of lib/chain/serials.ts's signSerial. Local chain only:
// the keys are the demo makers'.
import { createHash } from "node:crypto";
import * as secp256k1 from "tiny-secp256k1";
import { serialMessage } from "../../lib/chain/serials";
import { toDigitalLink } from "../../lib/domain/gs1";
import { runApart } from "./run-apart";

/** A seeded batch whose boxes can be labelled: its range and its maker's serial-signing key. */
export interface LabelledBatch {
  batchId: string;
  gtin: string;
  lot: string;
  /** The expiry printed on the box (YYYY-MM-DD). */
  expiry: string;
  serialStart: number;
  boxes: number;
  /** The demo serial-signing key (0x + 64 hex digits). */
  privateKey: string;
}

/** One box to label. */
export interface NewBox {
  batch: LabelledBatch;
  serial: number;
}

/**
 * Hands out each serial of the batches once, round robin over the batches (so consecutive scans are of
 * different batches, as at a real checkout), skipping the reserved ones ("batchId/serial").
 */
export class SerialAllocator {
  private readonly next: number[];
  private turn = 0;

  constructor(
    private readonly batches: LabelledBatch[],
    private readonly reserved: ReadonlySet<string> = new Set(),
  ) {
    this.next = batches.map((batch) => batch.serialStart);
  }

  /** Up to `count` boxes never handed out before; fewer when every range is used up. */
  take(count: number): NewBox[] {
    const boxes: NewBox[] = [];
    let idle = 0;
    while (boxes.length < count && idle < this.batches.length) {
      const index = this.turn++ % this.batches.length;
      const batch = this.batches[index] as LabelledBatch;
      let serial = this.next[index] as number;
      while (serial < batch.serialStart + batch.boxes && this.reserved.has(`${batch.batchId}/${serial}`))
        serial += 1;
      if (serial >= batch.serialStart + batch.boxes) {
        idle += 1;
        continue;
      }
      idle = 0;
      this.next[index] = serial + 1;
      boxes.push({ batch, serial });
    }
    return boxes;
  }
}

/** The AI 8030 text for a serial: what signSerial makes, from libsecp256k1. */
export function signLabel(privateKey: string, gtin: string, lot: string, serial: string): string {
  const digest = createHash("sha256")
    .update(serialMessage(gtin, lot, serial))
    .digest();
  const signature = secp256k1.sign(digest, Buffer.from(privateKey.slice(2), "hex"));
  return Buffer.from(signature).toString("base64url");
}

interface Job {
  base: string;
  boxes: NewBox[];
}

function labelAll({ base, boxes }: Job): string[] {
  return boxes.map(({ batch, serial }) => {
    const text = String(serial);
    const signature = signLabel(batch.privateKey, batch.gtin, batch.lot, text);
    return toDigitalLink(
      { gtin: batch.gtin, lot: batch.lot, serial: text, expiry: batch.expiry, signature },
      base,
    );
  });
}

function labelApart(job: Job): Promise<string[]> {
  return runApart<string[]>(__filename, job, "labelling new boxes failed: the signer");
}

/** The Digital Links printed on `boxes`, in order, signed by `parts` child processes side by side. */
export async function printLabels(boxes: NewBox[], base: string, parts = 2): Promise<string[]> {
  const size = Math.ceil(boxes.length / parts);
  const slices = Array.from({ length: parts }, (_, i) => boxes.slice(i * size, (i + 1) * size));
  return (await Promise.all(slices.map((slice) => labelApart({ base, boxes: slice })))).flat();
}

// As a child process: a Job on stdin, the links on stdout.
if (require.main === module) {
  let input = "";
  process.stdin.on("data", (chunk: Buffer) => (input += chunk.toString()));
  process.stdin.on("end", () => process.stdout.write(JSON.stringify(labelAll(JSON.parse(input) as Job))));
}
