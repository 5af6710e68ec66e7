// The lean HTTP path for verification, served by the custom server in front of Next's request pipeline
// (Next's pipeline costs ~20× the latency budget): GET /api/verify?code=… and the JSON form of the
// Digital Link route /01/<gtin>/10/<lot>/21/<serial>.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import type { Verifier, VerifyOutcome } from "./verify";

const MAX_URL_LENGTH = 4096;

export function wantsJson(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? "";
  return /application\/json/i.test(accept) && !/text\/html/i.test(accept);
}

export function isVerifyRequest(req: IncomingMessage): boolean {
  const path = (req.url ?? "").split("?")[0] ?? "";
  return path === "/api/verify" || (path.startsWith("/01/") && wantsJson(req));
}

/** An opaque fingerprint of the client for the scan log: a hash, never the raw address. */
export function deviceOf(req: IncomingMessage): string {
  const ip = req.socket.remoteAddress ?? "";
  const agent = req.headers["user-agent"] ?? "";
  return createHash("sha256").update(`medproof-device|${ip}|${agent}`).digest("base64url").slice(0, 16);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

function invalid(message: string, reason: string): VerifyOutcome {
  return { status: 400, body: { error: { code: "invalid_code", message, reason } } };
}

/** The scanned text of a request: ?code= on /api/verify, the URL itself on a Digital Link path. */
function scannedText(req: IncomingMessage): string | VerifyOutcome {
  const raw = req.url ?? "";
  if (raw.length > MAX_URL_LENGTH)
    return invalid("The request is too long to hold a product code.", "too_long");
  let url: URL;
  try {
    url = new URL(raw, "http://localhost");
  } catch {
    return invalid("The request address is malformed.", "unrecognised");
  }
  if (url.pathname === "/api/verify") {
    const [code, ...more] = url.searchParams.getAll("code");
    if (code === undefined || more.length > 0) {
      return invalid("Give exactly one code: /api/verify?code=<the scanned text>.", "empty");
    }
    return code;
  }
  return `http://localhost${raw}`;
}

export async function handleVerify(
  req: IncomingMessage,
  res: ServerResponse,
  verifier: Verifier,
  defaultRegion: number,
): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    send(res, 405, { error: { code: "method_not_allowed", message: "Use GET." } });
    return;
  }
  const text = scannedText(req);
  if (typeof text !== "string") {
    send(res, text.status, text.body);
    return;
  }
  try {
    const outcome = await verifier.verify(text, {
      region: defaultRegion,
      device: deviceOf(req),
    });
    send(res, outcome.status, outcome.body);
  } catch (error) {
    // Never a 5xx body with a stack trace: a plain message, and the detail in the server log.
    console.error("verify failed:", error);
    send(res, 503, {
      error: { code: "chain_unavailable", message: "The record can't be read right now. Try again shortly." },
    });
  }
}
