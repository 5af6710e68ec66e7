"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useBackofficeAction } from "./use-backoffice-action";
import { BUTTON } from "./fields";

/**
 * Release for sale. Always offered until released: the contract decides, and a release before the hold
 * comes back as a plain refusal naming the earliest date. Stays on the page once the batch is released
 * (without its button) so the confirmation outlives the refresh that shows the new status.
 */
export function ReleaseButton({
  batchId,
  earliestRelease,
  released,
}: {
  batchId: string;
  earliestRelease: string | null;
  released: boolean;
}) {
  const t = useTranslations("manufacturer.batches");
  const router = useRouter();
  const { state, send, busy } = useBackofficeAction();

  async function release() {
    const outcome = await send(
      `/api/manufacturer/batches/${batchId}/release`,
      {},
      { date: earliestRelease ?? "" },
    );
    if (outcome.kind === "confirmed") router.refresh();
  }

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
