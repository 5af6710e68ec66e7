"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { yuanAmount } from "./money";
import { HandheldScanInput } from "@/components/scan/HandheldScanInput";
import { deskGate, isOtherBatch, tallyReceipt } from "@/lib/domain/field-scans";
import { BoxList } from "./BoxList";
import { DeskCamera } from "./DeskCamera";
import { inFlight, postAction, type ActionState } from "./post-action";
import { TxProgress } from "./TxProgress";
import { useBoxChecks, type CheckedBox } from "./use-box-checks";
import type { ShipmentDecided } from "@/lib/queries/field";

interface Shipment {
  id: number;
  gtin: string;
  lot: string;
  boxes: number;
}

/**
 * The receiving desk: a keyboard-wedge scanner (or the camera) fires box after box into one field that
 * keeps the focus, a live tally against the shipment, then one transaction accepting or rejecting the
 * whole delivery. Accepting a delivery with boxes the record does not vouch for stops first and asks,
 * naming each box and why; rejecting never needs asking.
 */
export function ReceivingDesk({
  shipment,
  order,
}: {
  shipment: Shipment;
  /** The purchase order this delivery fulfils, which the receipt settles. */
  order: { id: number; sellerName: string } | null;
}) {
  const { boxes, duplicates, scan } = useBoxChecks();
  const codeInput = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ActionState<ShipmentDecided>>({ kind: "idle" });
  const [decided, setDecided] = useState<"accepted" | "rejected" | null>(null);
  const tally = tallyReceipt(boxes, duplicates, shipment);
  const [reason, setReason] = useState("");
  const [asking, setAsking] = useState(false);
  /** Why a box stops the acceptance: its verdict's reason (or that it is still being checked), its batch. */
  const whyUnvouched = (box: CheckedBox) =>
    [
      deskGate(box.verdict) !== "stop"
        ? null
        : box.verdict === null && box.error === null
          ? verdictWords("checking")
          : box.headline || box.error,
      isOtherBatch(box, shipment) ? t("otherBatch") : null,
    ].filter((reason) => reason !== null && reason !== "");
  const unvouched = boxes.filter((box) => deskGate(box.verdict) === "stop" || isOtherBatch(box, shipment));
  const t = useTranslations("fieldDesk.receive");
  const boxWords = useTranslations("fieldDesk.boxes");
  const verdictWords = useTranslations("fieldDesk.verdict");
  const suggestedReason = t("suggestedReason", {
    suspect: tally.suspect,
    scanned: boxes.length,
    verified: tally.verified,
    expected: tally.expected,
  });

  async function decide(decision: "accept" | "reject") {
    setAsking(false);
    setState({ kind: "sending" });
    const outcome = await postAction<ShipmentDecided>(
      `/api/field/shipments/${shipment.id}`,
      {
        decision,
        ...(decision === "reject" ? { reason: reason.trim() || suggestedReason } : {}),
      },
      setState,
    );
    setState(outcome);
    if (outcome.kind === "confirmed") setDecided(decision === "accept" ? "accepted" : "rejected");
  }

  const counts: [string, number, string][] = [
    [t("expected"), tally.expected, "expected"],
    [t("verified"), tally.verified, "verified"],
    [t("suspect"), tally.suspect, "suspect"],
    [t("duplicates"), tally.duplicates, "duplicates"],
  ];

  return (
    <div className="space-y-4">
      <DeskCamera onFound={scan} onEnterInstead={() => codeInput.current?.focus()} />
      <HandheldScanInput
        onFound={scan}
        inputRef={codeInput}
        heading={t("heading")}
        submitLabel={t("add")}
        keepScanning
      />
      <dl aria-label={t("tally")} aria-live="polite" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {counts.map(([label, value, id]) => (
          <div
            key={id}
            className={`rounded-xl border bg-white p-3 ${id === "suspect" && value > 0 ? "border-red-500" : "border-slate-200"}`}
          >
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-2xl font-bold tabular-nums" data-tally={id}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {tally.checking > 0 && (
        <p className="text-sm text-slate-600">{t("checking", { count: tally.checking })}</p>
      )}
      <BoxList boxes={boxes} note={(box) => (isOtherBatch(box, shipment) ? t("otherBatch") : null)} />

      {decided === null ? (
        <section
          aria-label={t("decision")}
          className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4"
        >
          {tally.suspect > 0 && (
            <p className="font-medium text-red-800">{t("suspectWarning", { count: tally.suspect })}</p>
          )}
          {tally.suspect === 0 && tally.missing > 0 && (
            <p className="text-sm text-slate-700">{t("missing", { count: tally.missing })}</p>
          )}
          {order !== null && (
            <p className="text-sm text-slate-700">
              {t("orderNote", { id: order.id, seller: order.sellerName })}
            </p>
          )}
          {asking && unvouched.length > 0 ? (
            <div
              role="alert"
              data-receipt-stopped
              className="space-y-2 rounded-xl border-2 border-red-600 p-3"
            >
              <p className="font-semibold text-red-800">{t("stopHeading", { count: unvouched.length })}</p>
              <ul className="list-disc space-y-1 pl-5 text-sm text-red-900">
                {unvouched.map((box) => (
                  <li key={box.key}>
                    {t("stopBox", {
                      box: boxWords("line", { lot: box.lot ?? "—", serial: box.serial ?? "—" }),
                      reasons: whyUnvouched(box).join(t("reasonSeparator")),
                    })}
                  </li>
                ))}
              </ul>
              <p className="font-medium">{t("stopAsk", { order: order === null ? "false" : "true" })}</p>
              <div className="flex flex-wrap gap-2">
                <button
                  type="button"
                  onClick={() => setAsking(false)}
                  className="rounded-lg bg-slate-900 px-4 py-1.5 font-semibold text-white"
                >
                  {t("back")}
                </button>
                <button
                  type="button"
                  disabled={inFlight(state)}
                  onClick={() => decide("accept")}
                  className="rounded-lg border-2 border-red-700 bg-white px-4 py-1.5 font-semibold text-red-800 disabled:opacity-50"
                >
                  {t("acceptAnyway")}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              disabled={inFlight(state)}
              onClick={() => (unvouched.length > 0 ? setAsking(true) : decide("accept"))}
              className="w-full rounded-xl bg-emerald-700 px-4 py-2.5 font-semibold text-white disabled:opacity-50"
            >
              {t("accept")}
            </button>
          )}
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("rejectReason")}
            <input
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              placeholder={suggestedReason}
              className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
            />
          </label>
          <button
            type="button"
            disabled={inFlight(state)}
            onClick={() => decide("reject")}
            className="w-full rounded-xl border-2 border-red-700 bg-white px-4 py-2.5 font-semibold text-red-800 disabled:opacity-50"
          >
            {t("reject")}
          </button>
          <TxProgress state={state} />
        </section>
      ) : (
        <>
          <TxProgress state={state} confirmedText={decided === "accepted" ? t("accepted") : t("rejected")} />
          {state.kind === "confirmed" && <Settlement order={state.result.order} />}
        </>
      )}
    </div>
  );
}

/** What the receipt did to the purchase order, read back from the order book after it confirmed. */
function Settlement({ order }: { order: ShipmentDecided["order"] }) {
  const t = useTranslations("fieldDesk.receive");
  if (order === null) return null;
  const amount = yuanAmount(order.amountFen);
  const values = { id: order.id, amount, seller: order.sellerName };
  return (
    <p
      data-settlement={order.status}
      className="rounded-xl border border-emerald-300 bg-emerald-50 p-3 text-sm font-medium text-emerald-950"
    >
      {order.status === "released"
        ? t("released", values)
        : order.status === "refunded"
          ? t("refunded", values)
          : t("unsettled", values)}
    </p>
  );
}
