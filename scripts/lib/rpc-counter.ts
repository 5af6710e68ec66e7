// A JSON-RPC proxy that counts what the app asks the node, by method and by eth_call selector: HTTP
// requests (single or batched) and WebSocket messages are passed through to the node unchanged. Tests use
// it to prove that a cached view costs no RPC; benchmarks use it for the requests-per-view figure and, from
// the eth_calls it keeps on request, to tell which reads name which batch — counted outside the server,
// so the figures hold whatever the reader does inside. Loopback only.
// With `refuse`, it is also a guard: a request for a matching method (the anvil-only anvil_* and evm_*
// in front of a node that is not the embedded chain) is answered with an error, never forwarded, and
// recorded, so a test can fail on any such call the app made.
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket, { WebSocketServer } from "ws";

/** One eth_call as the app sent it. */
export interface RecordedCall {
  to: string;
  data: string;
  /** The block tag or number it was asked at ("latest" when none was given). */
  block: string;
}

export interface RpcCounter {
  url: string;
  port: number;
  /** Requests per JSON-RPC method since the start (a batch counts each of its requests). */
  counts(): Record<string, number>;
  /** eth_calls per 4-byte selector (0x + 8 hex digits) since the start, over HTTP and WebSocket. */
  selectors(): Record<string, number>;
  /** Keep every eth_call from now on (true) or stop keeping them (false). Off at the start. */
  recordCalls(on: boolean): void;
  /** The eth_calls kept since the last take, oldest first; the list starts again empty. */
  takeCalls(): RecordedCall[];
  /** Bytes of HTTP answers the node sent back since the start. */
  responseBytes(): number;
  /** HTTP requests since the start: a JSON-RPC batch is one. */
  httpRequests(): number;
  /** The methods refused (see RpcCounterOptions.refuse), in the order they were asked for. */
  refused(): string[];
  close(): Promise<void>;
}

interface JsonRpcRequest {
  method?: unknown;
  params?: unknown;
}

function requestsOf(text: string): JsonRpcRequest[] | null {
  try {
    const body = JSON.parse(text) as JsonRpcRequest | JsonRpcRequest[];
    return Array.isArray(body) ? body : [body];
  } catch {
    return null;
  }
}

/** An eth_call's target, data (`input` in newer clients) and block, or null for anything else. */
function callOf(request: JsonRpcRequest): RecordedCall | null {
  if (request.method !== "eth_call" || !Array.isArray(request.params)) return null;
  const [call, block] = request.params as [{ to?: unknown; data?: unknown; input?: unknown }?, unknown?];
  const data = call?.data ?? call?.input;
  return {
    to: String(call?.to ?? ""),
    data: typeof data === "string" ? data.toLowerCase() : "0x",
    block: typeof block === "string" ? block : block === undefined ? "latest" : JSON.stringify(block),
  };
}

export interface RpcCounterOptions {
  /** Methods never forwarded: a message that asks for one is answered with a JSON-RPC error. */
  refuse?: RegExp;
}

/** The JSON-RPC error replies to a message that asks for a refused method (a batch gets one each). */
function refusal(text: string): string {
  const body = JSON.parse(text) as { id?: unknown; method?: unknown } | { id?: unknown; method?: unknown }[];
  const replies = (Array.isArray(body) ? body : [body]).map((request) => ({
    jsonrpc: "2.0",
    id: request.id ?? null,
    error: { code: -32601, message: `${String(request.method)} is refused: not on this chain` },
  }));
  return JSON.stringify(Array.isArray(body) ? replies : replies[0]);
}

/** Listens on a free loopback port and forwards to the node at `nodeUrl` (http://host:port). */
export async function startRpcCounter(nodeUrl: string, options: RpcCounterOptions = {}): Promise<RpcCounter> {
  const counts: Record<string, number> = {};
  const selectors: Record<string, number> = {};
  let recording = false;
  let recorded: RecordedCall[] = [];
  let httpRequests = 0;
  let responseBytes = 0;
  const refused: string[] = [];
  /** Counts the message's methods and eth_calls; true when one of its methods is refused. */
  const count = (text: string): boolean => {
    const requests = requestsOf(text);
    if (requests === null) {
      counts["(not JSON)"] = (counts["(not JSON)"] ?? 0) + 1;
      return false;
    }
    let refuse = false;
    for (const request of requests) {
      const method = String(request.method);
      counts[method] = (counts[method] ?? 0) + 1;
      if (options.refuse?.test(method)) {
        refused.push(method);
        refuse = true;
      }
      const call = callOf(request);
      if (call === null) continue;
      const selector = call.data.slice(0, 10);
      selectors[selector] = (selectors[selector] ?? 0) + 1;
      if (recording) recorded.push(call);
    }
    return refuse;
  };

  // A bounded pool of kept-alive sockets, as a client library would use: thousands of requests at once
  // on fresh sockets would make the node reset some, which the app would not see without the proxy.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const node = new URL(nodeUrl);

  async function forward(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    httpRequests += 1;
    if (count(body.toString())) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(refusal(body.toString()));
      return;
    }
    const send = (retried: boolean) => {
      const upstream = request(
        {
          // A kept-alive socket the node has just closed fails at once: that one is tried again afresh.
          agent: retried ? false : agent,
          host: node.hostname,
          port: node.port,
          method: "POST",
          path: "/",
          headers: { "content-type": "application/json", "content-length": body.length },
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, { "content-type": "application/json" });
          answer.on("data", (chunk: Buffer) => (responseBytes += chunk.length));
          answer.pipe(response);
        },
      );
      // The node is down: the app must see what it would see without the proxy, a broken connection.
      upstream.on("error", () => (retried ? response.destroy() : send(true)));
      upstream.end(body);
    };
    send(false);
  }

  const server = createServer((request, response) => void forward(request, response));
  // Longer than any client keeps an idle socket, so the proxy never closes one under a request.
  server.keepAliveTimeout = 65_000;
  const sockets = new WebSocketServer({ server });
  sockets.on("connection", (client) => {
    const upstream = new WebSocket(nodeUrl.replace(/^http/, "ws"));
    const waiting: string[] = [];
    upstream.on("open", () => waiting.splice(0).forEach((message) => upstream.send(message)));
    upstream.on("message", (data) => client.send(String(data)));
    client.on("message", (data) => {
      const message = String(data);
      if (count(message)) return client.send(refusal(message));
      if (upstream.readyState === WebSocket.OPEN) upstream.send(message);
      else waiting.push(message);
    });
    const closeBoth = () => {
      client.terminate();
      upstream.terminate();
    };
    upstream.on("close", closeBoth);
    upstream.on("error", closeBoth);
    client.on("close", closeBoth);
    client.on("error", closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    counts: () => ({ ...counts }),
    selectors: () => ({ ...selectors }),
    recordCalls: (on) => {
      recording = on;
    },
    takeCalls: () => {
      const taken = recorded;
      recorded = [];
      return taken;
    },
    responseBytes: () => responseBytes,
    httpRequests: () => httpRequests,
    refused: () => [...refused],
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
