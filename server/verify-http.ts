// The lean HTTP path for verification, served by the custom server in front of Next's request pipeline
// (Next's pipeline costs ~20× the latency budget): GET /api/verify?code=…, the JSON form of the
// Digital Link route /01/<gtin>/10/<lot>/21/<serial>, and its linkset (the GS1 resolver's answer to
// Accept: application/linkset+json or ?linkType=all, see lib/domain/linkset.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import { parseScannedCode, type ScannedCode } from "../lib/domain/gs1";
import { buildLinkset, linkHeader, LINKSET_MEDIA_TYPE } from "../lib/domain/linkset";
import { gs1ErrorMessage } from "../lib/domain/gs1-messages";
import type { Locale } from "../lib/domain/locale";
import type { Verifier, VerifyOutcome } from "../lib/queries/verify";
import { chainUnavailable } from "../lib/queries/chain-unavailable";
import { localeFromHeaders } from "../lib/queries/cookies";
import { errorBody, writeReply, type Outcome } from "./reply";

const MAX_URL_LENGTH = 4096;

/** This path's own refusals, in both languages (the verdict's sentences come from lib/domain). */
const REFUSALS = {
  en: {
    tooLong: "The request is too long to hold a product code.",
    malformed: "The request address is malformed.",
    oneCode: "Give exactly one code: /api/verify?code=<the scanned text>.",
    useGet: "Use GET.",
    notADigitalLink: "This code cannot be written as a Digital Link.",
  },
  "zh-CN": {
    tooLong: "请求太长，不可能是一个产品码。",
    malformed: "请求地址格式有误。",
    oneCode: "请只提供一个码：/api/verify?code=<扫到的内容>。",
    useGet: "请使用 GET 请求。",
    notADigitalLink: "此码无法写成 GS1 数字链接。",
  },
} satisfies Record<Locale, Record<string, string>>;

/** The language of the answer: the language switch's cookie, then Accept-Language, then English. */
export const requestLocale = (req: IncomingMessage): Locale =>
  localeFromHeaders(req.headers.cookie, req.headers["accept-language"]);

export function wantsJson(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? "";
  return /application\/json/i.test(accept) && !/text\/html/i.test(accept);
}

const pathOf = (req: IncomingMessage) => (req.url ?? "").split("?")[0] ?? "";

