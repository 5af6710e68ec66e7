"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useTxAction } from "@/components/field/use-tx-action";
import { BUTTON, Field, INPUT } from "@/components/forms/fields";

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
  const { state, send, busy } = useTxAction();
  const [sterilizer, setSterilizer] = useState(defaults.sterilizer);
  const [method, setMethod] = useState("EO");
  const [start, setStart] = useState(defaults.start);
  const [end, setEnd] = useState(defaults.end);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await send(`/api/manufacturer/batches/${batchId}/sterilisation`, {
      sterilizer,
      method,
      start,
      end,
    });
  }

  if (recorded) return <TxProgress state={state} confirmedText={t("done")} />;
  return (
    <form onSubmit={submit} className="space-y-2" data-form="sterilisation">
      <p className="text-sm font-semibold">{t("heading")}</p>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <Field label={t("sterilizer")}>
          <input
            name="sterilizer"
            required
            value={sterilizer}
            onChange={(e) => setSterilizer(e.target.value)}
            className={INPUT}
          />
        </Field>
        <Field label={t("method")}>
          <input
            name="method"
            required
            value={method}
            onChange={(e) => setMethod(e.target.value)}
            className={INPUT}
          />
        </Field>
        <Field label={t("start")}>
          <input
            name="start"
            type="datetime-local"
            required
            value={start}
            onChange={(e) => setStart(e.target.value)}
            className={INPUT}
          />
        </Field>
        <Field label={t("end")}>
          <input
            name="end"
            type="datetime-local"
            required
            value={end}
            onChange={(e) => setEnd(e.target.value)}
            className={INPUT}
          />
        </Field>
      </div>
      <button type="submit" disabled={busy} className={BUTTON}>
        {t("submit")}
      </button>
      <TxProgress state={state} confirmedText={t("done")} />
    </form>
  );
}
