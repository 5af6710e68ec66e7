"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { postAction, type ActionState } from "@/components/field/post-action";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * Sends one regulator action (see post-action.ts) and keeps its progress for TxProgress. The server
 * words its refusals in the reader's language (TxProgress words the browser's own failures). On success
 * the page is read again, so the lists show the new record. `busy` holds the buttons until the form is
 * hydrated (useHydrated) and while a transaction is out.
 */
export function useRegulatorAction() {
  const router = useRouter();
  const [state, setState] = useState<ActionState>({ kind: "idle" });
  const hydrated = useHydrated();

  async function send(url: string, body: object): Promise<boolean> {
    setState({ kind: "sending" });
    const outcome = await postAction(url, body);
    setState(outcome);
    if (outcome.kind === "confirmed") router.refresh();
    return outcome.kind === "confirmed";
  }

  return { state, send, busy: !hydrated || state.kind === "sending" };
}
