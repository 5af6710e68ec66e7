// When a complaint about a batch weighs on every box of it. One person's word, filed with one box and not
// yet examined by anyone, is information: turning a 200,000-mask batch to Caution on it would let anyone
// accuse a maker or a shop for the price of one box. A complaint weighs once someone independent has taken
// it up on the record, once several boxes are complained about, or once it is upheld. Pure: it reads only
// what the chain already records (retests, inspectors' price records, complaint statuses).
import type { BatchInfo, ComplaintInfo } from "./record";
import { sameAddress } from "./parties";

/** Complaints about this many different boxes of a batch, none of them dismissed, weigh together. */
export const SEVERAL_BOXES = 3;

/**
 * Why a complaint weighs on its batch:
 * - `upheld`: an inspector or a retest ruled it well-founded;
 * - `retest`: a laboratory retested the batch after a spec complaint was filed (its result is the tests
 *   check's business; that a lab took it up is this rule's);
 * - `inspector`: an inspector recorded, after a price complaint was filed, a price of this batch above
 *   the cap at the very seller it names;
 * - `several-boxes`: complaints about SEVERAL_BOXES different boxes of the batch stand (not dismissed).
 */
export type WeightReason = "upheld" | TakenUpBy | "several-boxes";

/** Who took a complaint up on the record before any ruling: a lab's retest, an inspector's price record. */
export type TakenUpBy = "retest" | "inspector";

const standing = (c: ComplaintInfo) => c.status !== "dismissed";
const undecided = (c: ComplaintInfo) => c.status === "open" || c.status === "answered";

/** Boxes of the batch with a complaint that stands (open, answered or upheld), counted once each. */
export function boxesComplainedAbout(batch: Pick<BatchInfo, "complaints">): number {
  return new Set(batch.complaints.list.filter(standing).map((c) => c.serial)).size;
}

/** Whether an inspector or a lab took this one complaint up on the record, and how; null when no one has. */
function takenUp(complaint: ComplaintInfo, batch: Pick<BatchInfo, "tests" | "prices">): TakenUpBy | null {
  if (
    complaint.kind === "spec-failure" &&
    batch.tests.some((t) => t.retest && t.testedAt >= complaint.filedAt)
  )
    return "retest";
  if (
    complaint.kind === "price-above-cap" &&
    batch.prices.some(
      (p) =>
        p.violation &&
        p.observedAt >= complaint.filedAt &&
        sameAddress(p.seller.account, complaint.respondent.account),
    )
  )
    return "inspector";
  return null;
}

type Batch = Pick<BatchInfo, "complaints" | "tests" | "prices">;

/** Why an undecided complaint weighs before any ruling, or null when no one has given it weight yet. */
function weightBeforeRuling(complaint: ComplaintInfo, batch: Batch): TakenUpBy | "several-boxes" | null {
  return takenUp(complaint, batch) ?? (boxesComplainedAbout(batch) >= SEVERAL_BOXES ? "several-boxes" : null);
}

/** Why `complaint` weighs on its batch, or null when it is information only (or was dismissed). */
export function complaintWeight(complaint: ComplaintInfo, batch: Batch): WeightReason | null {
  if (complaint.status === "upheld") return "upheld";
  return undecided(complaint) ? weightBeforeRuling(complaint, batch) : null;
}

/** The batch's undecided complaints, split by whether the rule gives them weight yet. */
export function undecidedComplaints(batch: Batch): {
  weighing: { complaint: ComplaintInfo; reason: TakenUpBy | "several-boxes" }[];
  informational: ComplaintInfo[];
} {
  const weighing: { complaint: ComplaintInfo; reason: TakenUpBy | "several-boxes" }[] = [];
  const informational: ComplaintInfo[] = [];
  for (const complaint of batch.complaints.list.filter(undecided)) {
    const reason = weightBeforeRuling(complaint, batch);
    if (reason === null) informational.push(complaint);
    else weighing.push({ complaint, reason });
  }
  return { weighing, informational };
}
