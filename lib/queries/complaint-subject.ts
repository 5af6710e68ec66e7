// What the complaint form needs to know about the box: which product and lot it is, and the sellers
// holding the batch (a counterfeit or price complaint is against one of them).
import { parseScannedCode } from "../domain/gs1";
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
}

export type SubjectResult =
  { ok: true; subject: ComplaintSubject } | { ok: false; title: string; message: string };

export async function complaintSubject(text: string): Promise<SubjectResult> {
  const parsed = parseScannedCode(text);
  if (!parsed.ok) return { ok: false, title: "This code can't be read", message: parsed.error.message };
  const { gtin, lot, serial } = parsed.code;
  if (lot === null || serial === null) {
    return {
      ok: false,
      title: "Scan the box's own code",
      message:
        "A complaint is about one box: scan the 2D code on the box, which carries its lot and serial number.",
    };
  }
  let record;
  try {
    record = await runtime().reader.read(parsed.code);
  } catch (error) {
    if (error instanceof ChainUnavailableError) {
      return { ok: false, title: "Can't reach the record right now", message: "Try again in a minute." };
    }
    throw error;
  }
  if (record.product === null || record.batch === null) {
    return {
      ok: false,
      title: "This box is not on the record",
      message:
        "No registered maker made this box, so there is no one a complaint here could make pay. Report it to the market regulator on 12315.",
    };
  }
  const sold = record.serial?.sale?.seller ?? null;
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
    },
  };
}
