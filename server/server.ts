// The web server: a plain Node HTTP server that answers verification itself (the hot path) and hands
// everything else to Next. Demo files written at seed time are served from public/demo directly,
// since Next only serves public files that existed at build time.
import { createServer, type Server, type IncomingMessage, type ServerResponse } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import { join, normalize } from "node:path";
import next from "next";
import { deviceOf, DIGITAL_LINK_VARY, handleVerify, isVerifyRequest } from "./verify-http";
import { handleResolver, originOf } from "./resolver-http";
import { runtime } from "../lib/queries/runtime";
import { clientKey } from "../lib/domain/client-address";
import { isMissingPage } from "./missing-pages";
import { BrotliStatic } from "./static-brotli";
import { cameOverHttps, HSTS, newNonce, pageCsp, RESOURCE_CSP } from "./security-headers";
import { decodedPath, guarded, refusedAtTheDoor, refuseConnect } from "./request-guard";
import { errorBody, socketReply } from "./reply";
import { handleOps, isOpsRequest } from "./ops-http";
import { observed } from "./request-log";
import { runtimeProbes } from "../lib/queries/health";
import { collectRuntimeMetrics } from "../lib/queries/runtime-metrics";

const DEMO_DIR = join(process.cwd(), "public", "demo");
const DEMO_TYPES: Record<string, string> = {
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
};

export const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(self), microphone=(), geolocation=()",
};

/** Serves /demo/<file>; its path was checked to decode before (refusedAtTheDoor). */
function serveDemoFile(req: IncomingMessage, res: ServerResponse): boolean {
  const path = decodedPath(req.url) ?? "";
  if (!path.startsWith("/demo/")) return false;
  const name = normalize(path.slice("/demo/".length));
  const type = DEMO_TYPES[name.slice(name.lastIndexOf("."))];
  const file = join(DEMO_DIR, name);
  if (!type || name.includes("..") || name.includes("/") || !existsSync(file)) return false;
  res.writeHead(200, {
    "content-type": type,
    "content-length": statSync(file).size,
    "cache-control": "no-cache",
  });
  // A file removed between the check and the read ends the response instead of crashing the server.
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
  return true;
}

/**
 * Calls `adjust` as the response head is written: Next replaces a Vary or status set before it runs, so
 * they go in then (Node writes an implicit head through writeHead too).
 */
function beforeHead(res: ServerResponse, adjust: (args: unknown[]) => void): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    adjust(args);
    return writeHead(...args);
  }) as typeof res.writeHead;
}

/** Adds `names` to the Vary header Next writes. */
function varyAlso(res: ServerResponse, names: string): void {
  beforeHead(res, () => {
    const current = res.getHeader("vary");
    res.setHeader("vary", current === undefined ? names : `${String(current)}, ${names}`);
  });
}

/**
 * Answers with `status` whatever Next renders: the verdict page of a Digital Link that does not parse
 * says so to a person (and offers the code entry form), under a 400 rather than a 200.
 */
function withStatus(res: ServerResponse, status: number): void {
  beforeHead(res, (args) => {
    res.statusCode = status;
    if (typeof args[0] === "number") args[0] = status;
  });
}

export interface WebServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startWebServer(options: {
  host: string;
  port: number;
  dev?: boolean;
}): Promise<WebServer> {
  const dev = options.dev ?? false;
  const app = next({
    dev,
    dir: process.cwd(),
    hostname: options.host,
    port: options.port,
  });
  await app.prepare();
  const handleNext = app.getRequestHandler();
  const services = runtime();
  // Opened and migrated before the first request: a database that cannot be is a failed start.
  await services.db.ready;
  const brotli = dev ? null : new BrotliStatic(join(process.cwd(), ".next", "static"));
  const probes = runtimeProbes(services);
  collectRuntimeMetrics(services);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Rate limits and the scan log's device count per client (IPv4 address or IPv6 /64, X-Forwarded-For
    // believed only from TRUST_PROXY); set by the server so a client cannot choose its own.
    const client = clientKey(
      req.socket.remoteAddress,
      req.headersDistinct["x-forwarded-for"] ?? [],
      services.trustedProxies,
    );
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (cameOverHttps(req, services.trustedProxies)) res.setHeader("strict-transport-security", HSTS);
    res.setHeader("content-security-policy", RESOURCE_CSP);
    // The resolver first (CORS, OPTIONS, linkset, linkType redirects): application/linkset+json must not
    // be taken for JSON, and ?linkType= asked with Accept: application/json is the resolver's.
    const resolved = handleResolver(req, res, services);
    if (resolved === "answered") return;
    if (isVerifyRequest(req)) {
      await handleVerify(req, res, services.verifier, services.region, client);
      return;
    }
    if (refusedAtTheDoor(req, res)) return;
    if (isOpsRequest(req)) {
      await handleOps(req, res, probes);
      return;
    }
    if (serveDemoFile(req, res)) return;
    if (brotli?.serve(req, res)) return;
    // A verdict page names what it varies on; its Link header (the linkset) was set by the resolver.
    if (resolved === "digital-link" || resolved === "bad-digital-link") varyAlso(res, DIGITAL_LINK_VARY);
    if (resolved === "bad-digital-link") withStatus(res, 400);
    // Pages record scans too; the device fingerprint is set here, never taken from the client.
    req.headers["x-medproof-device"] = deviceOf(req, client);
    req.headers["x-medproof-client"] = client;
    // The origin the request was made to (Host, or a trusted proxy's X-Forwarded-*): a sign-in message must
    // name it (EIP-4361's domain and URI), and the routes cannot tell a trusted proxy from a client.
    req.headers["x-medproof-origin"] = originOf(req, services);
    // Whatever Next answers may be a page (its /api routes' 404 is one): the page policy, whose nonce
    // Next takes from the request's copy (never the client's: this one replaces it).
    const policy = pageCsp(newNonce(), { dev });
    req.headers["content-security-policy"] = policy;
    res.setHeader("content-security-policy", policy);
    // An unknown participant's profile or complaint gets Next's not-found page under a real 404.
    if (await isMissingPage((req.url ?? "").split("?")[0] ?? "")) req.url = "/_not-found";
    await handleNext(req, res);
  };
  // Scanned text arrives in the URL; allow long (hostile) ones to reach the handler, which answers 400.
  const server = createServer({ maxHeaderSize: 256 * 1024 }, observed(guarded(handle)));
  server.on("connect", refuseConnect);
  // A request Node cannot even parse (over the header limit, malformed) still gets a JSON 4xx.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
    socketReply(socket, {
      status: tooLarge ? 431 : 400,
      body: tooLarge
        ? errorBody("request_too_large", "The request is too large to hold a product code.")
        : errorBody("bad_request", "The request could not be read."),
      // Node's code only: the error also holds the raw request head (rawPacket), cookies and all.
      cause: error.code,
    });
  });
  // Keep-alive longer than typical load balancers, so clients reuse connections.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  return {
    server,
    url: `http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${options.port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await services.db.close();
      await services.watcher?.stop();
    },
  };
}
