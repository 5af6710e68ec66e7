// Complaint evidence kept off chain, content-addressed under the data folder: the photo as
// <sha256>.<ext> and the statement (what is wrong, the photo's hash) as <sha256>.json. The statement's
// SHA-256 is the evidenceHash recorded on chain, so neither file can be changed afterwards unnoticed.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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
  constructor(private readonly dir: string) {}

  /** Writes the photo, then the statement (each atomically): a statement never names a missing photo. */
  save(evidence: PreparedEvidence): void {
    mkdirSync(this.dir, { recursive: true });
    const write = (name: string, data: Buffer | string) => {
      const path = join(this.dir, name);
      writeFileSync(`${path}.tmp`, data);
      renameSync(`${path}.tmp`, path);
    };
    const { statement, photo } = evidence;
    if (photo !== null && statement.photo !== null) write(`${statement.photo}.${photo.type}`, photo.bytes);
    write(`${evidence.hash.slice(2)}.json`, JSON.stringify(statement));
  }

  /** The statement recorded under `hash`, or null when it is not here or does not match its hash. */
  statement(hash: string): EvidenceStatement | null {
    if (!HASH.test(hash)) return null;
    try {
      const text = readFileSync(join(this.dir, `${hash.slice(2)}.json`), "utf8");
      if (`0x${sha256(text)}` !== hash) return null;
      return JSON.parse(text) as EvidenceStatement;
    } catch {
      return null;
    }
  }
}

export function evidenceStoreIn(dataDir: string): EvidenceStore {
  return new EvidenceStore(join(dataDir, "evidence"));
}
