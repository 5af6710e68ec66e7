"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useTxAction } from "@/components/field/use-tx-action";
import { boxesFor, massBalance, masksPerKg, yieldWithinCeiling } from "@/lib/domain/backoffice";
import { formatDecimal } from "@/lib/domain/format";
import type { BatchRegistered } from "@/lib/queries/backoffice";
import { CheckMark, Field, INPUT, InputField, SubmitButton } from "@/components/forms/fields";
import { useFields } from "@/components/forms/use-fields";
import { injectedWallet } from "@/components/field/wallet";
import { LabelSheet } from "./LabelSheet";
import { makeBatchLabels, publishList, type MadeBatch } from "./made-labels";

export interface ProductChoice {
  gtin: string;
  name: string;
  categoryName: string;
  typicalMasksPerKg: number;
  maxMasksPerKg: number;
  minHoldDays: number;
}

export interface LotChoice {
  lotId: number;
  code: string;
  remainingGrams: number;
}

interface MaterialRow {
  lotId: string;
  kg: string;
}

const kgText = (grams: number) => formatDecimal(grams / 1000, 3);
/** Kilograms as typed, in grams; 0 for anything that is not a number yet. */
const gramsOf = (typed: string) => {
  const kg = Number(typed);
  return typed.trim() !== "" && Number.isFinite(kg) && kg > 0 ? Math.round(kg * 1000) : 0;
};
const wholeOf = (typed: string) => (/^\d+$/.test(typed.trim()) ? Number(typed) : 0);

/** Where the possession list of a batch made in this browser is: being published, published, or not. */
type Publishing = { kind: "making" | "publishing" | "published" } | { kind: "failed"; message: string };

/**
 * A manufacturer registers a batch against its meltblown lots and workshop. As the quantities are
 * typed, it shows the mass balance (kilograms used against what the chosen lots have left) and the
 * yield against the category's ceiling: what the contract will check, before anything is sent.
 * With a browser wallet, the batch's label-signing key and box secrets are made here (made-labels.ts):
 * only the key's address and the possession root are sent, the wallet sends the registration, the
 * possession list is published, and the labels are printed from this page (LabelSheet). Without one
 * (the demo's act-as switch), the server makes the demo's labels.
 */
