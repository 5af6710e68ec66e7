// A complaint as the complainant's page keeps it current in the browser: read again from
// GET /api/complaints/<id> when the tab comes back into view and, while nobody has ruled yet, every
// half minute, so a ruling or an answer shows without a reload. The page's server render is the first
// value, so nothing is fetched on load. Client-side only: the server pages read lib/queries directly.
import { useQuery } from "@tanstack/react-query";
import type { ComplaintView } from "../complaints";
import { queryKeys } from "./keys";

/** How often an undecided complaint is read again while its page is open and in view. */
export const UNDECIDED_REFETCH_MS = 30_000;

async function fetchComplaint(id: number): Promise<ComplaintView> {
  const response = await fetch(`/api/complaints/${id}`, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`GET /api/complaints/${id} answered ${response.status}`);
  return (await response.json()) as ComplaintView;
}

/** The complaint, starting from the server's render; a failed read keeps the last one shown. */
export function useComplaint(initial: ComplaintView) {
  return useQuery({
    queryKey: queryKeys.complaint(initial.id),
    queryFn: () => fetchComplaint(initial.id),
    initialData: initial,
    // The server has just read it: fetching it again on load would only repeat that read.
    refetchOnMount: false,
    refetchOnWindowFocus: true,
    refetchInterval: (query) =>
      query.state.data?.status === "open" || query.state.data?.status === "answered"
        ? UNDECIDED_REFETCH_MS
        : false,
  });
}
