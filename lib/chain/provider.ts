// One JSON-RPC provider per URL (and per batching). Caching disabled (cacheTimeout -1) so reads never see
// a stale block, and the network is pinned after the first lookup so every call is a single request.
import { JsonRpcProvider, Network } from "ethers";

const providers = new Map<string, JsonRpcProvider>();

/** Requests sent within this many milliseconds of each other go to the node as one JSON-RPC batch. */
const BATCH_STALL_MS = 2;

function cachedProvider(url: string, chainId: number | undefined, batchMaxCount: number): JsonRpcProvider {
  const key = `${url}#${chainId ?? ""}#${batchMaxCount}`;
  let provider = providers.get(key);
  if (!provider) {
    const network = chainId === undefined ? undefined : Network.from(chainId);
    provider = new JsonRpcProvider(url, network, {
      cacheTimeout: -1,
      staticNetwork: network ?? false,
      batchMaxCount,
      batchStallTime: BATCH_STALL_MS,
    });
    providers.set(key, provider);
  }
  return provider;
}

export function rpcProvider(url: string, chainId?: number): JsonRpcProvider {
  return cachedProvider(url, chainId, 1);
}

/**
 * For reads that fan out (a page of the whole record: a call per participant, price record, complaint):
 * the calls a step makes at once travel as one JSON-RPC batch, one HTTP request instead of hundreds.
 */
export function batchingProvider(url: string, chainId?: number): JsonRpcProvider {
  return cachedProvider(url, chainId, 100);
}

/** Waits until the node answers eth_chainId, or throws after `timeoutMs`. */
export async function waitForRpc(url: string, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      const body = (await response.json()) as { result?: string };
      if (body.result) return Number(body.result);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The chain at ${url} did not answer within ${timeoutMs} ms (${String(lastError)})`);
}
