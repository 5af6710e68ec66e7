"use client";
// One back-office action from a form: posted to its route, which signs it as the acting party; the
// progress words and the refusals in the reader's language. English readers get the server's sentence
// (it names the lot, the kilograms, the date); Chinese readers get the catalogue's, when it has one.
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { inFlight, postAction, type ActionState } from "@/components/field/post-action";
import type { TxWords } from "@/components/field/TxProgress";

interface Confirmed {
  txHash: string;
  blockNumber: number;
}

type Values = Record<string, string | number>;

export function useBackofficeAction<T extends Confirmed>() {
  const t = useTranslations("backoffice");
  const locale = useLocale();
  const [state, setState] = useState<ActionState<T>>({ kind: "idle" });
  const words: TxWords = {
    sending: t("tx.sending"),
    confirmedIn: (block) => t("tx.confirmed", { block }),
  };

  function localised(code: string, message: string, values: Values): string {
    const key = `errors.${code}` as "errors.offline";
    const clientSide = code === "offline";
    if ((locale === "en" && !clientSide) || !t.has(key)) return message;
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

  return { state, words, send, busy: inFlight(state) };
}
