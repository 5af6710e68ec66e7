// Tells the read cache when the record changed: a WebSocket subscription (eth_subscribe "logs") to every
// MedProof contract. Any event from them clears the cache, so the next verification reads the new
// state; events are rare next to reads, so a coarse clear costs little. While the subscription is not
// live (not yet connected, dropped, node down) the watcher reports itself not live and the reader
// bypasses the cache, so a missed event can never leave a stale verdict behind.
import { WebSocketProvider } from "ethers";

const SUBSCRIBE_SETTLE_MS = 250;

export interface ChainWatcherOptions {
  wsUrl: string;
  addresses: string[];
  onChange: () => void;
  /** Wait before reconnecting after the socket closes. */
  retryMs?: number;
}

export class ChainWatcher {
  private provider: WebSocketProvider | null = null;
  private live = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly options: ChainWatcherOptions) {
    this.connect();
  }

  /** True while every change on chain is guaranteed to reach onChange. */
  isLive(): boolean {
    return this.live;
  }

  private connect(): void {
    if (this.stopped) return;
    const provider = new WebSocketProvider(this.options.wsUrl);
    this.provider = provider;
    const socket = provider.websocket as unknown as {
      addEventListener?: (type: string, listener: () => void) => void;
      on?: (type: string, listener: () => void) => void;
    };
    const onDown = () => this.down(provider);
    if (socket.on) {
      socket.on("close", onDown);
      socket.on("error", onDown);
    } else {
      socket.addEventListener?.("close", onDown);
      socket.addEventListener?.("error", onDown);
    }
    provider
      .on({ address: this.options.addresses }, () => this.options.onChange())
      .then(() => provider._waitUntilReady())
      // ethers sends eth_subscribe without exposing its answer; give it time to land before trusting it.
      .then(() => new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_SETTLE_MS)))
      .then(() => {
        // Anything that happened before the subscription was live may be cached: start clean.
        this.options.onChange();
        if (this.provider === provider) this.live = true;
      })
      .catch(onDown);
  }

  private down(provider: WebSocketProvider): void {
    if (this.provider !== provider) return;
    this.live = false;
    this.provider = null;
    this.options.onChange();
    void provider.destroy().catch(() => undefined);
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
    const provider = this.provider;
    this.provider = null;
    await provider?.destroy();
  }
}
