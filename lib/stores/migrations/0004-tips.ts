// Tips about suspected fakes (issue #18): what a person who holds a box the record does not vouch for
// reports to the inspectors. A tip proves nothing and charges nobody; it waits in the inspectors' queue
// until one confirms it (recording a counterfeit finding on chain) or dismisses it.
import type { Migration } from "./index";

export const tips: Migration = {
  version: 4,
  name: "tips about suspected fakes",
  sql: `
    -- The photo and the reporter's statement are an evidence row (0001), named by evidence_hash, which is
    -- also what a confirmed finding records on chain. scan_history is the code's scans when the tip came
    -- in (JSON text), so the inspector sees what the reporter's box had been through. A registered seller
    -- is seller_address; a shop not on the record is seller_name alone.
    CREATE TABLE tips (
      id bigserial PRIMARY KEY,
      created_at bigint NOT NULL,
      code text NOT NULL,
      gtin text,
      lot text,
      serial text,
      batch_id text,
      seller_address text CHECK (seller_address ~ '^0x[0-9a-fA-F]{40}$'),
      seller_name text NOT NULL,
      bought_on text NOT NULL,
      place text,
      price_fen integer CHECK (price_fen >= 0),
      description text NOT NULL,
      evidence_hash text NOT NULL UNIQUE,
      scan_history text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed')),
      decided_at bigint,
      decided_by text,
      finding_tx text
    );
    CREATE INDEX tips_open_newest ON tips (status, created_at DESC, id DESC);
  `,
};
