// The server's log: one JSON object a line on stdout (pino), each line of a request carrying its request
// id, so a log collector can follow one request through the front server, Next's routes and the chain
// reads. The id travels in an AsyncLocalStorage, not through arguments: a chain read deep in lib/chain
// logs under the request that caused it without knowing there was one.
//
// Kept on globalThis (like lib/queries/runtime.ts): the custom server and Next's compiled routes load
// separate copies of this module, and both must write through one logger with one request context.
//
// What never goes in: cookies, keys, claim keys, box secrets, raw client addresses. Nothing here logs
// headers or bodies; `redact` is the second line of defence for a field someone adds later.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { format, stripVTControlCharacters } from "node:util";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { env } from "./env";

export interface RequestContext {
  requestId: string;
}

interface LogState {
  logger: Logger;
  context: AsyncLocalStorage<RequestContext>;
}

const KEY = Symbol.for("medproof.log");
type Holder = { [KEY]?: LogState };

/**
 * Field names whose values are censored at the top of a line. Top level only: wildcard paths (`*.cookie`)
 * made each line ~3× dearer (about 40 µs instead of 13 µs an access line, measured here), paid per request.
 */
const SECRET_FIELDS = [
  "cookie",
  "authorization",
  "secret",
  "privateKey",
  "password",
  "claimKey",
  "signature",
  "remoteAddress",
];

/** A logger writing to `destination` (stdout when absent) whose lines name the request `context` holds. */
export function createLogger(
  level: string,
  context: AsyncLocalStorage<RequestContext>,
  destination?: DestinationStream,
): Logger {
  const options: LoggerOptions = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    // The level by name ("error"), which people and collectors read without pino's number table.
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const requestId = context.getStore()?.requestId;
      return requestId === undefined ? {} : { requestId };
    },
    redact: { paths: SECRET_FIELDS, censor: "[redacted]" },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

function create(): LogState {
  const context = new AsyncLocalStorage<RequestContext>();
  return { logger: createLogger(env().logLevel, context), context };
}

function state(): LogState {
  const holder = globalThis as Holder;
  holder[KEY] ??= create();
  return holder[KEY];
}

/** The process's logger; inside a request, every line it writes names the request. */
export function log(): Logger {
  return state().logger;
}

/**
 * An incoming X-Request-Id is kept only when it is short and plain (letters, digits, `.`, `_`, `:`, `-`):
 * a proxy's id ties our lines to its own, but a client must not write arbitrary text into our log.
 */
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The id of a request: the caller's when well formed, else a fresh UUID. */
export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === "string" && WELL_FORMED_ID.test(incoming) ? incoming : randomUUID();
}

/** The id of the request being handled, or undefined outside one (at start, in a timer it did not set). */
export function currentRequestId(): string | undefined {
  return state().context.getStore()?.requestId;
}

/** Runs `body` as the request `requestId`: every line logged within it, however deep, carries the id. */
export function withRequestId<T>(requestId: string, body: () => T): T {
  return state().context.run({ requestId }, body);
}

/**
 * Sends what anything else prints with console.* (Next's start-up notes, a library's warning) through
 * the logger, so stdout stays one JSON object a line that a collector can parse. The production entry
 * calls it; the dev scripts keep their readable console.
 */
export function captureConsole(): void {
  const levels = { debug: "debug", log: "info", info: "info", warn: "warn", error: "error" } as const;
  for (const [method, level] of Object.entries(levels)) {
    console[method as keyof typeof levels] = (...args: unknown[]) =>
      log()[level]({ source: "console" }, stripVTControlCharacters(format(...args)).trim());
  }
}
