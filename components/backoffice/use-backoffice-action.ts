"use client";
// One back-office action from a form: posted to its route, which signs it as the acting party; its
// progress is TxProgress's; its buttons wait for hydration (see useHydrated). Refusals in the reader's language: English readers get the server's
// sentence (it names the lot, the kilograms, the date); Chinese readers get the catalogue's where it
// has one for the refusal's code (the input rules the CLI shares are worded in English).
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { inFlight, postAction, type ActionState } from "@/components/field/post-action";
import { useHydrated } from "@/components/ui/use-hydrated";

interface Confirmed {
  txHash: string;
  blockNumber: number;
}

type Values = Record<string, string | number>;

export function useBackofficeAction<T extends Confirmed>() {
  const t = useTranslations("backoffice");
  const locale = useLocale();
  const [state, setState] = useState<ActionState<T>>({ kind: "idle" });
  const hydrated = useHydrated();

  function localised(code: string, message: string, values: Values): string {
    const key = `errors.${code}` as "errors.role_required";
    if (locale === "en" || !t.has(key)) return message;
    return t(key, values);
  }

  async function send(url: string, body: object, values: Values = {}): Promise<ActionState<T>> {
    setState({ kind: "sending" });
    const outcome = await postAction<T>(url, body, setState);
    const shown =
      outcome.kind === "failed"
        ? { ...outcome, message: localised(outcome.code, outcome.message, values) }
        : outcome;
    setState(shown);
    return shown;
  }

  return { state, send, busy: !hydrated || inFlight(state) };
}
