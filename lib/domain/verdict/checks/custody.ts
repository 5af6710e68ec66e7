// The custody check: whether the lot travelled through licensed hands, and the routes it took.
// Its sentences are in custody.messages.ts; registry.ts lists it.
import type { ShipmentInfo } from "../../record";
import { capitalised, shortPartyName } from "../../format";
import { isReleased } from "../../batch-status";
import { sameAddress } from "../../parties";
import { defineCheck, pass, unknown, warn } from "../check";
import { custodyMessages } from "./custody.messages";

/** Bounds the work of tracing routes through a pathological shipment graph. */
const MAX_CUSTODY_ROUTES = 10;

/**
 * Every route boxes took from the maker, following shipments that were not rejected (a rejection sends
 * the boxes back). Routes end where boxes were not shipped on.
 */
function custodyRoutes(shipments: readonly ShipmentInfo[], origin: string): string[][] {
  const next = new Map<string, string[]>();
  const receivers = new Set<string>();
  for (const shipment of shipments) {
    if (shipment.status === "rejected") continue;
    const from = shipment.from.toLowerCase();
    const to = shipment.to.toLowerCase();
    const targets = next.get(from) ?? [];
    if (!targets.includes(to)) targets.push(to);
    next.set(from, targets);
    receivers.add(to);
  }
  // Normally every route starts at the maker; if the maker is not among the senders, start from whoever
  // shipped without receiving, so the record is still told.
  const starts = next.has(origin.toLowerCase())
    ? [origin.toLowerCase()]
    : [...next.keys()].filter((sender) => !receivers.has(sender));
  const routes: string[][] = [];
  const walk = (path: string[]) => {
    if (routes.length >= MAX_CUSTODY_ROUTES) return;
    const last = path[path.length - 1] ?? "";
    const onward = (next.get(last) ?? []).filter((party) => !path.includes(party));
    if (onward.length === 0) {
      routes.push(path);
      return;
    }
    for (const party of onward) walk([...path, party]);
  };
  for (const start of starts) walk([start]);
  return routes;
}

export const custody = defineCheck({
  id: "custody",
  essential: false,
  authenticity: false,
  priority: 120,
  messages: custodyMessages,
  run({ batch, product, now, nameOf, common }, text) {
    if (batch === null) return unknown(text.noBatch());
    const makerAccount = product?.manufacturer.account ?? "";
    const makerName = product?.manufacturer.name ?? capitalised(common.theMaker());
    if (!isReleased(batch) && batch.shipments.length === 0) return warn(text.neverShipped(makerName));

    const holding = batch.holders.filter((h) => h.boxes > 0);
    const held = text.held(
      holding.map((h) => text.holding(h.party.name || nameOf(h.party.account), h.boxes)),
    );
    // Makers hold their own boxes under their production licence; everyone else needs a filing.
    const problems: string[] = [];
    for (const { party, boxes } of holding) {
      if (makerAccount && sameAddress(party.account, makerAccount)) continue;
      if (party.suspendedAt !== null && party.suspendedAt <= now) {
        problems.push(text.holderSuspended(party.name, boxes, party.suspendedAt));
      } else if (!party.hasValidFiling) problems.push(text.holderWithoutFiling(party.name, boxes));
    }
    if (problems.length > 0) return warn(text.unlicensedHolder(problems, held));
    if (batch.shipments.length === 0) return pass(text.withMaker(makerName, held));

    const hopName = (address: string) =>
      makerAccount && sameAddress(address, makerAccount) ? text.makerHop() : shortPartyName(nameOf(address));
    const routes = custodyRoutes(batch.shipments, makerAccount).map((route) =>
      route.map(hopName).join(" → "),
    );
    const shipments = [...batch.shipments]
      .sort((a, b) => a.shippedAt - b.shippedAt)
      .map((s) => text.shipment(nameOf(s.from), nameOf(s.to), s));
    return pass(text.traced(routes, shipments, held));
  },
});
