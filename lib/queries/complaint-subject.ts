// What the complaint form needs to know about the box: which product and lot it is, the sellers holding
// the batch (a counterfeit or price complaint is against one of them), the complaints already on the
// record: the box's own (the chain takes no second one while it is open or once it was upheld, so the page
// shows it instead of the form) and the open ones about other boxes of its batch, and the retail cap in
// force here per piece and per box (the form asks what the box cost).
import { parseScannedCode, type Gs1Error } from "../domain/gs1";
import type { ComplaintInfo, ComplaintStatus } from "../domain/record";
import { capInForce, capPerBox, type BoxCap } from "../domain/price-caps";
import { ChainUnavailableError } from "../chain/reader";
import { runtime } from "./runtime";

export interface ComplaintSubject {
  code: string;
  gtin: string;
  lot: string;
  serial: string;
  productName: string;
  makerName: string;
  /** Sellers holding the batch, the one that sold this serial (if recorded) first. */
  sellers: { account: string; name: string }[];
  /** This box's complaint that stands (open, answered or upheld), the latest; null when there is none. */
  existing: { id: number; status: StandingStatus; filedAt: number } | null;
  /** Open (or answered) complaints about other boxes of the batch. */
  otherOpen: number;
  /** The retail cap in force in the server's region today, per piece and for this box; null without one. */
  cap: BoxCap | null;
}

type StandingStatus = Exclude<ComplaintStatus, "dismissed">;
const stands = (c: ComplaintInfo): c is ComplaintInfo & { status: StandingStatus } =>
  c.status !== "dismissed";

/** Why there is no form: the page says it in the reader's language. */
export type SubjectResult =
  | { ok: true; subject: ComplaintSubject }
  | { ok: false; problem: "unreadable"; error: Gs1Error }
  | { ok: false; problem: "whole_batch" | "chain_unavailable" | "not_on_record" };

export async function complaintSubject(text: string): Promise<SubjectResult> {
  const parsed = parseScannedCode(text);
  if (!parsed.ok) return { ok: false, problem: "unreadable", error: parsed.error };
  const { gtin, lot, serial } = parsed.code;
  if (lot === null || serial === null) {
    return { ok: false, problem: "whole_batch" };
  }
  let record;
  try {
    record = await runtime().reader.read(parsed.code);
  } catch (error) {
    if (error instanceof ChainUnavailableError) {
      return { ok: false, problem: "chain_unavailable" };
    }
    throw error;
  }
  if (record.product === null || record.batch === null) {
    return { ok: false, problem: "not_on_record" };
  }
  const sold = record.serial?.sale?.seller ?? null;
  const aboutThisBox = (c: { serial: number }) => String(c.serial) === serial;
  const complaints = record.batch.complaints.list;
  const standing = complaints.filter(aboutThisBox).filter(stands).at(-1) ?? null;
  const holders = record.batch.holders.filter((h) => h.party.hasValidFiling).map((h) => h.party);
  const sellers = [...(sold ? [sold] : []), ...holders.filter((p) => p.account !== sold?.account)].map(
    (p) => ({
      account: p.account,
      name: p.name,
    }),
  );
  return {
    ok: true,
    subject: {
      code: text,
      gtin,
      lot,
      serial,
      productName: record.product.name,
      makerName: record.product.manufacturer.name,
      sellers,
      existing: standing && { id: standing.id, status: standing.status, filedAt: standing.filedAt },
      otherOpen: complaints.filter(
        (c) => !aboutThisBox(c) && (c.status === "open" || c.status === "answered"),
      ).length,
      cap: capPerBox(
        capInForce(
          record.caps,
          record.product.category,
          "retail",
          runtime().region,
          Math.floor(Date.now() / 1000),
        ),
        record.batch.masksPerBox,
      ),
    },
  };
}
