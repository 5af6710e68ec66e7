"use client";

import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useTxAction } from "@/components/field/use-tx-action";
import { BUTTON } from "@/components/forms/fields";

/**
 * Release for sale. Always offered until released: the contract decides, and a release before the hold
 * comes back as a plain refusal naming the earliest date. Stays on the page once the batch is released
 * (without its button) so the confirmation outlives the refresh that shows the new status.
 */
export function ReleaseButton({ batchId, released }: { batchId: string; released: boolean }) {
  const t = useTranslations("manufacturer.batches");
  const { state, send, busy } = useTxAction();

  const release = () => send(`/api/manufacturer/batches/${batchId}/release`, {});

  return (
    <div className="space-y-2">
      {!released && (
        <button type="button" onClick={release} disabled={busy} className={BUTTON} data-action="release">
          {t("release")}
        </button>
      )}
      <TxProgress state={state} confirmedText={t("releasedNow")} />
    </div>
  );
}
