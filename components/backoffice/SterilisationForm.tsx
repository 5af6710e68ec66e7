"use client";

import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { InputField, SubmitButton } from "@/components/forms/fields";
import { useFields } from "@/components/forms/use-fields";
import { useFormTx } from "@/components/forms/use-form-tx";

/**
 * The end of sterilisation (China time), from which the hold before release is counted. Once it is on
 * record only the confirmation stays, so it outlives the refresh that shows the new readiness.
 */
export function SterilisationForm({
  batchId,
  defaults,
  recorded,
}: {
  batchId: string;
  defaults: { sterilizer: string; start: string; end: string };
  recorded: boolean;
}) {
  const t = useTranslations("manufacturer.sterilisation");
  const { values, bind } = useFields({
    sterilizer: defaults.sterilizer,
    method: "EO",
    start: defaults.start,
    end: defaults.end,
  });
  const { state, busy, submit } = useFormTx(
    `/api/manufacturer/batches/${batchId}/sterilisation`,
    () => values,
  );

  if (recorded) return <TxProgress state={state} confirmedText={t("done")} />;
  return (
    <form onSubmit={submit} className="space-y-2" data-form="sterilisation">
      <p className="text-sm font-semibold">{t("heading")}</p>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <InputField label={t("sterilizer")} required {...bind("sterilizer")} />
        <InputField label={t("method")} required {...bind("method")} />
        <InputField label={t("start")} type="datetime-local" required {...bind("start")} />
        <InputField label={t("end")} type="datetime-local" required {...bind("end")} />
      </div>
      <SubmitButton disabled={busy}>{t("submit")}</SubmitButton>
      <TxProgress state={state} confirmedText={t("done")} />
    </form>
  );
}
