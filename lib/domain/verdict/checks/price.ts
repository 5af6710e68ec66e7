// The price check: whether the lot was recorded above a price cap, and the retail cap where the box was scanned.
// Its sentences are in price.messages.ts; registry.ts lists it.
import { shortPartyName } from "../../format";
import { capInForce } from "../../price-caps";
import { defineCheck, pass, unknown, warn } from "../check";
import { priceMessages } from "./price.messages";

export const price = defineCheck({
  id: "price",
  essential: false,
  authenticity: false,
  priority: 130,
  messages: priceMessages,
  run({ product, batch, record, region, now }, text) {
    if (product === null) return unknown(text.noProduct());
    const prices = batch?.prices ?? [];
    const violations = prices.filter((p) => p.violation).sort((a, b) => a.observedAt - b.observedAt);
    const [firstViolation] = violations;
    if (firstViolation !== undefined) {
      return warn(
        text.violations(violations.map(text.violation), shortPartyName(firstViolation.seller.name)),
      );
    }
    const recorded = prices
      .filter((p) => p.channel === "retail")
      .sort((a, b) => a.observedAt - b.observedAt)
      .map(text.withinCap);
    const cap = capInForce(record.caps, product.category, "retail", region, now);
    if (cap === null) return unknown(text.noCap(recorded));
    return pass(text.capHere(cap, recorded));
  },
});
