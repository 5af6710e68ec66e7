// Tells the read caches when the record changed: a WebSocket subscription (eth_subscribe "logs") to every
// MedProof contract. Each event is handed on with its topics and block (a reorg's `removed: true` logs
// too), so the box reader forgets only the reads the event can change (event-keys.ts). While the
// subscription is not live (not yet confirmed, dropped, node down) the watcher reports itself not live,
// says so with a null change (forget everything), and the caches keep nothing, so a missed event can
// never leave a stale verdict behind. A second subscription to new heads catches a reorg the node does
// not report with removed logs (anvil's anvil_reorg does not): a head that does not extend the last one
// is a null change too.
//
// Plain JSON-RPC over the `ws` socket rather than ethers' WebSocketProvider: the subscription is live
// exactly when the node has answered eth_subscribe with its id, and a node that goes away mid-request
// is an ordinary close here, not a rejected promise nobody is waiting for (which would end the process).
import WebSocket from "ws";
import type { ChainLog } from "./event-keys";

const LOGS_ID = 1;
const HEADS_ID = 2;

export interface ChainWatcherOptions {
  wsUrl: string;
  addresses: string[];
  /** An event (or a reorg's removal of one); null when any change may have been missed. */
  onChange: (log: ChainLog | null) => void;
  /** Wait before reconnecting after the socket closes. */
  retryMs?: number;
}

/** A notification's log, or null (forget everything) when it is not one this code can read. */
function asLog(value: unknown): ChainLog | null {
  const log = value as Partial<ChainLog> | null;
  const topics = log?.topics;
  if (!Array.isArray(topics) || !topics.every((t) => typeof t === "string")) return null;
  if (typeof log?.blockNumber !== "string" || typeof log.address !== "string") return null;
  return { address: log.address, topics, blockNumber: log.blockNumber, removed: log.removed === true };
}

export class ChainWatcher {
  private socket: WebSocket | null = null;
  private live = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  /** The subscriptions the node confirmed on the current socket; live once both are. */
  private confirmed = new Set<number>();
  /** The latest head seen on the current socket. */
  private head: { number: number; hash: string } | null = null;

  constructor(private readonly options: ChainWatcherOptions) {
    this.connect();
  }

  /** True while every change on chain is guaranteed to reach onChange. */
  isLive(): boolean {
    return this.live;
  }

  private connect(): void {
    if (this.stopped) return;
    const socket = new WebSocket(this.options.wsUrl);
    this.socket = socket;
    this.confirmed = new Set();
    this.head = null;
    socket.on("open", () => {
      const subscribe = (id: number, params: unknown[]) =>
        socket.send(JSON.stringify({ jsonrpc: "2.0", id, method: "eth_subscribe", params }));
      subscribe(LOGS_ID, ["logs", { address: this.options.addresses }]);
      subscribe(HEADS_ID, ["newHeads"]);
    });
    socket.on("message", (data) => this.receive(socket, String(data)));
    socket.on("close", () => this.down(socket));
    socket.on("error", () => this.down(socket));
  }

  private receive(socket: WebSocket, text: string): void {
    let message: {
      id?: number;
      result?: unknown;
      error?: unknown;
      method?: string;
      params?: { result?: unknown };
    };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    if (message.id === LOGS_ID || message.id === HEADS_ID) {
      if (typeof message.result !== "string") {
        socket.terminate();
        return;
      }
      this.confirmed.add(message.id);
      if (this.confirmed.size < 2 || this.socket !== socket) return;
      // Anything that happened before the subscriptions were live may be cached: start clean.
      this.options.onChange(null);
      this.live = true;
    } else if (message.method === "eth_subscription") {
      const result = message.params?.result as { parentHash?: unknown } | undefined;
      if (typeof result?.parentHash === "string") this.newHead(result);
      else this.options.onChange(asLog(result));
    }
  }

  /** A head that does not extend the last one means blocks were taken back: forget everything. */
  private newHead(head: { number?: unknown; hash?: unknown; parentHash?: unknown }): void {
    const number = Number(head.number);
    const hash = String(head.hash);
    const last = this.head;
    const extendsLast =
      last === null ||
      number > last.number + 1 ||
      (number === last.number + 1 && head.parentHash === last.hash);
    this.head = { number, hash };
    if (!extendsLast) this.options.onChange(null);
  }

  private down(socket: WebSocket): void {
    if (this.socket !== socket) return;
    this.live = false;
    this.socket = null;
    this.options.onChange(null);
    socket.removeAllListeners();
    socket.on("error", () => undefined);
    socket.terminate();
    if (!this.stopped && !this.retry) {
      this.retry = setTimeout(() => {
        this.retry = null;
        this.connect();
      }, this.options.retryMs ?? 1000);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.live = false;
    if (this.retry) clearTimeout(this.retry);
    const socket = this.socket;
    this.socket = null;
    if (socket === null) return;
    socket.removeAllListeners();
    socket.on("error", () => undefined);
    await new Promise<void>((resolve) => {
      if (socket.readyState === WebSocket.CLOSED) return resolve();
      socket.once("close", () => resolve());
      socket.terminate();
    });
  }
}