/** The q-value an Accept header gives a media type it names exactly (wildcards never ask for a linkset). */
function quality(accept: string, mediaType: string): number {
  for (const range of accept.split(",")) {
    const [type, ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    if (type !== mediaType) continue;
    const q = params.find((param) => param.startsWith("q="));
    const value = q === undefined ? 1 : Number(q.slice(2));
    return Number.isFinite(value) ? value : 0;
  }
  return 0;
}

/**
 * A Digital Link asked for its linkset: with ?linkType=all (or linkset), as GS1 resolvers take it, or by
 * an Accept header that prefers application/linkset+json to JSON and HTML. "application/linkset+json"
 * contains "json" but is not JSON the verdict's way: this is decided before wantsJson.
 */
export function isLinksetRequest(req: IncomingMessage): boolean {
  if (!pathOf(req).startsWith("/01/")) return false;
  const linkType = new URLSearchParams((req.url ?? "").split("?")[1] ?? "").get("linkType");
  if (linkType === "all" || linkType === "linkset") return true;
  const accept = req.headers.accept ?? "";
  const linkset = quality(accept, LINKSET_MEDIA_TYPE);
  return (
    linkset > 0 && linkset >= quality(accept, "application/json") && linkset >= quality(accept, "text/html")
  );
}

export function isVerifyRequest(req: IncomingMessage): boolean {
  const path = pathOf(req);
  return path === "/api/verify" || (path.startsWith("/01/") && wantsJson(req) && !isLinksetRequest(req));
}

/**
 * An opaque fingerprint of the client for the scan log: a hash, never the raw address. `client` is the
 * front server's client key (X-Forwarded-For believed only from TRUST_PROXY), so behind a proxy every
 * device is not the proxy.
 */
export function deviceOf(req: IncomingMessage, client: string): string {
  const agent = req.headers["user-agent"] ?? "";
  return createHash("sha256").update(`medproof-device|${client}|${agent}`).digest("base64url").slice(0, 16);
}

/**
 * What a Digital Link path's answer depends on: Accept picks the page, the JSON verdict or the linkset,
 * and the language switch's cookie or Accept-Language the language. Every answer on the path names all
 * three, so a cache never hands one representation to a request that asked for another.
 */
export const DIGITAL_LINK_VARY = "Accept, Accept-Language, Cookie";

/** Writes an answer; a Digital Link path's answers name everything they vary on (DIGITAL_LINK_VARY). */
function send(
  res: ServerResponse,
  outcome: Outcome,
  /** The language of the body's sentences, when it has any. */
  locale: Locale | null = null,
  contentType?: string,
): void {
  const vary = pathOf(res.req).startsWith("/01/")
    ? DIGITAL_LINK_VARY
    : locale === null
      ? null
      : "Accept-Language, Cookie";
  writeReply(res, outcome, { locale, contentType, headers: vary === null ? {} : { vary } });
}

function invalid(message: string, reason: string): VerifyOutcome {
  return { status: 400, body: { error: { code: "invalid_code", message, reason } } };
}

/** The scanned text of a request: ?code= on /api/verify, the URL itself on a Digital Link path. */
function scannedText(req: IncomingMessage, locale: Locale): string | VerifyOutcome {
  const raw = req.url ?? "";
  const refusals = REFUSALS[locale];
  if (raw.length > MAX_URL_LENGTH) return invalid(refusals.tooLong, "too_long");
  let url: URL;
  try {
    url = new URL(raw, "http://localhost");
  } catch {
    return invalid(refusals.malformed, "unrecognised");
  }
  if (url.pathname === "/api/verify") {
    const [code, ...more] = url.searchParams.getAll("code");
    if (code === undefined || more.length > 0) return invalid(refusals.oneCode, "empty");
    return code;
  }
  return `http://localhost${raw}`;
}

function methodNotAllowed(res: ServerResponse, locale: Locale): void {
  res.setHeader("allow", "GET, HEAD");
  send(res, { status: 405, body: errorBody("method_not_allowed", REFUSALS[locale].useGet) }, locale);
}

/** The Digital Link of a /01/ request, parsed, or the 400 that refuses it. */
function digitalLinkOf(req: IncomingMessage, locale: Locale = "en"): ScannedCode | VerifyOutcome {
  const text = scannedText(req, locale);
  if (typeof text !== "string") return text;
  const parsed = parseScannedCode(text);
  return parsed.ok ? parsed.code : invalid(gs1ErrorMessage(parsed.error, locale), parsed.error.code);
}

export async function handleVerify(
  req: IncomingMessage,
  res: ServerResponse,
  verifier: Verifier,
  defaultRegion: number,
  client: string,
): Promise<void> {
  const locale = requestLocale(req);
  if (req.method !== "GET" && req.method !== "HEAD") return methodNotAllowed(res, locale);
  const text = scannedText(req, locale);
  if (typeof text !== "string") {
    send(res, text, locale);
    return;
  }
  try {
    const outcome = await verifier.verify(text, {
      region: defaultRegion,
      device: deviceOf(req, client),
      locale,
    });
    send(res, outcome, locale);
  } catch (error) {
    // Never a 5xx body with a stack trace: a plain message, and the detail in the server log.
    send(res, { status: 503, body: { error: chainUnavailable(locale) }, cause: error }, locale);
  }
}

/** The linkset of a Digital Link (RFC 9264): verdict page, EPCIS events, complaint form. */
export function handleLinkset(req: IncomingMessage, res: ServerResponse, origin: string): void {
  const locale = requestLocale(req);
  if (req.method !== "GET" && req.method !== "HEAD") return methodNotAllowed(res, locale);
  const code = digitalLinkOf(req, locale);
  if ("status" in code) return send(res, code, locale);
  try {
    const linkset = buildLinkset(code, origin);
    res.setHeader("link", linkHeader(code, origin));
    send(res, { status: 200, body: linkset }, null, LINKSET_MEDIA_TYPE);
  } catch (error) {
    // A parsed code always writes back as a Digital Link; should one not, a 400, never a crash.
    send(res, { ...invalid(REFUSALS[locale].notADigitalLink, "unrecognised"), cause: error }, locale);
  }
}

/** The verdict page's Link header (its EPCIS and complaint links, and its linkset); null for a bad code. */
export function verdictPageLinks(req: IncomingMessage, origin: string): string | null {
  const code = digitalLinkOf(req);
  if ("status" in code) return null;
  try {
    return linkHeader(code, origin);
  } catch {
    return null; // the page itself says what is wrong with the code
  }
}
