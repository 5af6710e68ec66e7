// The one way this app answers over HTTP: a status, a JSON body (an error is always
// {error: {code, message, field?}}), its language and any extra headers. The lean handler writes it on a
// Node response, the Next route handlers return it as a web Response, and a request Node could not hand
// over (a bare socket) gets it as raw HTTP: the same headers, built in one place, so no path forgets
// no-store, the charset or the Retry-After of a 429. Being the one way out, it is also where every
// refusal (4xx) and failure (5xx) is logged, once, with the cause the handler caught.
import { STATUS_CODES, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { Locale } from "../lib/domain/locale";
import type { ApiError } from "../lib/queries/complaints";
import type { EvidencePhoto } from "../lib/stores/evidence-store";
import { log } from "../lib/log";

const JSON_TYPE = "application/json; charset=utf-8";

/** What a handler answers; read models return this shape (DeskResponse, FieldResponse, VerifyOutcome). */
export interface Outcome {
  status: number;
  body: unknown;
  /** Seconds until a refused client may try again (a 429, a full queue). */
  retryAfter?: number;
  /** What went wrong behind a 4xx/5xx (the error caught): logged, never sent. */
  cause?: unknown;
}

export interface ReplyOptions {
  /** The language of the body's sentences, when it has any (Content-Language). */
  locale?: Locale | null;
  /** A media type other than JSON (EPCIS, linkset): the body is still written as JSON. */
  contentType?: string;
  /** Extra headers; a list can repeat one (two set-cookie lines), a record sets each once. */
  headers?: Record<string, string> | [string, string][];
}

/** The error envelope every refusal uses. */
export function errorBody(code: string, message: string, field?: string): { error: ApiError } {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

/** The error code of a body in the error envelope, if it is one. */
function errorCodeOf(body: unknown): string | undefined {
  const error = (body as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === "string" ? error.code : undefined;
}

/**
 * Logs a 4xx/5xx reply once: its status, its error code and the cause. A refusal of bad input is the
 * client's business (info); a failure is ours (error). An Error goes under `err`, which pino writes with
 * its type, message and stack.
 */
function logOutcome(outcome: Outcome): void {
  if (outcome.status < 400) return;
  const { cause } = outcome;
  const fields = {
    status: outcome.status,
    code: errorCodeOf(outcome.body),
    ...(cause instanceof Error ? { err: cause } : cause === undefined ? {} : { cause: String(cause) }),
  };
  if (outcome.status >= 500) log().error(fields, "request failed");
  else log().info(fields, "request refused");
}

/** The headers of a reply whose body is `text`, in the order they are written. */
export function replyHeaders(outcome: Outcome, text: string, options: ReplyOptions = {}): [string, string][] {
  const extra = Array.isArray(options.headers) ? options.headers : Object.entries(options.headers ?? {});
  const lines: [string, string][] = [
    ["content-type", options.contentType ?? JSON_TYPE],
    ["cache-control", "no-store"],
  ];
  if (options.locale) lines.push(["content-language", options.locale]);
  if (outcome.retryAfter !== undefined) lines.push(["retry-after", String(outcome.retryAfter)]);
  // A caller's header replaces a default of the same name (EPCIS names its own content-type).
  const named = new Set(extra.map(([name]) => name.toLowerCase()));
  return [
    ...lines.filter(([name]) => !named.has(name)),
    ...extra,
    ["content-length", String(Buffer.byteLength(text))],
  ];
}

/** The reply as a web Response, for a Next route handler. */
export function reply(outcome: Outcome, options: ReplyOptions = {}): Response {
  logOutcome(outcome);
  const text = JSON.stringify(outcome.body);
  const headers = new Headers();
  for (const [name, value] of replyHeaders(outcome, text, options)) headers.append(name, value);
  return new Response(text, { status: outcome.status, headers });
}

/**
 * A photo filed as evidence (a complaint's, a tip's): served only as the image type it was checked to be
 * when filed, never sniffed, kept by a browser as `cacheControl` says.
 */
export function photoReply(photo: EvidencePhoto, cacheControl: string): Response {
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "content-type": `image/${photo.type}`,
      "cache-control": cacheControl,
      "x-content-type-options": "nosniff",
    },
  });
}

/** The reply written on a Node response, for the lean handler and the front server's refusals. */
export function writeReply(res: ServerResponse, outcome: Outcome, options: ReplyOptions = {}): void {
  logOutcome(outcome);
  const text = JSON.stringify(outcome.body);
  const lines = replyHeaders(outcome, text, options);
  const head: Record<string, string | string[]> = {};
  for (const [name, value] of lines) {
    const seen = head[name];
    head[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  res.writeHead(outcome.status, head);
  res.end(text);
}

/** The reply as raw HTTP on a socket Node never turned into a request (a CONNECT, an unparsable head). */
export function socketReply(socket: Duplex, outcome: Outcome, options: ReplyOptions = {}): void {
  logOutcome(outcome);
  const text = JSON.stringify(outcome.body);
  const lines = [...replyHeaders(outcome, text, options), ["connection", "close"]];
  socket.end(
    `HTTP/1.1 ${outcome.status} ${STATUS_CODES[outcome.status] ?? ""}\r\n` +
      lines.map(([name, value]) => `${name}: ${value}\r\n`).join("") +
      `\r\n${text}`,
  );
}
