"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { WORKSHOP_LIMITS, workshopReadingPasses, type WorkshopReading } from "@/lib/domain/backoffice";
import { formatInteger } from "@/lib/domain/format";
import type { Attested } from "@/lib/queries/backoffice";
import { CheckboxField, CheckMark, Field, INPUT, InputField, SubmitButton } from "@/components/forms/fields";
import { useFields } from "@/components/forms/use-fields";
import { useFormTx } from "@/components/forms/use-form-tx";

const READINGS = Object.keys(WORKSHOP_LIMITS) as WorkshopReading[];

/**
 * An auditor's attestation of a manufacturer's workshop: class-100,000 readings, each checked against
 * its limit as it is typed, and the staff's health checks and training, for a period of validity.
 */
export function AttestationForm({
  manufacturers,
  workshops,
  defaults,
}: {
  manufacturers: { address: string; name: string }[];
  workshops: { manufacturer: string; name: string }[];
  defaults: { from: string; until: string };
}) {
  const t = useTranslations("auditor.form");
  const tb = useTranslations("backoffice");
  const [manufacturer, setManufacturer] = useState(manufacturers[0]?.address ?? "");
  const known = workshops.filter((w) => w.manufacturer.toLowerCase() === manufacturer.toLowerCase());
  const [workshop, setWorkshop] = useState(known[0]?.name ?? "");
  const { values, bind } = useFields({
    from: defaults.from,
    until: defaults.until,
    ...(Object.fromEntries(READINGS.map((r) => [r, ""])) as Record<WorkshopReading, string>),
  });
  const [staffHealthChecked, setStaffHealthChecked] = useState(false);
  const [staffTrained, setStaffTrained] = useState(false);

  function limitText(reading: WorkshopReading): string {
    const limit = WORKSHOP_LIMITS[reading];
    if ("above" in limit) return t("limitAbove", { min: limit.above });
    if ("min" in limit) return t("limitRange", { min: limit.min, max: limit.max });
    return t("limitMax", { max: formatInteger(limit.max) });
  }

  const { state, busy, submit } = useFormTx<Attested>("/api/auditor/attestations", () => ({
    manufacturer,
    workshop,
    ...values,
    staffHealthChecked,
    staffTrained,
  }));

  return (
    <form onSubmit={submit} className="space-y-4" data-form="attestation">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label={t("manufacturer")}>
          <select
            name="manufacturer"
            value={manufacturer}
            onChange={(e) => {
              setManufacturer(e.target.value);
              setWorkshop(
                workshops.find((w) => w.manufacturer.toLowerCase() === e.target.value.toLowerCase())?.name ??
                  "",
              );
            }}
            className={INPUT}
          >
            {manufacturers.map((m) => (
              <option key={m.address} value={m.address}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("workshop")} hint={t("workshopHint")}>
          <input
            name="workshop"
            required
            list="known-workshops"
            value={workshop}
            onChange={(e) => setWorkshop(e.target.value)}
            className={INPUT}
          />
          <datalist id="known-workshops">
            {known.map((w) => (
              <option key={w.name} value={w.name} />
            ))}
          </datalist>
        </Field>
        <InputField label={t("from")} type="date" required {...bind("from")} />
        <InputField label={t("until")} type="date" required {...bind("until")} />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("readings")}</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {READINGS.map((reading) => {
            const typed = values[reading];
            const value = Number(typed);
            const ok =
              typed.trim() === "" || !Number.isFinite(value) ? null : workshopReadingPasses(reading, value);
            return (
              <InputField
                key={reading}
                label={t(reading)}
                hint={
                  <span className="flex flex-wrap items-center gap-2">
                    {limitText(reading)}
                    {ok !== null && <CheckMark ok={ok} text={ok ? tb("check.pass") : tb("check.fail")} />}
                  </span>
                }
                required
                inputMode="decimal"
                aria-invalid={ok === false}
                {...bind(reading)}
              />
            );
          })}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("staff")}</legend>
        <CheckboxField
          label={t("staffHealthChecked")}
          name="staffHealthChecked"
          checked={staffHealthChecked}
          onValue={setStaffHealthChecked}
        />
        <CheckboxField
          label={t("staffTrained")}
          name="staffTrained"
          checked={staffTrained}
          onValue={setStaffTrained}
        />
        {!(staffHealthChecked && staffTrained) && (
          <p className="text-xs text-slate-600">{t("staffNeeded")}</p>
        )}
      </fieldset>
      <SubmitButton disabled={busy}>{t("submit")}</SubmitButton>
      <TxProgress
        state={state}

        confirmedText={state.kind === "confirmed" ? t("done", { id: state.result.attestationId }) : undefined}
      />
    </form>
  );
}
