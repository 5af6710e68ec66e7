"use client";

import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useTxAction } from "@/components/field/use-tx-action";
import { Field, formValue, Select, SubmitButton, type Option } from "@/components/forms/fields";

/** Grants a registered participant a role, or revokes one: the button pressed says which. */
export function RoleForm({ accounts, roles }: { accounts: Option[]; roles: Option[] }) {
  const t = useTranslations("regulator.forms");
  const { state, send, busy } = useTxAction();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    await send("/api/regulator/roles", {
      account: formValue(form, "account"),
      role: formValue(form, "role"),
      action: submitter?.value === "revoke" ? "revoke" : "grant",
    });
  }

  return (
    <form onSubmit={submit} aria-label={t("role.heading")} className="space-y-3" data-form="role">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("role.account")}>
          <Select name="account" required defaultValue="" options={accounts} placeholder={t("choose")} />
        </Field>
        <Field label={t("role.role")}>
          <Select name="role" required defaultValue="" options={roles} placeholder={t("choose")} />
        </Field>
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
