// The origin (scheme://host[:port]) a request was made to, for the answers that must name the URI
// actually requested (the resolver's linkset anchor, its description file's root): the Host header, or
// behind a trusted proxy (TLS terminated there, see docs/operations.md) the X-Forwarded-Proto and
// X-Forwarded-Host it wrote. Pure: the caller decides whether the peer is a trusted proxy. A host that is
// not a plain host name or address (a client can send anything) falls back to the configured base.

export interface OriginInput {
  /** Our own socket is TLS. */
  tls: boolean;
  /** The peer is a proxy the operator trusts (TRUST_PROXY), so its X-Forwarded-* headers are believed. */
  fromTrustedProxy: boolean;
  host: string | undefined;
  forwardedHost: readonly string[];
  forwardedProto: readonly string[];
  /** DIGITAL_LINK_BASE: used when the request names no usable host. */
  fallback: string;
}

const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** Proxies append: the last entry is the one our own proxy wrote. */
const lastEntry = (values: readonly string[]): string | undefined =>
  values
    .flatMap((value) => value.split(","))
    .at(-1)
    ?.trim()
    .toLowerCase();

export function requestOrigin(input: OriginInput): string {
  const fallback = input.fallback.replace(/\/+$/, "");
  const forwardedProto = input.fromTrustedProxy ? lastEntry(input.forwardedProto) : undefined;
  const forwardedHost = input.fromTrustedProxy ? lastEntry(input.forwardedHost) : undefined;
  const host = forwardedHost ?? input.host?.trim().toLowerCase();
  if (host === undefined || !HOST.test(host)) return fallback;
  const scheme =
    forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : input.tls ? "https" : "http";
  return `${scheme}://${host}`;
}
