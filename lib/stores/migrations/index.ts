// The schema's history, in order: each migration is applied once, at start, and recorded with its
// version in schema_migrations (lib/stores/db.ts). A change to the schema is a new file here, never an
// edit of one already applied somewhere.
import { sharedState } from "./0001-shared-state";
import { possessionLists } from "./0002-possession-lists";
import { scansByTime } from "./0003-scans-by-time";
import { tips } from "./0004-tips";
import { checkCodes } from "./0005-check-codes";
import { siweNonces } from "./0006-siwe-nonces";

export interface Migration {
  version: number;
  name: string;
  /** Statements without parameters, run in one transaction. */
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  sharedState,
  possessionLists,
  scansByTime,
  tips,
  checkCodes,
  siweNonces,
];
