// Complaint evidence kept off chain, in the shared database (lib/stores/db.ts) so a complaint filed on
// one app instance is readable on every other: the statement (what is wrong, the photo's SHA-256) under
// its own SHA-256, which is the evidenceHash recorded on chain, and the photo beside it (at most
// MAX_EVIDENCE_PHOTO_BYTES, which the table enforces too). Neither can be changed afterwards unnoticed.
import { createHash } from "node:crypto";
import type { Db } from "./db";

export type PhotoType = "jpeg" | "png" | "webp";

export interface EvidencePhoto {
  type: PhotoType;
  bytes: Buffer;
}

export interface EvidenceStatement {
  description: string;
  /** SHA-256 of the photo (hex), or null without one. */
  photo: string | null;
  photoType: PhotoType | null;
}

export interface PreparedEvidence {
  /** 0x + SHA-256 of the statement: what goes on chain. */
  hash: string;
  statement: EvidenceStatement;
  photo: EvidencePhoto | null;
}

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");
const HASH = /^0x[0-9a-f]{64}$/;

/** Hashes the evidence without writing anything (the filing may still be refused). */
export function prepareEvidence(description: string, photo: EvidencePhoto | null): PreparedEvidence {
  const statement: EvidenceStatement = {
    description,
    photo: photo === null ? null : sha256(photo.bytes),
    photoType: photo?.type ?? null,
  };
  return { hash: `0x${sha256(JSON.stringify(statement))}`, statement, photo };
}

export class EvidenceStore {
  constructor(private readonly db: Db) {}

  /** Keeps the statement and its photo in one row: a statement never names a missing photo. */
  async save(evidence: PreparedEvidence): Promise<void> {
    const { statement, photo } = evidence;
    await this.db.query(
      "INSERT INTO evidence (hash, statement, photo, photo_type) VALUES ($1, $2, $3, $4) " +
        "ON CONFLICT (hash) DO NOTHING",
      [evidence.hash, JSON.stringify(statement), photo?.bytes ?? null, photo?.type ?? null],
    );
  }

  /** The photo kept with the statement under `hash`, or null without one. */
  async photo(hash: string): Promise<EvidencePhoto | null> {
    if (!HASH.test(hash)) return null;
    const [row] = await this.db.query<{ photo: Uint8Array | null; photo_type: PhotoType | null }>(
      "SELECT photo, photo_type FROM evidence WHERE hash = $1",
      [hash],
    );
    if (row?.photo == null || row.photo_type === null) return null;
    return { type: row.photo_type, bytes: Buffer.from(row.photo) };
  }

  /** The statement recorded under `hash`, or null when it is not here or does not match its hash. */
  async statement(hash: string): Promise<EvidenceStatement | null> {
    if (!HASH.test(hash)) return null;
    const [row] = await this.db.query<{ statement: string }>(
      "SELECT statement FROM evidence WHERE hash = $1",
      [hash],
    );
    if (row === undefined || `0x${sha256(row.statement)}` !== hash) return null;
    return JSON.parse(row.statement) as EvidenceStatement;
  }
}
