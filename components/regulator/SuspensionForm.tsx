"use client";

import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useTxAction } from "@/components/field/use-tx-action";
import { useFormTx } from "@/components/forms/use-form-tx";
import { ChoiceField, formValues, InputField, SubmitButton, type Option } from "@/components/forms/fields";

/** Suspends a participant, with the reason. */
export function SuspensionForm({ participants }: { participants: Option[] }) {
  const t = useTranslations("regulator.forms");
  const { state, busy, submit } = useFormTx("/api/regulator/suspensions", (form) => ({
    action: "suspend",
    ...formValues(form, "account", "reason"),
  }));

  return (
    <form onSubmit={submit} aria-label={t("suspension.heading")} className="space-y-3" data-form="suspend">
      <div className="grid gap-3 sm:grid-cols-2">
        <ChoiceField
          label={t("suspension.participant")}
          name="account"
          options={participants}
          placeholder={t("choose")}
        />
        <InputField label={t("suspension.reason")} name="reason" required minLength={3} maxLength={500} />
      </div>
      <SubmitButton tone="danger" disabled={busy}>
        {t("suspension.submit")}
      </SubmitButton>
      <TxProgress state={state} confirmedText={t("suspension.done")} />
    </form>
  );
}

/** Lifts the regulator's suspension of one participant. */
export function ReinstateButton({ account, name }: { account: string; name: string }) {
  const t = useTranslations("regulator.forms.suspension");
  const { state, send, busy } = useTxAction();
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={busy}
        onClick={() => send("/api/regulator/suspensions", { action: "reinstate", account })}
        aria-label={`${t("reinstate")}: ${name}`}
        className="rounded-lg border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium disabled:opacity-50"
      >
        {t("reinstate")}
      </button>
      <TxProgress state={state} confirmedText={t("reinstated")} />
    </div>
  );
}
