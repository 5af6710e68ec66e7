// The GS1-conformant resolver's HTTP face, in the front server before verification and Next: the
// description file (/.well-known/gs1resolver), GS1's JSON-LD context for linksets, the linkset of a
// Digital Link (?linkType=linkset or Accept: application/linkset+json), the 307 of ?linkType=<type> to
// that link (404 when there is none), CORS and OPTIONS on the read-only resolver and verify routes, and a
// trailing slash read as the same URI. With no linkType the default link, the verdict page, is served at
// the URI itself (no redirect hop): verify-http.ts and Next answer it, with the Link header set here.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Locale } from "../lib/domain/locale";
import type { AddressRange } from "../lib/domain/client-address";
import { requestOrigin } from "../lib/domain/request-origin";
import {
  buildLinkset,
  contextLinkHeader,
  DESCRIPTION_PATH,
  isResolverPath,
  linkHeader,
  linkTargetOf,
  LINKSET_CONTEXT_PATH,
  LINKSET_MEDIA_TYPE,
  resolverDescription,
  type RequestedLink,
} from "../lib/domain/linkset";
import linksetContext from "../lib/domain/linkset-context.json";
import { fromTrustedProxy } from "./security-headers";
import { allowedMethods, refusedAtTheDoor } from "./request-guard";
import { DIGITAL_LINK_VARY, requestedCode, isLinksetRequest, requestLocale } from "./verify-http";
import { errorBody, writeReply, type Outcome } from "./reply";

const SENTENCES = {
  en: {
    noSuchLink: (linkType: string) =>
      `There is no link of type ${linkType} for this code. The linkset (?linkType=linkset) lists the links there are.`,
  },
  "zh-CN": {
    noSuchLink: (linkType: string) =>
      `此码没有类型为 ${linkType} 的链接。链接集（?linkType=linkset）列出了所有可用的链接。`,
  },
} satisfies Record<Locale, Record<string, unknown>>;

const pathOf = (url: string | undefined) => (url ?? "").split("?")[0] ?? "";

/**
 * Routes another origin's page may read (CORS): the resolver's, the verdict API and the EPCIS events a
 * linkset points to. All are read-only; nothing that changes state is ever opened to other origins.
 */
const isCorsPath = (path: string): boolean =>
  isResolverPath(path) || path === "/api/verify" || path === "/api/epcis";

const CORS_METHODS = "GET, HEAD, OPTIONS";
const CORS = {
  "access-control-allow-origin": "*",
  // A cross-origin script reads only safelisted headers unless told: the Link header carries the linkset.
  "access-control-expose-headers": "Link",
};
const PREFLIGHT = {
  ...CORS,
  "access-control-allow-methods": CORS_METHODS,
  "access-control-allow-headers": "Accept, Accept-Language",
  "access-control-max-age": "86400",
};

export interface ResolverConfig {
  trustedProxies: readonly AddressRange[];
  digitalLinkBase: string;
}

/** The origin the request was made to (the Host, or what a trusted proxy says), for anchors and roots. */
export function originOf(req: IncomingMessage, config: ResolverConfig): string {
  return requestOrigin({
    tls: "encrypted" in req.socket,
    fromTrustedProxy: fromTrustedProxy(req, config.trustedProxies),
    host: req.headers.host,
    forwardedHost: req.headersDistinct["x-forwarded-host"] ?? [],
    forwardedProto: req.headersDistinct["x-forwarded-proto"] ?? [],
    fallback: config.digitalLinkBase,
  });
}

/** The Digital Link of a /01/ request as the linkset describes it, or null when it does not parse. */
export function requestedLink(req: IncomingMessage): RequestedLink | null {
  const code = requestedCode(req);
  if ("status" in code) return null;
  const [path = "", search = ""] = (req.url ?? "").split("?");
  const query = new URLSearchParams(search);
  query.delete("linkType");
  return { code, path, query };
}

function send(res: ServerResponse, outcome: Outcome, locale: Locale | null, contentType?: string): void {
  writeReply(res, outcome, { locale, contentType, headers: { vary: DIGITAL_LINK_VARY } });
}

/** A trailing slash reads as the same URI (the standard's SHOULD): `/01/…/21/100123/` is `/01/…/21/100123`. */
function withoutTrailingSlash(req: IncomingMessage): void {
  const url = req.url ?? "";
  const [path = "", ...query] = url.split("?");
  if (!path.endsWith("/") || !isResolverPath(path.replace(/\/+$/, ""))) return;
  req.url = [path.replace(/\/+$/, ""), ...query].join("?");
}

/**
 * What the resolver made of a request: answered it ("answered"), or left it to the verdict (JSON or page)
 * for a Digital Link that parses ("digital-link") or not ("bad-digital-link", which the caller answers
 * with 400), or it is not the resolver's ("other").
 */
export type ResolverStep = "answered" | "digital-link" | "bad-digital-link" | "other";

export function handleResolver(
  req: IncomingMessage,
  res: ServerResponse,
  config: ResolverConfig,
): ResolverStep {
  withoutTrailingSlash(req);
  const path = pathOf(req.url);
  if (isCorsPath(path)) {
    for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
    if (req.method === "OPTIONS") {
      res.writeHead(204, { ...PREFLIGHT, allow: CORS_METHODS });
      res.end();
      return "answered";
    }
  }
  if (!isResolverPath(path)) return "other";
  // Only the method here: a path whose escapes do not decode is refused later, by the verdict (its JSON
  // 400 names the broken code) or at the door (the page's 400).
  if (!allowedMethods(req.url).includes(req.method ?? "") && refusedAtTheDoor(req, res)) return "answered";
  const origin = originOf(req, config);
  if (path === DESCRIPTION_PATH) {
    send(res, { status: 200, body: resolverDescription(origin) }, null);
    return "answered";
  }
  if (path === LINKSET_CONTEXT_PATH) {
    send(res, { status: 200, body: linksetContext }, null, "application/ld+json");
    return "answered";
  }
  const request = requestedLink(req);
  if (request === null) {
    // A client that asked for the linkset gets the named 400 as JSON; a page or verdict says it too.
    if (!isLinksetRequest(req)) return "bad-digital-link";
    const locale = requestLocale(req);
    const refusal = requestedCode(req, locale);
    if ("status" in refusal) send(res, refusal, locale);
    return "answered";
  }
  res.setHeader("link", linkHeader(request, origin));
  if (isLinksetRequest(req)) {
    res.setHeader("link", [linkHeader(request, origin), contextLinkHeader(origin)].join(", "));
    send(res, { status: 200, body: buildLinkset(request, origin) }, null, LINKSET_MEDIA_TYPE);
    return "answered";
  }
  const linkType = new URLSearchParams((req.url ?? "").split("?")[1] ?? "").get("linkType");
  if (linkType === null) return "digital-link";
  const target = linkTargetOf(request, origin, linkType);
  if (target === null) {
    const locale = requestLocale(req);
    const message = SENTENCES[locale].noSuchLink(linkType);
    send(res, { status: 404, body: errorBody("link_type_not_found", message) }, locale);
    return "answered";
  }
  res.writeHead(307, { location: target, vary: DIGITAL_LINK_VARY, "cache-control": "no-store" });
  res.end();
  return "answered";
}
