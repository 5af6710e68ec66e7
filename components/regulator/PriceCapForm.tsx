"use client";

import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useFormTx } from "@/components/forms/use-form-tx";
import {
  ChoiceField,
  Field,
  formValue,
  formValues,
  InputField,
  SubmitButton,
  TextInput,
  type Option,
} from "@/components/forms/fields";

/** Sets a cap for a category, region and channel from a date, with its legal basis. */
export function PriceCapForm({
  categories,
  channels,
  regions,
  today,
}: {
  categories: Option[];
  channels: Option[];
  /** Known administrative divisions, offered as suggestions; any six-digit code is accepted. */
  regions: Option[];
  today: string;
}) {
  const t = useTranslations("regulator.forms");
  const { state, busy, submit } = useFormTx("/api/regulator/price-caps", (form) => ({
    category: Number(formValue(form, "category")),
    region: Number(formValue(form, "region")),
    ...formValues(form, "channel", "yuanPerPiece", "effectiveFrom", "legalBasis"),
  }));

  return (
    <form onSubmit={submit} aria-label={t("cap.heading")} className="space-y-3" data-form="price-cap">
      <div className="grid gap-3 sm:grid-cols-3">
        <ChoiceField
          label={t("cap.category")}
          name="category"
          options={categories}
          placeholder={t("choose")}
        />
        <Field label={t("cap.region")}>
          <TextInput
            name="region"
            required
            inputMode="numeric"
            pattern="[1-9][0-9]{5}"
            list="regulator-regions"
            autoComplete="off"
          />
          <datalist id="regulator-regions">
            {regions.map((region) => (
              <option key={region.value} value={region.value} label={region.label} />
            ))}
          </datalist>
        </Field>
        <ChoiceField label={t("cap.channel")} name="channel" options={channels} placeholder={t("choose")} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <InputField
          label={t("cap.yuan")}
          name="yuanPerPiece"
          required
          inputMode="decimal"
          pattern="[0-9]{1,4}(\.[0-9]{1,2})?"
        />
        <InputField
          label={t("cap.effectiveFrom")}
          type="date"
          name="effectiveFrom"
          required
          defaultValue={today}
        />
        <InputField
          label={t("cap.basis")}
          hint={t("cap.basisHint")}
          name="legalBasis"
          required
          minLength={3}
          maxLength={200}
        />
      </div>
      <SubmitButton disabled={busy}>{t("cap.submit")}</SubmitButton>
      <TxProgress state={state} confirmedText={t("cap.done")} />
    </form>
  );
}
