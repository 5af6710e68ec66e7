"use client";

import { useComplaint } from "@/lib/queries/client/complaint";
import type { ComplaintView } from "@/lib/queries/complaints";
import { ClaimPanel } from "./ClaimPanel";
import { ComplaintStatus } from "./ComplaintStatus";

/**
 * The complaint page's live part: the status, history and claim panel follow the complaint as it is
 * read again (lib/queries/client/complaint.ts), so a complainant waiting on the page sees the answer,
 * the ruling and the compensation to collect without reloading it.
 */
export function ComplaintLive({ initial }: { initial: ComplaintView }) {
  const { data: complaint } = useComplaint(initial);
  return (
    <>
      <ComplaintStatus complaint={complaint} />
      <ClaimPanel id={complaint.id} withdrawableFen={complaint.withdrawableFen} />
    </>
  );
}
