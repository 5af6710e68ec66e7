"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { metricPasses, toFixedPoint } from "@/lib/domain/backoffice";
import { formatMetricValue } from "@/lib/domain/format";
import { METRICS, type MetricRule } from "@/lib/domain/standards";
import { useBackofficeAction } from "./use-backoffice-action";
import { BUTTON, CheckMark, Field, INPUT } from "./fields";

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
  const router = useRouter();
  const { state, words, send, busy } = useBackofficeAction<{
    txHash: string;
    blockNumber: number;
    reportIndex: number;
  }>();
  const [batchId, setBatchId] = useState(initial.batchId ?? batches[0]?.batchId ?? "");
  const [values, setValues] = useState<Record<number, string>>({});
  const [retest, setRetest] = useState(initial.complaintId !== null);
  const complaintId = initial.batchId === batchId ? initial.complaintId : null;
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
    const outcome = await send(`/api/lab/batches/${batchId}/reports`, {
      results: judged.map((j) => ({ metric: j.rule.metric, value: j.fixed ?? j.typed })),
      retest,
      ...(complaintId === null ? {} : { complaintId }),
    });
    if (outcome.kind === "confirmed") router.refresh();
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
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th className="px-3 py-2">{t("form.metric")}</th>
                <th className="px-3 py-2">{t("form.value")}</th>
                <th className="px-3 py-2">{t("form.requirement")}</th>
                <th className="px-3 py-2">{t("form.verdict")}</th>
              </tr>
            </thead>
            <tbody>
              {judged.map(({ rule, typed, fixed, passes }) => {
                const id = `metric-${rule.metric}`;
                return (
                  <tr
                    key={rule.metric}
                    className="border-t border-slate-100"
                    data-metric={METRICS[rule.metric].key}
                  >
                    <td className="px-3 py-2">
                      <label htmlFor={id}>{t(`metrics.${rule.metric}`)}</label>
                    </td>
                    <td className="px-3 py-2">
                      <span className="flex w-36 items-center gap-1">
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
                        <span className="text-slate-600">{METRICS[rule.metric].unit}</span>
                      </span>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap tabular-nums">{requirement(rule)}</td>
                    <td className="px-3 py-2">
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
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
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
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={retest}
          onChange={(e) => setRetest(e.target.checked)}
          className="h-4 w-4"
        />
        {t("form.retest")}
      </label>
      {complaintId !== null && <p className="text-sm">{t("form.forComplaint", { id: complaintId })}</p>}
      <button type="submit" disabled={busy || batch === undefined || rules.length === 0} className={BUTTON}>
        {t("form.submit")}
      </button>
      <TxProgress
        state={state}
        words={words}
        confirmedText={
          state.kind === "confirmed" ? t("form.done", { index: state.result.reportIndex }) : undefined
        }
      />
    </form>
  );
}
