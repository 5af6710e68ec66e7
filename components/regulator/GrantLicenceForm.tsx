"use client";

import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useFormTx } from "@/components/forms/use-form-tx";
import { ChoiceField, formValues, InputField, SubmitButton, type Option } from "@/components/forms/fields";

/** Grants a licence: kind, holder, number as printed, categories covered, first and last valid day. */
export function GrantLicenceForm({
  holders,
  kinds,
  categories,
  today,
}: {
  holders: Option[];
  kinds: Option[];
  categories: Option[];
  today: string;
}) {
  const t = useTranslations("regulator.forms");
  const { state, busy, submit } = useFormTx("/api/regulator/licences", (form) => ({
    ...formValues(form, "kind", "holder", "number"),
    categories: form.getAll("categories").map(Number),
    ...formValues(form, "validFrom", "validUntil"),
  }));

  return (
    <form
      onSubmit={submit}
      aria-label={t("grantLicence.heading")}
      className="space-y-3"
      data-form="grant-licence"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <ChoiceField label={t("grantLicence.kind")} name="kind" options={kinds} placeholder={t("choose")} />
        <ChoiceField
          label={t("grantLicence.holder")}
          name="holder"
          options={holders}
          placeholder={t("choose")}
        />
      </div>
      <InputField
        label={t("grantLicence.number")}
        hint={t("grantLicence.numberHint")}
        name="number"
        autoComplete="off"
        required
        minLength={4}
        maxLength={64}
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("grantLicence.categories")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {categories.map((category) => (
            <label key={category.value} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="categories" value={category.value} className="size-4" />
              {category.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          label={t("grantLicence.validFrom")}
          type="date"
          name="validFrom"
          required
          defaultValue={today}
        />
        <InputField label={t("grantLicence.validUntil")} type="date" name="validUntil" required />
      </div>
      <SubmitButton disabled={busy}>{t("grantLicence.submit")}</SubmitButton>
      <TxProgress state={state} confirmedText={t("grantLicence.done")} />
    </form>
  );
}