export function BatchForm({
  products,
  lots,
  workshops,
  defaults,
  labelBase,
}: {
  products: ProductChoice[];
  lots: LotChoice[];
  workshops: string[];
  defaults: { produced: string; expiry: string; serialStart: number };
  /** The Digital Link origin printed in the labels' QR codes. */
  labelBase: string;
}) {
  const t = useTranslations("manufacturer");
  const tl = useTranslations("labelMaker.desk");
  const { state, send, busy } = useTxAction<BatchRegistered>();
  const [made, setMade] = useState<{ labels: MadeBatch; batchId: string } | null>(null);
  const [publishing, setPublishing] = useState<Publishing | null>(null);
  const [gtin, setGtin] = useState(products[0]?.gtin ?? "");
  const { values, bind } = useFields({
    lot: "",
    produced: defaults.produced,
    expiry: defaults.expiry,
    masks: "",
    masksPerBox: "50",
    serialStart: String(defaults.serialStart),
  });
  const { lot, expiry, masks, masksPerBox: perBox, serialStart } = values;
  const [workshop, setWorkshop] = useState(workshops[0] ?? "");
  const [materials, setMaterials] = useState<MaterialRow[]>([
    { lotId: String(lots[0]?.lotId ?? ""), kg: "" },
  ]);

  const product = products.find((p) => p.gtin === gtin) ?? products[0];
  const draws = materials
    .filter((m) => m.lotId !== "")
    .map((m) => ({
      lotId: Number(m.lotId),
      requestedGrams: gramsOf(m.kg),
      remainingGrams: lots.find((l) => l.lotId === Number(m.lotId))?.remainingGrams ?? 0,
    }));
  const balance = massBalance(draws);
  const maskCount = wholeOf(masks);
  const perKg = masksPerKg(maskCount, balance.requestedGrams);
  const withinCeiling =
    product !== undefined &&
    perKg !== null &&
    yieldWithinCeiling(maskCount, balance.requestedGrams, product.maxMasksPerKg);
  const boxes = boxesFor(maskCount, wholeOf(perBox));
  const first = wholeOf(serialStart);

  const setRow = (index: number, row: Partial<MaterialRow>) =>
    setMaterials((rows) => rows.map((r, i) => (i === index ? { ...r, ...row } : r)));

  async function publish(labels: MadeBatch, batchId: string) {
    setPublishing({ kind: "publishing" });
    const outcome = await publishList(batchId, labels);
    setPublishing(outcome.ok ? { kind: "published" } : { kind: "failed", message: outcome.message });
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = {
      gtin,
      ...values,
      workshop,
      materials: materials.map((m) => ({ lotId: m.lotId, kg: m.kg })),
    };
    if (injectedWallet() === null || boxes === 0 || first === 0) {
      await send("/api/manufacturer/batches", body);
      return;
    }
    setMade(null);
    setPublishing({ kind: "making" });
    // Seconds for a large batch, in slices: "making" shows and the page stays responsive meanwhile.
    const labels = await makeBatchLabels({ gtin, lot, expiry, serialStart: first, boxes });
    setPublishing(null);
    const outcome = await send("/api/manufacturer/batches", {
      ...body,
      signer: labels.commitment.signer,
      possessionRoot: labels.commitment.possessionRoot,
    });
    if (outcome.kind !== "confirmed") return;
    setMade({ labels, batchId: outcome.result.batchId });
    await publish(labels, outcome.result.batchId);
  }

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form onSubmit={submit} className="space-y-4" data-form="batch">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label={t("batch.product")} className="sm:col-span-2">
            <select name="gtin" value={gtin} onChange={(e) => setGtin(e.target.value)} className={INPUT}>
              {products.map((p) => (
                <option key={p.gtin} value={p.gtin}>
                  {p.name} ({p.gtin})
                </option>
              ))}
            </select>
          </Field>
          <InputField label={t("batch.lot")} required maxLength={20} {...bind("lot")} />
          <Field label={t("batch.workshop")}>
            <select
              name="workshop"
              value={workshop}
              onChange={(e) => setWorkshop(e.target.value)}
              className={INPUT}
            >
              {workshops.map((w) => (
                <option key={w} value={w}>
                  {w}
                </option>
              ))}
            </select>
          </Field>
          <InputField label={t("batch.produced")} type="date" required {...bind("produced")} />
          <InputField label={t("batch.expiry")} type="date" required {...bind("expiry")} />
          <InputField label={t("batch.masks")} required inputMode="numeric" {...bind("masks")} />
          <InputField label={t("batch.perBox")} required inputMode="numeric" {...bind("masksPerBox")} />
          <InputField label={t("batch.serialStart")} required inputMode="numeric" {...bind("serialStart")} />
        </div>

        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">{t("batch.materials")}</legend>
          {materials.map((row, index) => (
            <div key={index} className="flex flex-wrap items-end gap-2" data-material={index}>
              <Field label={t("batch.materialLot")} className="flex-1">
                <select
                  name={`material-${index}-lot`}
                  value={row.lotId}
                  onChange={(e) => setRow(index, { lotId: e.target.value })}
                  className={INPUT}
                >
                  <option value="">{t("batch.chooseLot")}</option>
                  {lots.map((l) => (
                    <option key={l.lotId} value={l.lotId}>
                      {t("batch.lotOption", { lotId: l.lotId, code: l.code, left: kgText(l.remainingGrams) })}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t("batch.materialKg")} className="w-32">
                <input
                  name={`material-${index}-kg`}
                  inputMode="decimal"
                  value={row.kg}
                  onChange={(e) => setRow(index, { kg: e.target.value })}
                  className={INPUT}
                />
              </Field>
              {materials.length > 1 && (
                <button
                  type="button"
                  onClick={() => setMaterials((rows) => rows.filter((_, i) => i !== index))}
                  className="rounded-lg border border-slate-300 px-3 py-2 text-sm"
                >
                  {t("batch.removeMaterial")}
                </button>
              )}
            </div>
          ))}
          {materials.length < 8 && (
            <button
              type="button"
              onClick={() => setMaterials((rows) => [...rows, { lotId: "", kg: "" }])}
              className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm"
            >
              {t("batch.addMaterial")}
            </button>
          )}
        </fieldset>

        <section
          aria-label={t("batch.live")}
          aria-live="polite"
          className="space-y-2 rounded-xl border border-slate-200 bg-white p-3 text-sm"
        >
          <p className="flex flex-wrap items-center gap-2" data-live="mass">
            <strong>{t("batch.massBalance")}</strong>
            <CheckMark
              ok={balance.requestedGrams === 0 ? null : balance.overdrawn.length === 0}
              text={
                balance.overdrawn.length === 0
                  ? t("batch.massOk")
                  : t("batch.overdrawn", {
                      lotId: balance.overdrawn[0] ?? 0,
                      left: kgText(draws.find((d) => d.lotId === balance.overdrawn[0])?.remainingGrams ?? 0),
                    })
              }
            />
            <span>
              {t("batch.massLine", {
                requested: kgText(balance.requestedGrams),
                available: kgText(balance.availableGrams),
              })}
            </span>
          </p>
          <p className="flex flex-wrap items-center gap-2" data-live="yield">
            <strong>{t("batch.yield")}</strong>
            {perKg === null || maskCount === 0 || product === undefined ? (
              <span>{t("batch.yieldUnknown")}</span>
            ) : (
              <>
                <CheckMark
                  ok={withinCeiling}
                  text={
                    !withinCeiling
                      ? t("batch.yieldAbove")
                      : perKg > product.typicalMasksPerKg
                        ? t("batch.yieldHigh")
                        : t("batch.yieldOk")
                  }
                />
                <span>
                  {t("batch.yieldLine", {
                    perKg,
                    typical: product.typicalMasksPerKg,
                    ceiling: product.maxMasksPerKg,
                  })}
                </span>
              </>
            )}
          </p>
          {boxes > 0 && first > 0 && (
            <p data-live="boxes">{t("batch.boxes", { boxes, first, last: first + boxes - 1 })}</p>
          )}
        </section>

        <SubmitButton disabled={busy}>{t("batch.submit")}</SubmitButton>
        <TxProgress
          state={state}

          confirmedText={
            state.kind === "confirmed" ? t("batch.done", { lot, boxes: state.result.boxes }) : undefined
          }
        />
        {publishing !== null && (
          <p
            role={publishing.kind === "failed" ? "alert" : "status"}
            className="text-sm"
            data-publishing={publishing.kind}
          >
            {publishing.kind === "failed"
              ? tl("publishFailed", { message: publishing.message })
              : tl(publishing.kind, { boxes })}
          </p>
        )}
        {publishing?.kind === "failed" && made !== null && (
          <button
            type="button"
            onClick={() => void publish(made.labels, made.batchId)}
            className="rounded-lg border border-slate-400 px-4 py-2 text-sm"
          >
            {tl("publishAgain")}
          </button>
        )}
      </form>

      {made !== null && (
        <div className="lg:col-span-2">
          <LabelSheet
            made={made.labels}
            base={labelBase}
            product={{
              name: products.find((p) => p.gtin === made.labels.batch.gtin)?.name ?? "",
              standard: products.find((p) => p.gtin === made.labels.batch.gtin)?.categoryName ?? "",
            }}
          />
        </div>
      )}
      {product !== undefined && (
        <aside
          className="space-y-2 self-start rounded-xl border border-slate-200 bg-white p-4 text-sm"
          data-rules
        >
          <h3 className="font-semibold">{t("rules.heading")}</h3>
          <ul className="list-disc space-y-1 pl-5">
            <li>{t("rules.product")}</li>
            <li>{t("rules.licence")}</li>
            <li>{t("rules.workshop")}</li>
            <li>{t("rules.mass")}</li>
            <li>{t("rules.yield", { ceiling: product.maxMasksPerKg, category: product.categoryName })}</li>
            <li>{t("rules.dates")}</li>
            <li>{t("rules.release", { days: product.minHoldDays })}</li>
          </ul>
        </aside>
      )}
    </div>
  );
}
