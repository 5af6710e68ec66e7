// A JSON-RPC proxy that counts what the app asks the node, by method: HTTP requests (single or batched)
// and WebSocket messages are passed through to the node unchanged. Tests use it to prove that a cached
// view costs no RPC; benchmarks use it for the requests-per-view figure. Loopback only.
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket, { WebSocketServer } from "ws";

export interface RpcCounter {
  url: string;
  port: number;
  /** Requests per JSON-RPC method since the start (a batch counts each of its requests). */
  counts(): Record<string, number>;
  /** HTTP requests since the start: a JSON-RPC batch is one. */
  httpRequests(): number;
  close(): Promise<void>;
}

function methodsOf(text: string): string[] {
  try {
    const body = JSON.parse(text) as { method?: unknown } | { method?: unknown }[];
    return (Array.isArray(body) ? body : [body]).map((request) => String(request.method));
  } catch {
    return ["(not JSON)"];
  }
}

/** Listens on a free loopback port and forwards to the node at `nodeUrl` (http://host:port). */
export async function startRpcCounter(nodeUrl: string): Promise<RpcCounter> {
  const counts: Record<string, number> = {};
  let httpRequests = 0;
  const count = (text: string) => {
    for (const method of methodsOf(text)) counts[method] = (counts[method] ?? 0) + 1;
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
    count(body.toString());
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
      count(message);
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
    httpRequests: () => httpRequests,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
