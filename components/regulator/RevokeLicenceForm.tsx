"use client";

import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useFormTx } from "@/components/forms/use-form-tx";
import { formValues, InputField, SubmitButton } from "@/components/forms/fields";

/**
 * Revokes one licence from a date (today at the latest), with the reason; folded until opened. Once the
 * licence is revoked only the confirmation stays, so it outlives the refresh that shows the revocation.
 */
export function RevokeLicenceForm({
  licenceId,
  number,
  today,
  revoked,
}: {
  licenceId: number;
  number: string;
  today: string;
  revoked: boolean;
}) {
  const t = useTranslations("regulator.forms.revokeLicence");
  const { state, busy, submit } = useFormTx(`/api/regulator/licences/${licenceId}/revocation`, (form) =>
    formValues(form, "revokedOn", "reason"),
  );

  if (revoked) return <TxProgress state={state} confirmedText={t("done")} />;
  return (
    <details className="text-sm" data-revoke={licenceId}>
      <summary className="cursor-pointer font-medium text-red-800">{t("open")}</summary>
      <form onSubmit={submit} aria-label={`${t("submit")} ${number}`} className="mt-2 space-y-2">
        <div className="grid gap-2 sm:grid-cols-[10rem_1fr]">
          <InputField
            label={t("revokedOn")}
            type="date"
            name="revokedOn"
            required
            defaultValue={today}
            max={today}
          />
          <InputField label={t("reason")} name="reason" required minLength={3} maxLength={500} />
        </div>
        <SubmitButton tone="danger" disabled={busy}>
          {t("submit")}
        </SubmitButton>
        <TxProgress state={state} confirmedText={t("done")} />
      </form>
    </details>
  );
}
