// The cache keys of the server state client islands read through TanStack Query, in one place: an
// island that changes a record invalidates the key another island reads it under, so both must name
// it the same way.
export const queryKeys = {
  /** One complaint's status and history, as GET /api/complaints/<id> answers. */
  complaint: (id: number) => ["complaint", id] as const,
};
