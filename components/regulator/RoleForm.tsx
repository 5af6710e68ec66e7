"use client";

import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useFormTx } from "@/components/forms/use-form-tx";
import { ChoiceField, formValues, SubmitButton, type Option } from "@/components/forms/fields";

/** Grants a registered participant a role, or revokes one: the button pressed says which. */
export function RoleForm({ accounts, roles }: { accounts: Option[]; roles: Option[] }) {
  const t = useTranslations("regulator.forms");
  const { state, busy, submit } = useFormTx("/api/regulator/roles", (form, submitter) => ({
    ...formValues(form, "account", "role"),
    action: (submitter as HTMLButtonElement | null)?.value === "revoke" ? "revoke" : "grant",
  }));

  return (
    <form onSubmit={submit} aria-label={t("role.heading")} className="space-y-3" data-form="role">
      <div className="grid gap-3 sm:grid-cols-2">
        <ChoiceField label={t("role.account")} name="account" options={accounts} placeholder={t("choose")} />
        <ChoiceField label={t("role.role")} name="role" options={roles} placeholder={t("choose")} />
      </div>
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="action" value="grant" disabled={busy}>
          {t("role.grant")}
        </SubmitButton>
        <SubmitButton name="action" value="revoke" tone="plain" disabled={busy}>
          {t("role.revoke")}
        </SubmitButton>
      </div>
      <TxProgress state={state} confirmedText={t("role.done")} />
    </form>
  );
}
