import { getTranslations } from "next-intl/server";
import type { PriceCapView } from "@/lib/queries/regulator";
import { capInForceAt } from "@/lib/domain/price-chart";
import { formatDate } from "@/lib/domain/format";
import { categoryLabel, priceLabel, regionLabel } from "./labels";

type CapState = "current" | "scheduled" | "earlier";

/** In force now for its category, region and channel; scheduled for later; or replaced by a later one. */
function capStates(caps: PriceCapView[], now: number): Map<number, CapState> {
  const states = new Map<number, CapState>();
  const keyOf = (cap: PriceCapView) => `${cap.category}|${cap.region}|${cap.channel}`;
  for (const cap of caps) {
    if (cap.effectiveFrom > now) {
      states.set(cap.id, "scheduled");
      continue;
    }
    const inForce = capInForceAt(
      caps.filter((other) => keyOf(other) === keyOf(cap)),
      now,
    );
    states.set(cap.id, inForce === cap ? "current" : "earlier");
  }
  return states;
}

/** The caps in force and scheduled, and (folded) the ones replaced. */
export async function PriceCapTables({ caps, now }: { caps: PriceCapView[]; now: number }) {
  const t = await getTranslations("regulator");
  const states = capStates(caps, now);
  const table = (state: CapState) => {
    const rows = caps.filter((cap) => states.get(cap.id) === state);
    if (rows.length === 0)
      return (
        <p className="text-sm text-slate-600">
          {t(state === "scheduled" ? "caps.noneScheduled" : "caps.noneInForce")}
        </p>
      );
    return (
      <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-caps={state}>
          <thead>
            <tr className="border-b border-slate-200">
              {(["category", "region", "channel", "cap", "from", "basis"] as const).map((column) => (
                <th key={column} scope="col" className="p-2 whitespace-nowrap">
                  {t(`caps.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cap) => (
              <tr key={cap.id} data-cap={cap.id} className="border-b border-slate-100">
                <td className="p-2">{categoryLabel(t, cap.category)}</td>
                <td className="p-2 whitespace-nowrap">{regionLabel(t, cap.region)}</td>
                <td className="p-2">{t(`channels.${cap.channel}`)}</td>
                <td className="p-2 whitespace-nowrap">{priceLabel(t, cap.fenPerPiece)}</td>
                <td className="p-2 whitespace-nowrap">{formatDate(cap.effectiveFrom)}</td>
                <td className="p-2">{cap.legalBasis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  };
  const earlier = caps.filter((cap) => states.get(cap.id) === "earlier");
  return (
    <div className="space-y-4">
      <h3 className="font-semibold">{t("caps.current")}</h3>
      {table("current")}
      <h3 className="font-semibold">{t("caps.scheduled")}</h3>
      {table("scheduled")}
      {earlier.length > 0 && (
        <details>
          <summary className="cursor-pointer font-semibold">{t("caps.earlier")}</summary>
          <div className="mt-2">{table("earlier")}</div>
        </details>
      )}
    </div>
  );
}
