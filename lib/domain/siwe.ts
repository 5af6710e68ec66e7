// The checks a Sign-In with Ethereum message (EIP-4361) must pass before its signature is even looked at:
// it names this app (domain and URI as the request reached us, so a message signed for a look-alike site
// is refused), this chain, and a time window. Pure, so each refusal is unit-tested; the signature and the
// nonce's single use are checked by the caller (lib/queries/siwe.ts), in that order.

/** The fields of a parsed message the checks read (lib/chain/siwe.ts parses the text). */
export interface SiweFields {
  scheme?: string;
  domain: string;
  address: string;
  uri: string;
  version: string;
  chainId: number;
  nonce: string;
  issuedAt?: string;
  expirationTime?: string;
  notBefore?: string;
}

/** What the message must say for this request: the origin it was made to, the app's chain, the time. */
export interface SiweExpectation {
  /** scheme://host[:port], as lib/domain/request-origin.ts computes it. */
  origin: string;
  chainId: number;
  /** Milliseconds since the epoch. */
  now: number;
}

export type SiweRefusal =
  | "malformed_message"
  | "wrong_domain"
  | "wrong_uri"
  | "wrong_chain"
  | "message_expired"
  | "message_not_yet_valid"
  | "bad_signature"
  | "nonce_replayed"
  | "nonce_unknown";

/** How long a nonce, and so the message built around it, may wait for its signature. */
export const SIWE_MESSAGE_SECONDS = 10 * 60;
/** Clocks disagree: a message issued this far in the future is still taken as issued now. */
const CLOCK_SKEW_MS = 60_000;

export const SIWE_STATEMENT = "Sign in to MedProof. This signature costs nothing and sends no transaction.";

const time = (iso: string | undefined): number | null => {
  if (iso === undefined) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.NaN : ms;
};

/** The origin of a URI, or null when it is not a URL. */
function originOfUri(uri: string): string | null {
  try {
    return new URL(uri).origin;
  } catch {
    return null;
  }
}

/**
 * The first refusal the message earns for this request, or null when it may go on to the signature check.
 * A message without an expiry is bounded by its issue time (and by its nonce's lifetime in the store).
 */
export function checkSiweFields(fields: SiweFields, expected: SiweExpectation): SiweRefusal | null {
  const origin = new URL(expected.origin);
  if (fields.version !== "1") return "malformed_message";
  if (fields.domain !== origin.host) return "wrong_domain";
  if (fields.scheme !== undefined && `${fields.scheme}:` !== origin.protocol) return "wrong_domain";
  if (originOfUri(fields.uri) !== origin.origin) return "wrong_uri";
  if (fields.chainId !== expected.chainId) return "wrong_chain";
  const issued = time(fields.issuedAt);
  const expires = time(fields.expirationTime);
  const notBefore = time(fields.notBefore);
  if ([issued, expires, notBefore].some((t) => Number.isNaN(t))) return "malformed_message";
  if (expires !== null && expires <= expected.now) return "message_expired";
  if (issued !== null && issued + SIWE_MESSAGE_SECONDS * 1000 <= expected.now) return "message_expired";
  if (issued !== null && issued > expected.now + CLOCK_SKEW_MS) return "message_not_yet_valid";
  if (notBefore !== null && notBefore > expected.now) return "message_not_yet_valid";
  return null;
}

/** The fields of the message this app asks `address` to sign, around a nonce it issued at `now`. */
export function siweRequest(
  expected: SiweExpectation,
  nonce: string,
): Omit<SiweFields, "address"> & { statement: string; issuedAt: string; expirationTime: string } {
  const origin = new URL(expected.origin);
  return {
    domain: origin.host,
    uri: origin.origin,
    version: "1",
    chainId: expected.chainId,
    nonce,
    statement: SIWE_STATEMENT,
    issuedAt: new Date(expected.now).toISOString(),
    expirationTime: new Date(expected.now + SIWE_MESSAGE_SECONDS * 1000).toISOString(),
  };
}
