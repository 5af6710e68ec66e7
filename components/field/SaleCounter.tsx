"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { SALE_DELAY_SECONDS } from "./sale-delay";
import { HandheldScanInput } from "@/components/scan/HandheldScanInput";
import { parseScannedCode } from "@/lib/domain/gs1";
import { postAction, type ActionState } from "./post-action";
import { TxProgress } from "./TxProgress";

interface Sale {
  id: number;
  text: string;
  label: string;
  sendAt: number;
  state: ActionState | { kind: "held" } | { kind: "undone" };
}

/** Selling at the counter: scan the box, and its code is decommissioned on chain after the undo window. */
export function SaleCounter() {
  const codeInput = useRef<HTMLInputElement>(null);
  const [sales, setSales] = useState<Sale[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const holding = sales.some((s) => s.state.kind === "held");
  const t = useTranslations("fieldDesk.sale");

  useEffect(() => {
    if (!holding) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [holding]);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const update = (id: number, state: Sale["state"]) =>
    setSales((current) => current.map((sale) => (sale.id === id ? { ...sale, state } : sale)));

  function hold(path: string) {
    const text = new URL(path, window.location.origin).href;
    const parsed = parseScannedCode(text);
    const label = parsed.ok
      ? t("line", { lot: parsed.code.lot ?? "—", serial: parsed.code.serial ?? "—" })
      : text;
    const id = nextId.current++;
    const sendAt = Date.now() + SALE_DELAY_SECONDS * 1000;
    setNow(Date.now());
    setSales((current) => [{ id, text, label, sendAt, state: { kind: "held" } }, ...current]);
    timers.current.set(
      id,
      setTimeout(async () => {
        timers.current.delete(id);
        update(id, { kind: "sending" });
        update(id, await postAction("/api/field/sales", { code: text }, (state) => update(id, state)));
      }, SALE_DELAY_SECONDS * 1000),
    );
  }

  function undo(id: number) {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    update(id, { kind: "undone" });
  }

  return (
    <div className="space-y-4">
      <HandheldScanInput
        onFound={hold}
        inputRef={codeInput}
        heading={t("heading")}
        submitLabel={t("submit")}
        keepScanning
      />
      <ol aria-label={t("list")} className="space-y-2">
        {sales.map((sale) => (
          <li
            key={sale.id}
            data-sale={sale.state.kind}
            className="space-y-2 rounded-2xl border border-slate-200 bg-white p-3"
          >
            <p className="font-mono text-sm">{sale.label}</p>
            {sale.state.kind === "held" && (
              <div className="flex items-center justify-between gap-2">
                <span className="text-sm" aria-live="polite">
                  {t("sellingIn", { seconds: Math.max(0, Math.ceil((sale.sendAt - now) / 1000)) })}
                </span>
                <button
                  type="button"
                  onClick={() => undo(sale.id)}
                  className="rounded-lg border-2 border-slate-900 bg-white px-4 py-1.5 font-semibold"
                >
                  {t("undo")}
                </button>
              </div>
            )}
            {sale.state.kind === "undone" && <p className="text-sm text-slate-700">{t("undone")}</p>}
            {sale.state.kind !== "held" && sale.state.kind !== "undone" && (
              <TxProgress state={sale.state} confirmedText={t("sold")} />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
