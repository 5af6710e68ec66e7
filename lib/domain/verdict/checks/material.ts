// The material check: whether the meltblown fabric used could make this many masks (masks per kg against the category's typical figure and ceiling).
// Its sentences are in material.messages.ts; registry.ts lists it.
import { formatList } from "../../format";
import { defineCheck, fail, pass, unknown, warn } from "../check";
import { materialMessages } from "./material.messages";

export const material = defineCheck({
  id: "material",
  essential: false,
  authenticity: false,
  priority: 110,
  messages: materialMessages,
  run({ batch, product, locale }, text) {
    if (batch === null) return unknown(text.noBatch());
    if (batch.materials.length === 0) return unknown(text.none());
    const lots = formatList(
      batch.materials.map((m, _, all) =>
        text.lot(m.code, m.grade, m.supplier.name, all.length > 1 ? m.usedGrams : null),
      ),
      locale,
    );
    if (product === null) return unknown(text.noRules());
    const grams = batch.materials.reduce((sum, m) => sum + m.usedGrams, 0);
    if (!(grams > 0) || !Number.isFinite(grams)) return unknown(text.noUsage(lots));
    const perKg = batch.masks / (grams / 1000);
    const { typicalMasksPerKg: typical, maxMasksPerKg: ceiling } = product.rules;
    if (perKg > ceiling) return fail(text.aboveCeiling(batch.masks, grams, perKg, ceiling, lots));
    if (perKg > typical) return warn(text.aboveTypical(perKg, typical, ceiling, batch.masks, grams, lots));
    return pass(text.normal(perKg, typical, ceiling, batch.masks, grams, lots));
  },
});
