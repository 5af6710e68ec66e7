"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { InputField, SubmitButton } from "@/components/forms/fields";
import { useFormTx } from "@/components/forms/use-form-tx";

/**
 * The end of sterilisation (China time), from which the hold before release is counted. Once it is on
 * record only the confirmation stays, so it outlives the refresh that shows the new readiness.
 */
export function SterilisationForm({
  batchId,
  defaults,
  recorded,
}: {
  batchId: string;
  defaults: { sterilizer: string; start: string; end: string };
  recorded: boolean;
}) {
  const t = useTranslations("manufacturer.sterilisation");
  const [sterilizer, setSterilizer] = useState(defaults.sterilizer);
  const [method, setMethod] = useState("EO");
  const [start, setStart] = useState(defaults.start);
  const [end, setEnd] = useState(defaults.end);

  const { state, busy, submit } = useFormTx(`/api/manufacturer/batches/${batchId}/sterilisation`, () => ({
    sterilizer,
    method,
    start,
    end,
  }));

  if (recorded) return <TxProgress state={state} confirmedText={t("done")} />;
  return (
    <form onSubmit={submit} className="space-y-2" data-form="sterilisation">
      <p className="text-sm font-semibold">{t("heading")}</p>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <InputField
          label={t("sterilizer")}
          name="sterilizer"
          required
          value={sterilizer}
          onValue={setSterilizer}
        />
        <InputField label={t("method")} name="method" required value={method} onValue={setMethod} />
        <InputField
          label={t("start")}
          name="start"
          type="datetime-local"
          required
          value={start}
          onValue={setStart}
        />
        <InputField label={t("end")} name="end" type="datetime-local" required value={end} onValue={setEnd} />
      </div>
      <SubmitButton disabled={busy}>{t("submit")}</SubmitButton>
      <TxProgress state={state} confirmedText={t("done")} />
    </form>
  );
}
