"use client";

import { useTranslations } from "next-intl";
import type { TxWords } from "./TxProgress";

/** TxProgress's sentences in the reader's language (inside a ClientMessages with fieldDesk). */
export function useTxWords(): TxWords {
  const t = useTranslations("fieldDesk.tx");
  return {
    sending: t("sending"),
    signing: t("signing"),
    pending: t("pending"),
    confirmedIn: (block) => t("confirmedIn", { block }),
    failures: { user_rejected: t("userRejected"), wrong_chain: t("wrongChain"), offline: t("offline") },
  };
}
