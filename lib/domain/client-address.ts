// Who is asking, for rate limits: the client's address from the socket and X-Forwarded-For (believed only
// from the proxies the operator named), and the key a limit counts by. An IPv4 address is one key; an IPv6
// client is keyed by its /64, since a household or a phone is handed a whole /64 and can pick a fresh
// address in it for every request.
// Pure: text in, text out. An address is a 128-bit number and IPv4 is its IPv4-mapped form (::ffff:a.b.c.d),
// so "1.2.3.4" and "::ffff:1.2.3.4" are one client and one range rule covers both spellings.

/** A CIDR range in the 128-bit space (an IPv4 /n is ::ffff:0:0/96 + n). */
export interface AddressRange {
  base: bigint;
  prefix: number;
}

const ALL = (1n << 128n) - 1n;
const MAPPED = 0xffffn << 32n;
const MAPPED_MASK = ALL ^ 0xffff_ffffn;

function parseIpv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    // No leading zeros: "010" is octal to some parsers and decimal to others.
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

/** Colon-separated groups; the address's last two may be written as dotted IPv4 (`endsAddress`). */
function parseGroups(text: string, endsAddress: boolean): bigint[] | null {
  if (text === "") return [];
  const parts = text.split(":");
  const groups: bigint[] = [];
  for (const [i, part] of parts.entries()) {
    if (endsAddress && i === parts.length - 1 && part.includes(".")) {
      const v4 = parseIpv4(part);
      if (v4 === null) return null;
      groups.push(v4 >> 16n, v4 & 0xffffn);
    } else if (/^[0-9a-f]{1,4}$/i.test(part)) {
      groups.push(BigInt(`0x${part}`));
    } else {
      return null;
    }
  }
  return groups;
}

function parseIpv6(text: string): bigint | null {
  // A zone ("fe80::1%eth0") names the interface, not the address.
  const halves = text.replace(/%[\w.-]+$/, "").split("::");
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] ?? "", halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? "", true) : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  return [...head, ...Array<bigint>(missing).fill(0n), ...tail].reduce((value, g) => (value << 16n) | g, 0n);
}

/** An IPv4 or IPv6 address as written (no brackets, no port), or null for anything else. */
export function parseAddress(text: string): bigint | null {
  const v4 = parseIpv4(text);
  return v4 === null ? (text.includes(":") ? parseIpv6(text) : null) : MAPPED | v4;
}

export const isIpv4 = (address: bigint): boolean => (address & MAPPED_MASK) === MAPPED;

/** Dotted IPv4 for a mapped address, RFC 5952 IPv6 otherwise (lower case, the longest zero run as ::). */
export function formatAddress(address: bigint): string {
  if (isIpv4(address)) {
    return [24n, 16n, 8n, 0n].map((shift) => String((address >> shift) & 0xffn)).join(".");
  }
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => (address >> shift) & 0xffffn);
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0n) length++;
    if (length > best.length) best = { start, length };
  }
  const hex = (from: number, to: number) =>
    groups
      .slice(from, to)
      .map((g) => g.toString(16))
      .join(":");
  return best.start < 0 ? hex(0, 8) : `${hex(0, best.start)}::${hex(best.start + best.length, 8)}`;
}

const maskOf = (prefix: number): bigint => ALL ^ (ALL >> BigInt(prefix));

/** "10.0.0.0/8", "2001:db8::/32", or one address; host bits past the prefix are ignored. */
export function parseRange(text: string): AddressRange | null {
  const [addressText = "", prefixText, ...rest] = text.trim().split("/");
  const address = parseAddress(addressText);
  if (address === null || rest.length > 0) return null;
  const width = isIpv4(address) && !addressText.includes(":") ? 32 : 128;
  if (prefixText !== undefined && !/^(0|[1-9]\d{0,2})$/.test(prefixText)) return null;
  const bits = prefixText === undefined ? width : Number(prefixText);
  if (bits > width) return null;
  const prefix = bits + 128 - width;
  return { base: address & maskOf(prefix), prefix };
}

export const inRange = (address: bigint, range: AddressRange): boolean =>
  (address & maskOf(range.prefix)) === range.base;

/** What a rate limit counts by: the IPv4 address, or the IPv6 address's /64. */
export function rateKey(address: bigint): string {
  return isIpv4(address) ? formatAddress(address) : `${formatAddress(address & maskOf(64))}/64`;
}

/** One X-Forwarded-For entry: an address, "[v6]" or "[v6]:port", or "v4:port" (some proxies add ports). */
function hopAddress(entry: string): bigint | null {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed !== null) return parseIpv6(bracketed[1] ?? "");
  const v4WithPort = /^([\d.]+):\d+$/.exec(entry);
  return v4WithPort === null ? parseAddress(entry) : parseAddress(v4WithPort[1] ?? "");
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy; then X-Forwarded-For is
 * walked from the right (each proxy appends its own peer), past trusted proxies, and the first address
 * not trusted is the client. An entry a trusted proxy wrote that is no address stops the walk at that
 * proxy. Null only when the peer itself is unknown.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: readonly string[],
  trusted: readonly AddressRange[],
): bigint | null {
  const isTrusted = (address: bigint) => trusted.some((range) => inRange(address, range));
  let client = parseAddress(peer ?? "");
  if (client === null) return null;
  const hops = forwardedFor.flatMap((header) => header.split(",")).map((entry) => entry.trim());
  for (const hop of hops.reverse()) {
    if (!isTrusted(client)) return client;
    const address = hopAddress(hop);
    if (address === null) return client;
    client = address;
  }
  return client;
}

/** The rate-limit key of the request's client (see clientAddress and rateKey). */
export function clientKey(
  peer: string | undefined,
  forwardedFor: readonly string[],
  trusted: readonly AddressRange[],
): string {
  const address = clientAddress(peer, forwardedFor, trusted);
  return address === null ? "unknown" : rateKey(address);
}
