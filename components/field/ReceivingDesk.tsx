"use client";

import { useRef, useState } from "react";
import { HandheldScanInput } from "@/components/scan/HandheldScanInput";
import { isOtherBatch, tallyReceipt } from "@/lib/domain/field-scans";
import { BoxList } from "./BoxList";
import { inFlight, postAction, type ActionState } from "./post-action";
import { TxProgress } from "./TxProgress";
import { useBoxChecks } from "./use-box-checks";
import type { ShipmentDecided } from "@/lib/queries/field";
import { formatYuan } from "@/lib/domain/format";

interface Shipment {
  id: number;
  gtin: string;
  lot: string;
  boxes: number;
}

/**
 * The receiving desk: a keyboard-wedge scanner fires box after box into one field that keeps the focus,
 * a live tally against the shipment, then one transaction accepting or rejecting the whole delivery.
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
  const suggestedReason = `${tally.suspect} suspect of ${boxes.length} boxes scanned; ${tally.verified} of ${tally.expected} verified.`;

  async function decide(decision: "accept" | "reject") {
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
    ["Expected", tally.expected, "expected"],
    ["Verified", tally.verified, "verified"],
    ["Suspect", tally.suspect, "suspect"],
    ["Duplicate scans", tally.duplicates, "duplicates"],
  ];

  return (
    <div className="space-y-4">
      <HandheldScanInput
        onFound={scan}
        inputRef={codeInput}
        heading="Scan each box"
        submitLabel="Add"
        keepScanning
      />
      <dl aria-label="Tally" aria-live="polite" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
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
      {tally.checking > 0 && <p className="text-sm text-slate-600">Checking {tally.checking} …</p>}
      <BoxList
        boxes={boxes}
        note={(box) => (isOtherBatch(box, shipment) ? "Not this shipment's batch" : null)}
      />

      {decided === null ? (
        <section aria-label="Decision" className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4">
          {tally.suspect > 0 && (
            <p className="font-medium text-red-800">
              {tally.suspect} suspect {tally.suspect === 1 ? "box" : "boxes"}: reject the delivery, or set
              them aside and report them.
            </p>
          )}
          {tally.suspect === 0 && tally.missing > 0 && (
            <p className="text-sm text-slate-700">{tally.missing} expected boxes not verified yet.</p>
          )}
          {order !== null && (
            <p className="text-sm text-slate-700">
              This delivery fulfils purchase order {order.id}: accepting pays {order.sellerName} from escrow,
              rejecting refunds you.
            </p>
          )}
          <button
            type="button"
            disabled={inFlight(state)}
            onClick={() => decide("accept")}
            className="w-full rounded-xl bg-emerald-700 px-4 py-2.5 font-semibold text-white disabled:opacity-50"
          >
            Accept the delivery
          </button>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Reason for a rejection
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
            Reject the delivery
          </button>
          <TxProgress state={state} />
        </section>
      ) : (
        <>
          <TxProgress
            state={state}
            confirmedText={
              decided === "accepted"
                ? "Delivery accepted: the boxes are now in your stock."
                : "Delivery rejected: the boxes go back to the sender."
            }
          />
          {state.kind === "confirmed" && <Settlement order={state.result.order} />}
        </>
      )}
    </div>
  );
}

/** What the receipt did to the purchase order, read back from the order book after it confirmed. */
function Settlement({ order }: { order: ShipmentDecided["order"] }) {
  if (order === null) return null;
  const amount = formatYuan(order.amountFen);
  return (
    <p
      data-settlement={order.status}
      className="rounded-xl border border-emerald-300 bg-emerald-50 p-3 text-sm font-medium text-emerald-950"
    >
      {order.status === "released"
        ? `Purchase order ${order.id} settled: ${amount} paid to ${order.sellerName} from escrow.`
        : order.status === "refunded"
          ? `Purchase order ${order.id} settled: ${amount} refunded to you from escrow.`
          : `Purchase order ${order.id} is ${order.status}.`}
    </p>
  );
}
