"use client";

import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useTxAction } from "@/components/field/use-tx-action";
import { Field, formValue, Select, SubmitButton, TextInput, type Option } from "@/components/forms/fields";

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
  const { state, send, busy } = useTxAction();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await send("/api/regulator/price-caps", {
      category: Number(formValue(form, "category")),
      region: Number(formValue(form, "region")),
      channel: formValue(form, "channel"),
      yuanPerPiece: formValue(form, "yuanPerPiece"),
      effectiveFrom: formValue(form, "effectiveFrom"),
      legalBasis: formValue(form, "legalBasis"),
    });
  }

  return (
    <form onSubmit={submit} aria-label={t("cap.heading")} className="space-y-3" data-form="price-cap">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("cap.category")}>
          <Select name="category" required defaultValue="" options={categories} placeholder={t("choose")} />
        </Field>
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
        <Field label={t("cap.channel")}>
          <Select name="channel" required defaultValue="" options={channels} placeholder={t("choose")} />
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("cap.yuan")}>
          <TextInput name="yuanPerPiece" required inputMode="decimal" pattern="[0-9]{1,4}(\.[0-9]{1,2})?" />
        </Field>
        <Field label={t("cap.effectiveFrom")}>
          <TextInput type="date" name="effectiveFrom" required defaultValue={today} />
        </Field>
        <Field label={t("cap.basis")} hint={t("cap.basisHint")}>
          <TextInput name="legalBasis" required minLength={3} maxLength={200} />
        </Field>
      </div>
      <SubmitButton disabled={busy}>{t("cap.submit")}</SubmitButton>
      <TxProgress state={state} confirmedText={t("cap.done")} />
    </form>
  );
}
