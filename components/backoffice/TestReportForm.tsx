"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useTxAction } from "@/components/field/use-tx-action";
import { metricPasses, toFixedPoint } from "@/lib/domain/backoffice";
import { formatMetricValue } from "@/lib/domain/format";
import { METRICS, type MetricRule } from "@/lib/domain/standards";
import type { ReportPosted } from "@/lib/queries/backoffice";
import { CheckboxField, CheckMark, Field, INPUT, SubmitButton } from "@/components/forms/fields";

export interface LabBatchChoice {
  batchId: string;
  gtin: string;
  lot: string;
  productionDate: string;
  standard: string | null;
  rules: MetricRule[];
}

/** "≥ 95 %", "≤ 49 Pa": a rule's requirement in symbols, the same in every language. */
function requirement(rule: MetricRule): string {
  const { metric, min, max } = rule;
  if (min !== null && max !== null)
    return `${formatMetricValue(metric, min)} – ${formatMetricValue(metric, max)}`;
  if (min !== null) return `≥ ${formatMetricValue(metric, min)}`;
  return max === null ? "" : `≤ ${formatMetricValue(metric, max)}`;
}

/**
 * A lab's report for a batch, metric by metric against the rule set in force on its production date:
 * each value shows whether it meets its requirement as it is typed.
 */
export function TestReportForm({
  batches,
  initial,
}: {
  batches: LabBatchChoice[];
  initial: { batchId: string | null; complaintId: number | null };
}) {
  const t = useTranslations("lab");
  const { state, send, busy } = useTxAction<ReportPosted>();
  const [batchId, setBatchId] = useState(initial.batchId ?? batches[0]?.batchId ?? "");
  const [values, setValues] = useState<Record<number, string>>({});
  const [retest, setRetest] = useState(initial.complaintId !== null);
  const ruling = state.kind === "confirmed" ? state.result.ruling : null;
  // The complaint the page was opened for, until this form's retest has decided it.
  const complaintId =
    initial.batchId === batchId && ruling?.complaintId !== initial.complaintId ? initial.complaintId : null;
  const batch = batches.find((b) => b.batchId === batchId);
  const rules = batch?.rules ?? [];

  const judged = rules.map((rule) => {
    const typed = values[rule.metric] ?? "";
    const fixed = typed.trim() === "" ? null : toFixedPoint(typed, METRICS[rule.metric].scale);
    return { rule, typed, fixed, passes: fixed === null ? null : metricPasses(fixed, rule) };
  });
  const failing = judged.filter((j) => j.passes === false).length;
  const complete = judged.every((j) => j.fixed !== null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await send(`/api/lab/batches/${batchId}/reports`, {
      results: judged.map((j) => ({ metric: j.rule.metric, value: j.fixed ?? j.typed })),
      retest,
      ...(complaintId === null ? {} : { complaintId }),
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4" data-form="test-report">
      <Field label={t("form.batch")}>
        <select
          name="batch"
          value={batchId}
          onChange={(e) => {
            setBatchId(e.target.value);
            setValues({});
          }}
          className={INPUT}
        >
          {batches.map((b) => (
            <option key={b.batchId} value={b.batchId}>
              {t("form.batchOption", { lot: b.lot, gtin: b.gtin })}
            </option>
          ))}
        </select>
      </Field>
      {batch !== undefined && (
        <p className="text-sm text-slate-700">
          {batch.standard === null
            ? t("form.noStandard")
            : t("form.standard", { standard: batch.standard, date: batch.productionDate })}
        </p>
      )}
      {rules.length > 0 && (
        <div className="rounded-xl border border-slate-200 bg-white text-sm">
          <div className="hidden grid-cols-[minmax(0,2fr)_10rem_8rem_9rem] gap-3 rounded-t-xl bg-slate-100 px-3 py-2 font-semibold sm:grid">
            <span>{t("form.metric")}</span>
            <span>{t("form.value")}</span>
            <span>{t("form.requirement")}</span>
            <span>{t("form.verdict")}</span>
          </div>
          <ul>
            {judged.map(({ rule, typed, fixed, passes }) => {
              const id = `metric-${rule.metric}`;
              return (
                <li
                  key={rule.metric}
                  data-metric={METRICS[rule.metric].key}
                  className="grid grid-cols-1 gap-2 border-t border-slate-100 px-3 py-2 first:border-t-0 sm:grid-cols-[minmax(0,2fr)_11rem_8rem_9rem] sm:items-center sm:gap-3"
                >
                  <label htmlFor={id} className="font-medium sm:font-normal">
                    {t(`metrics.${rule.metric}`)}
                  </label>
                  {/* On a phone the value, its requirement and its mark share one line under the name. */}
                  <div className="flex flex-wrap items-center gap-3 sm:contents">
                    <span className="flex w-44 items-center gap-1">
                      <input
                        id={id}
                        name={METRICS[rule.metric].key}
                        inputMode="decimal"
                        required
                        value={typed}
                        aria-invalid={passes === false || (typed !== "" && fixed === null)}
                        onChange={(e) => setValues((v) => ({ ...v, [rule.metric]: e.target.value }))}
                        className={`${INPUT} min-w-0 flex-1`}
                      />
                      <span className="w-12 shrink-0 text-slate-600">{METRICS[rule.metric].unit}</span>
                    </span>
                    <span className="whitespace-nowrap tabular-nums">{requirement(rule)}</span>
                    <span>
                      {typed === "" ? (
                        <span className="text-slate-500">{t("form.pending")}</span>
                      ) : (
                        <CheckMark
                          ok={fixed !== null && passes === true}
                          text={
                            fixed === null ? t("form.notANumber") : passes ? t("form.pass") : t("form.fail")
                          }
                        />
                      )}
                    </span>
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <p
        aria-live="polite"
        className="text-sm font-medium"
        data-overall={complete ? (failing === 0 ? "pass" : "fail") : "incomplete"}
      >
        {!complete
          ? t("form.incomplete")
          : failing === 0
            ? t("form.allPass")
            : t("form.someFail", { count: failing })}
      </p>
      <CheckboxField label={t("form.retest")} checked={retest} onValue={setRetest} />
      {complaintId !== null && <p className="text-sm">{t("form.forComplaint", { id: complaintId })}</p>}
      <SubmitButton disabled={busy || batch === undefined || rules.length === 0}>
        {t("form.submit")}
      </SubmitButton>
      <TxProgress
        state={state}
        confirmedText={
          state.kind !== "confirmed"
            ? undefined
            : ruling === null
              ? t("form.done", { index: state.result.reportIndex })
              : t("form.doneRuled", {
                  index: state.result.reportIndex,
                  id: ruling.complaintId,
                  upheld: String(ruling.upheld),
                })
        }
      />
    </form>
  );
}
