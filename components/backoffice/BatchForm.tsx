"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { TxProgress } from "@/components/field/TxProgress";
import { useTxAction } from "@/components/field/use-tx-action";
import { boxesFor, massBalance, masksPerKg, yieldWithinCeiling } from "@/lib/domain/backoffice";
import { formatDecimal } from "@/lib/domain/format";
import type { BatchRegistered } from "@/lib/queries/backoffice";
import { BUTTON, CheckMark, Field, INPUT } from "@/components/forms/fields";

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

/**
 * A manufacturer registers a batch against its meltblown lots and workshop. As the quantities are
 * typed, it shows the mass balance (kilograms used against what the chosen lots have left) and the
 * yield against the category's ceiling: what the contract will check, before anything is sent.
 */
export function BatchForm({
  products,
  lots,
  workshops,
  defaults,
}: {
  products: ProductChoice[];
  lots: LotChoice[];
  workshops: string[];
  defaults: { produced: string; expiry: string; serialStart: number };
}) {
  const t = useTranslations("manufacturer");
  const { state, send, busy } = useTxAction<BatchRegistered>();
  const [gtin, setGtin] = useState(products[0]?.gtin ?? "");
  const [lot, setLot] = useState("");
  const [produced, setProduced] = useState(defaults.produced);
  const [expiry, setExpiry] = useState(defaults.expiry);
  const [masks, setMasks] = useState("");
  const [perBox, setPerBox] = useState("50");
  const [serialStart, setSerialStart] = useState(String(defaults.serialStart));
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

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await send("/api/manufacturer/batches", {
      gtin,
      lot,
      produced,
      expiry,
      masks,
      masksPerBox: perBox,
      serialStart,
      workshop,
      materials: materials.map((m) => ({ lotId: m.lotId, kg: m.kg })),
    });
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
          <Field label={t("batch.lot")}>
            <input
              name="lot"
              required
              maxLength={20}
              value={lot}
              onChange={(e) => setLot(e.target.value)}
              className={INPUT}
            />
          </Field>
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
          <Field label={t("batch.produced")}>
            <input
              name="produced"
              type="date"
              required
              value={produced}
              onChange={(e) => setProduced(e.target.value)}
              className={INPUT}
            />
          </Field>
          <Field label={t("batch.expiry")}>
            <input
              name="expiry"
              type="date"
              required
              value={expiry}
              onChange={(e) => setExpiry(e.target.value)}
              className={INPUT}
            />
          </Field>
          <Field label={t("batch.masks")}>
            <input
              name="masks"
              required
              inputMode="numeric"
              value={masks}
              onChange={(e) => setMasks(e.target.value)}
              className={INPUT}
            />
          </Field>
          <Field label={t("batch.perBox")}>
            <input
              name="masksPerBox"
              required
              inputMode="numeric"
              value={perBox}
              onChange={(e) => setPerBox(e.target.value)}
              className={INPUT}
            />
          </Field>
          <Field label={t("batch.serialStart")}>
            <input
              name="serialStart"
              required
              inputMode="numeric"
              value={serialStart}
              onChange={(e) => setSerialStart(e.target.value)}
              className={INPUT}
            />
          </Field>
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

        <button type="submit" disabled={busy} className={BUTTON}>
          {t("batch.submit")}
        </button>
        <TxProgress
          state={state}

          confirmedText={
            state.kind === "confirmed" ? t("batch.done", { lot, boxes: state.result.boxes }) : undefined
          }
        />
      </form>

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
