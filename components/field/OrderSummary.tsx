import { formatBoxes, formatDate, formatYuan, formatYuanPerPiece } from "@/lib/domain/format";
import type { ShipmentOrder } from "@/lib/queries/field";

/**
 * The purchase order a delivery fulfils, as the order book records it: what is in escrow, and what the
 * receipt will do with it (or did: the receipt settles the order in the same transaction).
 */
export function OrderSummary({ order }: { order: ShipmentOrder }) {
  const amount = formatYuan(order.amountFen);
  return (
    <section
      aria-labelledby="order-heading"
      data-order={order.id}
      data-order-status={order.status}
      className="space-y-1 rounded-2xl border border-slate-200 bg-white p-4"
    >
      <h2 id="order-heading" className="text-lg font-semibold">
        Purchase order {order.id}
      </h2>
      <p>
        {formatBoxes(order.boxes)} at {formatYuanPerPiece(order.fenPerPiece)} from {order.sellerName}:{" "}
        <strong>{amount}</strong> paid into escrow on {formatDate(order.placedAt)}.
      </p>
      {order.status === "fulfilled" && (
        <p className="text-sm text-slate-700">
          Accepting the delivery pays {order.sellerName} from escrow; rejecting it refunds you, in the same
          transaction. Unanswered by {formatDate(order.receiptDeadline)}, the seller is paid.
        </p>
      )}
      {order.status === "released" && (
        <p className="font-medium text-emerald-900">
          Settled: {amount} paid to {order.sellerName}.
        </p>
      )}
      {order.status === "refunded" && (
        <p className="font-medium text-emerald-900">Settled: {amount} refunded to you.</p>
      )}
    </section>
  );
}
