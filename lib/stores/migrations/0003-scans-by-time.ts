// A serial's scans by time: the scan window (scans since the box's sale or its lot's latest delivery)
// starts with one index lookup instead of a walk over the serial's whole history.
import type { Migration } from "./index";

export const scansByTime: Migration = {
  version: 3,
  name: "scans by serial and time",
  sql: `CREATE INDEX scans_by_time ON scans (key, at, seq);`,
};
