// The first schema: the shared state that several app instances must agree on.
import type { Migration } from "./index";

/** The largest photo kept with a complaint (as the complaints desk accepts: a phone photo). */
export const MAX_EVIDENCE_PHOTO_BYTES = 4 * 1024 * 1024;

export const sharedState: Migration = {
  version: 1,
  name: "shared state: scans, rate limits, complaint evidence",
  sql: `
    -- Every verification of an issued serial. seq numbers a serial's scans 1, 2, 3…: two instances
    -- appending the same serial at once cannot both take the next number (the primary key refuses one),
    -- so two cannot both see the serial as first seen (lib/stores/scan-store.ts).
    CREATE TABLE scans (
      key text NOT NULL,
      seq integer NOT NULL,
      at bigint NOT NULL,
      place text,
      device text NOT NULL,
      PRIMARY KEY (key, seq)
    );

    -- Fixed-window counters (milliseconds), one row per limit and client or box.
    CREATE TABLE rate_limits (
      bucket text NOT NULL,
      key text NOT NULL,
      started_at bigint NOT NULL,
      expires_at bigint NOT NULL,
      count integer NOT NULL,
      PRIMARY KEY (bucket, key)
    );
    CREATE INDEX rate_limits_expiry ON rate_limits (expires_at);

    -- Complaint evidence: the statement whose SHA-256 is on chain, and the photo it names.
    CREATE TABLE evidence (
      hash text PRIMARY KEY,
      statement text NOT NULL,
      photo bytea CHECK (octet_length(photo) <= ${MAX_EVIDENCE_PHOTO_BYTES}),
      photo_type text CHECK (photo_type IN ('jpeg', 'png', 'webp'))
    );
  `,
};
