// The check codes' digests the makers publish (lib/chain/check-codes.ts): one row per serial whose label
// was made, so a typed check code can be checked without the code itself being stored anywhere.
import type { Migration } from "./index";

export const checkCodes: Migration = {
  version: 5,
  name: "check codes",
  sql: `
    -- batch_id and digest are 0x + 64 hex digits; serial is the GS1 serial as printed (AI 21).
    CREATE TABLE check_codes (
      batch_id text NOT NULL,
      serial text NOT NULL,
      digest text NOT NULL,
      PRIMARY KEY (batch_id, serial)
    );
  `,
};
