// Words the regulator's server components share: a category, a region, a price, a date.
import type { getTranslations } from "next-intl/server";
import { CATEGORIES, isCategoryId } from "@/lib/domain/standards";
import { regionName } from "@/lib/domain/regions";
import { yuanLabel } from "@/lib/domain/price-chart";

export type RegulatorT = Awaited<ReturnType<typeof getTranslations<"regulator">>>;

export const categoryLabel = (t: RegulatorT, category: number) =>
  isCategoryId(category) ? t(`categories.${CATEGORIES[category].key}`) : String(category);

export function regionLabel(t: RegulatorT, code: number): string {
  const name = regionName(code);
  return name === null ? String(code) : t("region", { name, code: String(code) });
}

export const priceLabel = (t: RegulatorT, fen: number) => t("yuanPerPiece", { yuan: yuanLabel(fen) });
