// What the app/api route files under an `[id]` segment share: Next hands such a handler its params as a
// promise, and every one of them awaits the id before anything else. Here once, so a route is the one
// line that says what it does with the id.

/** The second argument Next passes a route handler under an `[id]` segment. */
export interface IdSegment {
  params: Promise<{ id: string }>;
}

/** A route handler under an `[id]` segment, given the request and the id. */
export const withId =
  (handler: (request: Request, id: string) => Promise<Response>) =>
  async (request: Request, { params }: IdSegment): Promise<Response> =>
    handler(request, (await params).id);
