// Content-Security-Policy and HSTS for the web server. Pages get a strict policy whose scripts must
// carry this request's nonce; everything else (JSON, demo images) may run nothing at all.
import type { IncomingMessage } from "node:http";
import { randomBytes } from "node:crypto";
import { TLSSocket } from "node:tls";
import { inRange, parseAddress, type AddressRange } from "../lib/domain/client-address";

/** For responses that are never a page: nothing may load or run, and nobody may frame them. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Two years, the value browsers' preload lists ask for; subdomains too, so none is left on plain http. */
export const HSTS = "max-age=63072000; includeSubDomains";

/** 128 random bits, fresh for every page: a script an attacker injects cannot know it. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The policy of an HTML page. Next reads the nonce from the request's copy of this header and puts it
 * on every script it renders; 'strict-dynamic' lets those scripts load the chunks they need, and makes
 * browsers that know it ignore 'self' (kept for those that do not).
 */
export function pageCsp(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // Next's development build evaluates code (React's error stacks); a production build never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // React renders style attributes (icon sizes, the viewfinder's size), and an attribute cannot carry a
    // nonce. Inline CSS cannot run script, and browsers hide nonce attributes from CSS selectors.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // The camera's stream is handed to the <video> as an object (srcObject), which is not a fetch.
    "media-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (public/sw.js) and any worker: this origin's scripts only. Without it workers
    // fall under script-src, where 'strict-dynamic' would let a trusted script start one from a blob:.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const LOOPBACK = /^(?:127\.|::ffff:127\.|::1$)/;

/**
 * Whether the peer is a proxy whose X-Forwarded-* headers are believed: one on this machine (loopback) or
 * one named in TRUST_PROXY; from anyone else they could be made up.
 */
export function fromTrustedProxy(
  req: IncomingMessage,
  trustedProxies: readonly AddressRange[] = [],
): boolean {
  const peer = req.socket.remoteAddress ?? "";
  const address = parseAddress(peer);
  return LOOPBACK.test(peer) || (address !== null && trustedProxies.some((range) => inRange(address, range)));
}

/**
 * Whether the browser reached us over https: our own socket is TLS, or a TLS-terminating proxy says so
 * in X-Forwarded-Proto (believed from a trusted proxy only, see fromTrustedProxy). Plain http never gets
 * HSTS: it would pin local development to https.
 */
export function cameOverHttps(req: IncomingMessage, trustedProxies: readonly AddressRange[] = []): boolean {
  if (req.socket instanceof TLSSocket) return true;
  if (!fromTrustedProxy(req, trustedProxies)) return false;
  // Proxies append: the last entry is the one our own proxy wrote.
  const forwarded = (req.headersDistinct["x-forwarded-proto"] ?? []).flatMap((value) => value.split(","));
  return forwarded.at(-1)?.trim().toLowerCase() === "https";
}
