import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/domain/format";
import type { ShipmentOrder } from "@/lib/queries/field";
import { yuanAmount, yuanPerPiece } from "./money";

/**
 * The purchase order a delivery fulfils, as the order book records it: what is in escrow, and what the
 * receipt will do with it (or did: the receipt settles the order in the same transaction).
 */
export async function OrderSummary({ order }: { order: ShipmentOrder }) {
  const t = await getTranslations("fieldPages.order");
  const amount = yuanAmount(order.amountFen);
  return (
    <section
      aria-labelledby="order-heading"
      data-order={order.id}
      data-order-status={order.status}
      className="space-y-1 rounded-2xl border border-slate-200 bg-white p-4"
    >
      <h2 id="order-heading" className="text-lg font-semibold">
        {t("heading", { id: order.id })}
      </h2>
      <p>
        {t("terms", {
          boxes: order.boxes,
          price: yuanPerPiece(order.fenPerPiece),
          seller: order.sellerName,
          amount,
          date: formatDate(order.placedAt),
        })}
      </p>
      {order.status === "fulfilled" && (
        <p className="text-sm text-slate-700">
          {t("pending", { seller: order.sellerName, date: formatDate(order.receiptDeadline) })}
        </p>
      )}
      {order.status === "released" && (
        <p className="font-medium text-emerald-900">{t("released", { amount, seller: order.sellerName })}</p>
      )}
      {order.status === "refunded" && (
        <p className="font-medium text-emerald-900">{t("refunded", { amount })}</p>
      )}
    </section>
  );
}
