// The chain's head block, for the health check: its number and how old it is. Plain JSON-RPC with a
// short timeout (like the reader), so a health check against a node that hangs answers "failing" in
// seconds instead of waiting as long as the load balancer's own timeout.
export interface ChainHead {
  number: number;
  /** Unix seconds of the head block. */
  timestamp: number;
}

/** The latest block's number and time; throws with the node's failure in the message. */
export async function readChainHead(rpcUrl: string, timeoutMs = 2000): Promise<ChainHead> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "eth_getBlockByNumber",
      params: ["latest", false],
    }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`the node answered HTTP ${response.status}`);
  const body = (await response.json()) as {
    result?: { number?: string; timestamp?: string } | null;
    error?: { message?: string };
  };
  const block = body.result;
  if (!block?.number || !block.timestamp) {
    throw new Error(`the node gave no head block (${body.error?.message ?? "empty answer"})`);
  }
  return { number: Number(block.number), timestamp: Number(block.timestamp) };
}
