// The published possession lists move from files under DATA_DIR into the shared database.
import type { Migration } from "./index";

export const possessionLists: Migration = {
  version: 2,
  name: "possession lists",
  sql: `
    -- One list per batch (0x + 64 hex digits), as JSON text {serialStart, leaves}: read whole, never queried
    -- inside, and text is the same on both engines.
    CREATE TABLE possession_lists (
      batch_id text PRIMARY KEY,
      list text NOT NULL
    );
  `,
};
