"use client";

import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { SALE_DELAY_SECONDS } from "./sale-delay";
import { HandheldScanInput } from "@/components/scan/HandheldScanInput";
import { parseScannedCode } from "@/lib/domain/gs1";
import { boxKey, deskGate } from "@/lib/domain/field-scans";
import type { VerdictLevel } from "@/lib/domain/verdict";
import { DeskCamera } from "./DeskCamera";
import { postAction, type ActionState } from "./post-action";
import { TxProgress } from "./TxProgress";
import { verifyBox } from "./use-box-checks";

type SaleState =
  | ActionState
  | { kind: "checking" }
  /** The record does not vouch for the box: nothing is sent unless the person at the counter says so. */
  | { kind: "stopped"; verdict: VerdictLevel | null; reason: string }
  | { kind: "held"; sendAt: number }
  | { kind: "undone" }
  | { kind: "kept" };

interface Sale {
  id: number;
  /** The box (GTIN/lot/serial): one open sale per box. */
  key: string;
  text: string;
  label: string;
  /** The Caution verdict's reason, shown beside a sale that goes on. */
  note: string | null;
  state: SaleState;
}

/**
 * Selling at the counter: scan the box, its verdict is read first, and its code is decommissioned on
 * chain after the undo window. A box the record does not vouch for (Suspect, not on the record, no
 * verdict) stops before the window starts and asks, with the reason; the handheld field keeps the focus,
 * so the next scan cannot answer the question by its Enter.
 */
export function SaleCounter() {
  const codeInput = useRef<HTMLInputElement>(null);
  const [sales, setSales] = useState<Sale[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  // Kept apart from the state, as in use-box-checks: a scanner sends the next code before React renders.
  const openKeys = useRef(new Set<string>());
  const holding = sales.some((s) => s.state.kind === "held");
  const t = useTranslations("fieldDesk.sale");
  const boxWords = useTranslations("fieldDesk.boxes");

  useEffect(() => {
    if (!holding) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [holding]);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const update = (id: number, change: Partial<Sale>) =>
    setSales((current) => current.map((sale) => (sale.id === id ? { ...sale, ...change } : sale)));

  /** A sale that ended (undone, kept, sent or refused): its box may be scanned for a sale again. */
  function close(sale: Pick<Sale, "id" | "key">, state: SaleState) {
    openKeys.current.delete(sale.key);
    update(sale.id, { state });
  }

  function hold({ id, key, text }: Pick<Sale, "id" | "key" | "text">) {
    const sendAt = Date.now() + SALE_DELAY_SECONDS * 1000;
    setNow(Date.now());
    update(id, { state: { kind: "held", sendAt } });
    timers.current.set(
      id,
      setTimeout(async () => {
        timers.current.delete(id);
        update(id, { state: { kind: "sending" } });
        const outcome = await postAction("/api/field/sales", { code: text }, (state) =>
          update(id, { state }),
        );
        close({ id, key }, outcome);
      }, SALE_DELAY_SECONDS * 1000),
    );
  }

  async function check(path: string) {
    const text = new URL(path, window.location.origin).href;
    const parsed = parseScannedCode(text);
    const label = parsed.ok
      ? t("line", { lot: parsed.code.lot ?? "—", serial: parsed.code.serial ?? "—" })
      : text;
    const key = parsed.ok ? boxKey(parsed.code) : text;
    // A box scanned again while its sale is still open is the same sale, not a second one.
    if (openKeys.current.has(key)) return;
    openKeys.current.add(key);
    const id = nextId.current++;
    setSales((current) => [{ id, key, text, label, note: null, state: { kind: "checking" } }, ...current]);
    const answer = await verifyBox(text, {
      noVerdict: boxWords("noVerdict"),
      unreachable: boxWords("unreachable"),
    });
    const gate = deskGate(answer.verdict);
    if (answer.verdict === null) {
      update(id, { state: { kind: "stopped", verdict: null, reason: answer.error } });
    } else if (gate === "stop") {
      update(id, { state: { kind: "stopped", verdict: answer.verdict, reason: answer.headline } });
    } else {
      if (gate === "note") update(id, { note: answer.headline });
      hold({ id, key, text });
    }
  }

  function undo(sale: Sale) {
    clearTimeout(timers.current.get(sale.id));
    timers.current.delete(sale.id);
    close(sale, { kind: "undone" });
  }

  return (
    <div className="space-y-4">
      <DeskCamera oneAtATime onFound={check} onEnterInstead={() => codeInput.current?.focus()} />
      <HandheldScanInput
        onFound={check}
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
            className={`space-y-2 rounded-2xl border bg-white p-3 ${sale.state.kind === "stopped" ? "border-2 border-red-600" : "border-slate-200"}`}
          >
            <p className="font-mono text-sm">{sale.label}</p>
            {sale.note !== null && (
              <p className="text-sm font-medium text-amber-900">{t("caution", { reason: sale.note })}</p>
            )}
            <SaleStep
              sale={sale}
              now={now}
              onUndo={undo}
              onSellAnyway={hold}
              onKeep={(kept) => close(kept, { kind: "kept" })}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}

/** One sale's line below its box: checking, stopped and asking, counting down, or the transaction. */
function SaleStep({
  sale,
  now,
  onUndo,
  onSellAnyway,
  onKeep,
}: {
  sale: Sale;
  now: number;
  onUndo: (sale: Sale) => void;
  onSellAnyway: (sale: Sale) => void;
  onKeep: (sale: Sale) => void;
}) {
  const t = useTranslations("fieldDesk.sale");
  const { state } = sale;
  switch (state.kind) {
    case "checking":
      return (
        <p role="status" className="text-sm text-slate-700">
          {t("checking")}
        </p>
      );
    case "stopped":
      return (
        <div role="alert" className="space-y-2">
          <p className="font-semibold text-red-800">{t("stopped", { verdict: state.verdict ?? "none" })}</p>
          <p className="text-sm text-red-900">{t("reason", { reason: state.reason })}</p>
          <p className="text-sm">
            <Link href={new URL(sale.text).pathname + new URL(sale.text).search} className="underline">
              {t("seeVerdict")}
            </Link>
          </p>
          <p className="font-medium">{t("ask")}</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              onClick={() => onKeep(sale)}
              className="rounded-lg bg-slate-900 px-4 py-1.5 font-semibold text-white"
            >
              {t("keep")}
            </button>
            <button
              type="button"
              onClick={() => onSellAnyway(sale)}
              className="rounded-lg border-2 border-red-700 bg-white px-4 py-1.5 font-semibold text-red-800"
            >
              {t("sellAnyway")}
            </button>
          </div>
        </div>
      );
    case "held":
      return (
        <div className="flex items-center justify-between gap-2">
          <span className="text-sm" aria-live="polite">
            {t("sellingIn", { seconds: Math.max(0, Math.ceil((state.sendAt - now) / 1000)) })}
          </span>
          <button
            type="button"
            onClick={() => onUndo(sale)}
            className="rounded-lg border-2 border-slate-900 bg-white px-4 py-1.5 font-semibold"
          >
            {t("undo")}
          </button>
        </div>
      );
    case "undone":
      return <p className="text-sm text-slate-700">{t("undone")}</p>;
    case "kept":
      return <p className="text-sm text-slate-700">{t("kept")}</p>;
    default:
      return <TxProgress state={state} confirmedText={t("sold")} />;
  }
}
