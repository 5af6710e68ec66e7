/** What every endpoint answers, with a 503, when the chain does not: one code, one sentence. */
export const CHAIN_UNAVAILABLE = {
  code: "chain_unavailable",
  message: "The record can't be reached right now. Try again shortly.",
} as const;
