"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import type { LotRegistered } from "@/lib/queries/backoffice";
import { Field, INPUT, InputField, SubmitButton } from "@/components/forms/fields";
import { useFields } from "@/components/forms/use-fields";
import { useFormTx } from "@/components/forms/use-form-tx";

/** A supplier registers a meltblown lot and delivers it to a manufacturer. */
export function LotForm({ manufacturers }: { manufacturers: { address: string; name: string }[] }) {
  const t = useTranslations("manufacturer.supplier");
  const { values, bind } = useFields({ code: "", grade: "BFE99 25 g/m²", kg: "" });
  const [to, setTo] = useState(manufacturers[0]?.address ?? "");

  const { state, busy, submit } = useFormTx<LotRegistered>("/api/manufacturer/lots", () => ({
    ...values,
    ...(to === "" ? {} : { manufacturer: to }),
  }));

  return (
    <form onSubmit={submit} className="space-y-3" data-form="lot">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <InputField label={t("code")} required {...bind("code")} />
        <InputField label={t("grade")} required {...bind("grade")} />
        <InputField label={t("kg")} required inputMode="decimal" {...bind("kg")} />
        <Field label={t("deliverTo")}>
          <select name="manufacturer" value={to} onChange={(e) => setTo(e.target.value)} className={INPUT}>
            {manufacturers.map((m) => (
              <option key={m.address} value={m.address}>
                {m.name}
              </option>
            ))}
            <option value="">{t("keep")}</option>
          </select>
        </Field>
      </div>
      <SubmitButton disabled={busy}>{t("submit")}</SubmitButton>
      <TxProgress
        state={state}

        confirmedText={state.kind === "confirmed" ? t("done", { lotId: state.result.lotId }) : undefined}
      />
    </form>
  );
}
