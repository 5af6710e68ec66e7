// Addresses only this machine can open. The server needs it to know whether anyone else can connect
// (the demo switch is open only then), and the shop QR sheet to refuse printing a link that a shopper's
// phone could never open. Pure: text in, boolean out.

/** Literal loopback addresses only: a name could resolve elsewhere, and 0.0.0.0 listens everywhere. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * True when a printed link would lead nowhere on another device: a loopback address, a `.localhost`
 * name (RFC 6761 keeps those on the machine), or the unspecified address 0.0.0.0 / ::. An unparsable
 * URL counts too: it leads nowhere either.
 */
export function isLocalOnlyUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return true;
  }
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  // The URL parser writes an IPv4-mapped loopback in hex (::ffff:7f00:1): 127/8 is ::ffff:7f00:0/104.
  const mappedLoopback = /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(bare);
  return (
    isLoopbackHost(host) ||
    mappedLoopback ||
    bare.endsWith(".localhost") ||
    bare === "0.0.0.0" ||
    bare === "::"
  );
}
