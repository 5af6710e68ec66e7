// Tips about suspected fakes, kept in the shared database (migration 0004) so every app instance sees one
// queue. A tip is what its reporter said and what the scan log knew of the code at the time; it proves
// nothing and charges nobody. The inspectors' decision is recorded once: a tip leaves the open queue when
// confirmed (with the transaction that recorded the finding on chain) or dismissed, never both.
import type { Db } from "./db";
import type { PastScan } from "./scan-store";

export type TipStatus = "open" | "confirmed" | "dismissed";

export interface NewTip {
  /** Unix seconds. */
  createdAt: number;
  /** The code as typed or scanned. */
  code: string;
  gtin: string | null;
  lot: string | null;
  serial: string | null;
  /** The batch the code names, when it is on the record. */
  batchId: string | null;
  /** A registered seller's address, or null for a shop not on the record. */
  sellerAddress: string | null;
  /** The seller's name as the record has it, or as the reporter wrote it. */
  sellerName: string;
  /** YYYY-MM-DD. */
  boughtOn: string;
  place: string | null;
  priceFen: number | null;
  /** What the reporter says is wrong with the box. */
  description: string;
  /** The evidence row (statement and photo) the tip rests on; what a finding records on chain. */
  evidenceHash: string;
  scans: { total: number; latest: PastScan[] };
}

export interface Tip extends NewTip {
  id: number;
  /** Whether the reporter sent a photo (kept with the evidence). */
  hasPhoto: boolean;
  status: TipStatus;
  decidedAt: number | null;
  decidedBy: string | null;
  findingTx: string | null;
}

interface TipRow {
  id: number;
  created_at: number;
  code: string;
  gtin: string | null;
  lot: string | null;
  serial: string | null;
  batch_id: string | null;
  seller_address: string | null;
  seller_name: string;
  bought_on: string;
  place: string | null;
  price_fen: number | null;
  description: string;
  evidence_hash: string;
  scan_history: string;
  status: TipStatus;
  decided_at: number | null;
  decided_by: string | null;
  finding_tx: string | null;
  has_photo: boolean;
}

// Counts and times cast so both engines return numbers (bigint columns come back as strings otherwise).
const COLUMNS = `id::float8 AS id, created_at::float8 AS created_at, code, gtin, lot, serial, batch_id,
  seller_address, seller_name, bought_on, place, price_fen, description, evidence_hash, scan_history, status,
  decided_at::float8 AS decided_at, decided_by, finding_tx,
  EXISTS (SELECT 1 FROM evidence WHERE evidence.hash = tips.evidence_hash AND evidence.photo IS NOT NULL)
    AS has_photo`;

const tipOf = (row: TipRow): Tip => ({
  id: row.id,
  hasPhoto: row.has_photo,
  createdAt: row.created_at,
  code: row.code,
  gtin: row.gtin,
  lot: row.lot,
  serial: row.serial,
  batchId: row.batch_id,
  sellerAddress: row.seller_address,
  sellerName: row.seller_name,
  boughtOn: row.bought_on,
  place: row.place,
  priceFen: row.price_fen,
  description: row.description,
  evidenceHash: row.evidence_hash,
  scans: JSON.parse(row.scan_history) as Tip["scans"],
  status: row.status,
  decidedAt: row.decided_at,
  decidedBy: row.decided_by,
  findingTx: row.finding_tx,
});

export class TipStore {
  constructor(private readonly db: Db) {}

  /** Keeps the tip; its id. */
  async add(tip: NewTip): Promise<number> {
    const [row] = await this.db.query<{ id: number }>(
      `INSERT INTO tips (created_at, code, gtin, lot, serial, batch_id, seller_address, seller_name, bought_on,
         place, price_fen, description, evidence_hash, scan_history)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id::float8 AS id`,
      [
        tip.createdAt,
        tip.code,
        tip.gtin,
        tip.lot,
        tip.serial,
        tip.batchId,
        tip.sellerAddress,
        tip.sellerName,
        tip.boughtOn,
        tip.place,
        tip.priceFen,
        tip.description,
        tip.evidenceHash,
        JSON.stringify(tip.scans),
      ],
    );
    if (row === undefined) throw new Error("The tip was not stored.");
    return row.id;
  }

  /** The open tips, newest first. */
  async open(limit = 50): Promise<Tip[]> {
    const rows = await this.db.query<TipRow>(
      `SELECT ${COLUMNS} FROM tips WHERE status = 'open' ORDER BY created_at DESC, id DESC LIMIT $1`,
      [limit],
    );
    return rows.map(tipOf);
  }

  async get(id: number): Promise<Tip | null> {
    const [row] = await this.db.query<TipRow>(`SELECT ${COLUMNS} FROM tips WHERE id = $1`, [id]);
    return row === undefined ? null : tipOf(row);
  }

  /** The tip whose evidence a finding on chain names, or null. */
  async byEvidence(evidenceHash: string): Promise<Tip | null> {
    const [row] = await this.db.query<TipRow>(`SELECT ${COLUMNS} FROM tips WHERE evidence_hash = $1`, [
      evidenceHash,
    ]);
    return row === undefined ? null : tipOf(row);
  }

  /** Decides an open tip; false when it was not open (decided already, or no such tip). */
  async decide(
    id: number,
    decision: { status: "confirmed" | "dismissed"; at: number; by: string; findingTx: string | null },
  ): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE tips SET status = $2, decided_at = $3, decided_by = $4, finding_tx = $5
       WHERE id = $1 AND status = 'open' RETURNING id`,
      [id, decision.status, decision.at, decision.by, decision.findingTx],
    );
    return rows.length === 1;
  }
}
