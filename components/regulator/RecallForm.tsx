"use client";

import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useFormTx } from "@/components/forms/use-form-tx";
import { ChoiceField, formValue, InputField, SubmitButton, type Option } from "@/components/forms/fields";

/** Recalls a batch with the reason. A batch's option value is "<GTIN>/<lot>". */
export function RecallForm({ batches }: { batches: Option[] }) {
  const t = useTranslations("regulator.forms");
  const { state, busy, submit } = useFormTx("/api/regulator/recalls", (form) => {
    const batch = formValue(form, "batch");
    const slash = batch.indexOf("/");
    return { gtin: batch.slice(0, slash), lot: batch.slice(slash + 1), reason: formValue(form, "reason") };
  });

  return (
    <form onSubmit={submit} aria-label={t("recall.heading")} className="space-y-3" data-form="recall">
      <div className="grid gap-3 sm:grid-cols-2">
        <ChoiceField label={t("recall.batch")} name="batch" options={batches} placeholder={t("choose")} />
        <InputField label={t("recall.reason")} name="reason" required minLength={3} maxLength={500} />
      </div>
      <SubmitButton tone="danger" disabled={busy}>
        {t("recall.submit")}
      </SubmitButton>
      <TxProgress state={state} confirmedText={t("recall.done")} />
    </form>
  );
}
