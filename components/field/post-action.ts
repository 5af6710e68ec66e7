// Sending one field action to the server, which signs it as the acting party, and what the page shows
// meanwhile: sending, then confirmed with its block and transaction, or the refusal in words.
export type ActionState<T = unknown> =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "confirmed"; txHash: string; blockNumber: number; result: T }
  | { kind: "failed"; code: string; message: string };

interface Confirmed {
  txHash: string;
  blockNumber: number;
}

export async function postAction<T extends Confirmed>(url: string, body: unknown): Promise<ActionState<T>> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as T & { error?: { code: string; message: string } };
    if (!response.ok || answer.error !== undefined)
      return { kind: "failed", code: answer.error?.code ?? "failed", message: answer.error?.message ?? "" };
    return { kind: "confirmed", txHash: answer.txHash, blockNumber: answer.blockNumber, result: answer };
  } catch {
    return {
      kind: "failed",
      code: "offline",
      message: "The server could not be reached. Check the connection and try again.",
    };
  }
}
