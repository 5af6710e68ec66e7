// The lean HTTP path for verification, served by the custom server in front of Next's request pipeline
// (Next's pipeline costs ~20× the latency budget): GET /api/verify?code=…, the JSON form of the
// Digital Link route /01/<gtin>/10/<lot>/21/<serial> (the resolver's other answers are resolver-http.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import { MAX_SCAN_LENGTH, type ScannedCode } from "../lib/domain/gs1";
import { LINKSET_MEDIA_TYPE } from "../lib/domain/linkset";
import type { Locale } from "../lib/domain/locale";
import {
  invalidCode,
  readCodeEntry,
  readScannedCode,
  type InvalidCode,
  type Verifier,
  type VerifyContext,
} from "../lib/queries/verify";
import { CHECK_CODE_PARAM, normaliseCheckCode, TYPED_PARAM } from "../lib/domain/check-code";
import { chainUnavailable } from "../lib/queries/chain-unavailable";
import { localeFromHeaders } from "../lib/queries/cookies";
import { errorBody, writeReply, type Outcome } from "./reply";

/**
 * The longest request that can hold a scan: /api/verify?code= and the longest code (MAX_SCAN_LENGTH,
 * what a QR code holds) with every character %-encoded; a Digital Link path is shorter still.
 */
export const MAX_URL_LENGTH = "/api/verify?code=".length + 3 * MAX_SCAN_LENGTH;

/** This path's own refusals, in both languages (the verdict's sentences come from lib/domain). */
const REFUSALS = {
  en: {
    tooLong: "The request is too long to hold a product code.",
    malformed: "The request address is malformed.",
    oneCode: "Give exactly one code: /api/verify?code=<the scanned text>.",
    useGet: "Use GET.",
  },
  "zh-CN": {
    tooLong: "请求太长，不可能是一个产品码。",
    malformed: "请求地址格式有误。",
    oneCode: "请只提供一个码：/api/verify?code=<扫到的内容>。",
    useGet: "请使用 GET 请求。",
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
 * A Digital Link asked for its linkset: with ?linkType=linkset (or all, its older name), or by
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

/** The scanned text of a request: ?code= on /api/verify, the URL itself on a Digital Link path. */
function scannedText(req: IncomingMessage, locale: Locale): string | InvalidCode {
  const raw = req.url ?? "";
  const refusals = REFUSALS[locale];
  if (raw.length > MAX_URL_LENGTH) return invalidCode(refusals.tooLong, "too_long");
  let url: URL;
  try {
    url = new URL(raw, "http://localhost");
  } catch {
    return invalidCode(refusals.malformed, "unrecognised");
  }
  if (url.pathname === "/api/verify") {
    const [code, ...more] = url.searchParams.getAll("code");
    if (code === undefined || more.length > 0) return invalidCode(refusals.oneCode, "empty");
    return code;
  }
  return `http://localhost${raw}`;
}

/** The typed origin an /api/verify caller declares beside the code (lib/domain/check-code.ts, entryPath). */
function declaredTyped(req: IncomingMessage): VerifyContext["typed"] {
  const url = new URL(req.url ?? "", "http://localhost");
  if (url.pathname !== "/api/verify" || url.searchParams.get(TYPED_PARAM) !== "1") return undefined;
  const check = url.searchParams.get(CHECK_CODE_PARAM);
  return { checkCode: check === null ? null : normaliseCheckCode(check) };
}

function methodNotAllowed(res: ServerResponse, locale: Locale): void {
  res.setHeader("allow", "GET, HEAD");
  send(res, { status: 405, body: errorBody("method_not_allowed", REFUSALS[locale].useGet) }, locale);
}

/** The code of a request (?code= or the Digital Link path), parsed once, or the 400 that refuses it. */
export function requestedCode(req: IncomingMessage, locale: Locale = "en"): ScannedCode | InvalidCode {
  const text = scannedText(req, locale);
  return typeof text === "string" ? readScannedCode(text, locale) : text;
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
  // A bracketed line (or a check code after the code) was typed by a person: judged as typed, as is a
  // code the caller declares typed (/api/verify?code=…&typed=1&check=…, what the desks send). A Digital
  // Link path is never typed here, whatever its query says: it is what a QR carries.
  const text = scannedText(req, locale);
  const entry = typeof text === "string" ? readCodeEntry(text, locale) : text;
  if ("status" in entry) {
    send(res, entry, locale);
    return;
  }
  try {
    const outcome = await verifier.verify(entry.code, {
      region: defaultRegion,
      device: deviceOf(req, client),
      locale,
      typed: entry.typed ?? declaredTyped(req),
    });
    send(res, outcome, locale);
  } catch (error) {
    // Never a 5xx body with a stack trace: a plain message, and the detail in the server log.
    send(res, { status: 503, body: { error: chainUnavailable(locale) }, cause: error }, locale);
  }
}
