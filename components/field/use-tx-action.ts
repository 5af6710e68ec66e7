"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useHydrated } from "@/components/ui/use-hydrated";
import { inFlight, postAction, type ActionState } from "./post-action";

export interface Confirmed {
  txHash: string;
  blockNumber: number;
}

/**
 * One action of a desk's form (see post-action.ts), its progress kept for TxProgress. The server words
 * its refusals in the reader's language (TxProgress words the browser's own failures). Once confirmed
 * the page is read again, so it shows the new record: a form whose place the new record takes keeps its
 * confirmation by staying mounted (see ReleaseButton); one whose whole entry would leave the page asks
 * for no refresh (see RulingForm). `busy` holds the buttons until the form is hydrated (useHydrated)
 * and while a transaction is out.
 */
export function useTxAction<T extends Confirmed = Confirmed>({ refresh = true } = {}) {
  const router = useRouter();
  const [state, setState] = useState<ActionState<T>>({ kind: "idle" });
  const hydrated = useHydrated();

  async function send(url: string, body: object): Promise<ActionState<T>> {
    setState({ kind: "sending" });
    const outcome = await postAction<T>(url, body, setState);
    setState(outcome);
    if (outcome.kind === "confirmed" && refresh) router.refresh();
    return outcome;
  }

  return { state, send, busy: !hydrated || inFlight(state) };
}
