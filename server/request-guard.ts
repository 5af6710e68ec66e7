// The front server's own refusals, made before any handler runs: a path whose %-escapes do not decode
// (400), a method the route does not serve (405), and whatever a handler throws unexpectedly (a named
// 400 that closes the connection). Without them a malformed escape threw outside every handler and the
// socket was never answered (2,000 such requests held 2,000 file descriptors), and Next answered TRACE
// with a 500 and PUT on a page with the page.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { Locale } from "../lib/domain/locale";
import { errorBody, socketReply, writeReply } from "./reply";
import { isResolverPath } from "../lib/domain/linkset";
import { requestLocale } from "./verify-http";
import { log } from "../lib/log";

const SENTENCES = {
  en: {
    malformedPath: "The address has a broken %-escape (a % must be followed by two hex digits).",
    methodNotAllowed: (method: string) => `This address does not take ${method} requests.`,
    notHandled: "The request could not be handled.",
  },
  "zh-CN": {
    malformedPath: "地址中的 % 转义有误（% 后面必须是两位十六进制数字）。",
    methodNotAllowed: (method: string) => `此地址不接受 ${method} 请求。`,
    notHandled: "无法处理该请求。",
  },
} satisfies Record<Locale, Record<string, unknown>>;

/** Pages, static and demo files are read-only: the app has no server actions. */
const READ_ONLY = ["GET", "HEAD"] as const;
/** The GS1 resolver's routes also answer OPTIONS (CORS preflight), as the standard requires. */
const RESOLVER = ["GET", "HEAD", "OPTIONS"] as const;
/** What Next's route handlers under /api/ can answer (each answers 405 itself for one it lacks). */
const ROUTE_HANDLER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

const pathOf = (url: string | undefined) => (url ?? "").split("?")[0] ?? "";

/** The methods a path may be asked with; any other is refused here with 405. */
export function allowedMethods(url: string | undefined): readonly string[] {
  const path = pathOf(url);
  if (isResolverPath(path)) return RESOLVER;
  return path.startsWith("/api/") ? ROUTE_HANDLER : READ_ONLY;
}

/** The path with its %-escapes decoded, or null when one does not decode (`%zz`, a lone `%`, bad UTF-8). */
export function decodedPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(pathOf(url));
  } catch {
    return null;
  }
}

function refuse(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  cause?: unknown,
): void {
  writeReply(res, { status, body: errorBody(code, message), cause }, { headers });
}

/**
 * Answers a request the front server refuses before routing it (true), or lets it through (false):
 * an unsupported method first (its Allow header says what to use instead), then a path that does not decode.
 */
export function refusedAtTheDoor(req: IncomingMessage, res: ServerResponse): boolean {
  const allowed = allowedMethods(req.url);
  const method = req.method ?? "";
  if (!allowed.includes(method)) {
    const message = SENTENCES[requestLocale(req)].methodNotAllowed(method);
    refuse(res, 405, "method_not_allowed", message, { allow: allowed.join(", ") });
    return true;
  }
  if (decodedPath(req.url) === null) {
    refuse(res, 400, "malformed_path", SENTENCES[requestLocale(req)].malformedPath);
    return true;
  }
  return false;
}

/** A CONNECT request (Node hands it over as a bare socket): refused with 405 like any other method. */
export function refuseConnect(req: IncomingMessage, socket: Duplex): void {
  const message = SENTENCES[requestLocale(req)].methodNotAllowed("CONNECT");
  socketReply(
    socket,
    { status: 405, body: errorBody("method_not_allowed", message) },
    { headers: { allow: READ_ONLY.join(", ") } },
  );
}

/** Whatever a handler throws: logged, answered with a named error if nothing was sent yet, and closed. */
function answerFailure(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    // Nothing left to answer with: the reply's log line cannot carry the cause, so this one does.
    log().error({ err: error }, "request failed after its reply began");
    res.destroy();
    return;
  }
  let locale: Locale = "en";
  try {
    locale = requestLocale(req);
  } catch {
    // The headers themselves may be what failed: English.
  }
  // Not a 5xx: the only input the front server acts on is the request, so the request is what it refused.
  refuse(res, 400, "request_not_handled", SENTENCES[locale].notHandled, { connection: "close" }, error);
}

/**
 * The listener with every throw and rejection caught: each request is answered or its socket closed,
 * never left open until Node's request timeout.
 */
export function guarded(
  listener: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): RequestListener {
  return (req, res) => {
    try {
      const pending = listener(req, res);
      if (pending !== undefined) pending.catch((error: unknown) => answerFailure(req, res, error));
    } catch (error) {
      answerFailure(req, res, error);
    }
  };
}
