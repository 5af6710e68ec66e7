"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useTxAction } from "@/components/field/use-tx-action";
import type { LotRegistered } from "@/lib/queries/backoffice";
import { BUTTON, Field, INPUT } from "@/components/forms/fields";

/** A supplier registers a meltblown lot and delivers it to a manufacturer. */
export function LotForm({ manufacturers }: { manufacturers: { address: string; name: string }[] }) {
  const t = useTranslations("manufacturer.supplier");
  const { state, send, busy } = useTxAction<LotRegistered>();
  const [code, setCode] = useState("");
  const [grade, setGrade] = useState("BFE99 25 g/m²");
  const [kg, setKg] = useState("");
  const [to, setTo] = useState(manufacturers[0]?.address ?? "");

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await send("/api/manufacturer/lots", {
      code,
      grade,
      kg,
      ...(to === "" ? {} : { manufacturer: to }),
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3" data-form="lot">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label={t("code")}>
          <input
            name="code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
            className={INPUT}
          />
        </Field>
        <Field label={t("grade")}>
          <input
            name="grade"
            required
            value={grade}
            onChange={(e) => setGrade(e.target.value)}
            className={INPUT}
          />
        </Field>
        <Field label={t("kg")}>
          <input
            name="kg"
            required
            inputMode="decimal"
            value={kg}
            onChange={(e) => setKg(e.target.value)}
            className={INPUT}
          />
        </Field>
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
      <button type="submit" disabled={busy} className={BUTTON}>
        {t("submit")}
      </button>
      <TxProgress
        state={state}

        confirmedText={state.kind === "confirmed" ? t("done", { lotId: state.result.lotId }) : undefined}
      />
    </form>
  );
}
