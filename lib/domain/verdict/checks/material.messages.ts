// The material check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; material.ts decides the status.
import type { Outcome, Sentence } from "../check";
import type { Locale } from "../../locale";
import { formatInteger, formatKg, formatMasks, formatMasksPerKg, formattersIn } from "../../format";

const en = {
  noBatch: (): Outcome => ({
    title: "No lot to check the filter material of",
    detail: "Meltblown use is recorded per lot, and this code names no registered lot.",
  }),
  none: (): Outcome => ({
    title: "No filter material on the record",
    detail: "The record does not say which meltblown fabric lot this batch was made from.",
  }),
  noRules: (): Outcome => ({
    title: "No material rules for this product",
    detail: "Without the product's category the masks made per kg of meltblown cannot be judged.",
  }),
  noUsage: (lots: Sentence): Outcome => ({
    title: "No meltblown use recorded",
    detail: `The batch names ${lots} but records no mass used, so masks per kg cannot be worked out.`,
  }),
  aboveCeiling: (masks: number, grams: number, perKg: number, ceiling: number, lots: Sentence): Outcome => ({
    title: "Too many masks for the filter material used",
    detail:
      `${formatMasks(masks)} from ${formatKg(grams)} of meltblown is ${formatMasksPerKg(perKg)}, above ` +
      `the ceiling of ${formatInteger(ceiling)} for this category: there cannot have been enough filter ` +
      `layer for every mask. Material: ${lots}.`,
  }),
  aboveTypical: (
    perKg: number,
    typical: number,
    ceiling: number,
    masks: number,
    grams: number,
    lots: Sentence,
  ): Outcome => ({
    title: "More masks per kg of meltblown than usual",
    detail:
      `${formatMasksPerKg(perKg)} of meltblown, above the typical ${formatInteger(typical)} for this ` +
      `category (ceiling ${formatInteger(ceiling)}). ${formatMasks(masks)} were made from ` +
      `${formatKg(grams)}: ${lots}. More masks from the same material can mean a thinner filter layer; ` +
      "the lab tests show whether the masks still filter well enough.",
  }),
  normal: (
    perKg: number,
    typical: number,
    ceiling: number,
    masks: number,
    grams: number,
    lots: Sentence,
  ): Outcome => ({
    title: "Enough filter material for every mask",
    detail:
      `${formatMasks(masks)} from ${formatKg(grams)} of meltblown: ${lots}. That is ` +
      `${formatMasksPerKg(perKg)} (typical ${formatInteger(typical)}, ceiling ${formatInteger(ceiling)}).`,
  }),
  /** The mass is named per lot only when there are several; one lot's is the batch's total. */
  lot: (code: string, grade: string, supplier: string, usedGrams: number | null): Sentence =>
    `lot ${code} (${grade}${usedGrams === null ? "" : `, ${formatKg(usedGrams)}`}) from ${supplier}`,
};

/** The shape of this check's catalogue in every language: the compiler checks the Chinese one against it. */
export type MaterialMessages = typeof en;

const ZH = "zh-CN";
const { integer, kg } = formattersIn(ZH);

const zhCN: MaterialMessages = {
  noBatch: () => ({
    title: "没有可核查滤材的批次",
    detail: "熔喷布用量按批次记录，而此码没有标明已登记的批号。",
  }),
  none: () => ({
    title: "记录中没有滤材信息",
    detail: "记录中没有说明该批次使用了哪一批熔喷布。",
  }),
  noRules: () => ({
    title: "此产品没有滤材规则",
    detail: "不知道产品类别，就无法判断每千克熔喷布生产的口罩数量是否合理。",
  }),
  noUsage: (lots) => ({
    title: "没有记录熔喷布用量",
    detail: `该批次使用了${lots}，但没有记录用量，无法算出每千克熔喷布生产的口罩数。`,
  }),
  aboveCeiling: (masks, grams, perKg, ceiling, lots) => ({
    title: "口罩数量超出所用滤材能做的上限",
    detail:
      `用 ${kg(grams)}熔喷布生产了 ${formatMasks(masks, ZH)}，即${formatMasksPerKg(perKg, ZH)}，` +
      `超过该类别 ${integer(ceiling)} 只的上限：滤材不可能够每只口罩用。滤材：${lots}。`,
  }),
  aboveTypical: (perKg, typical, ceiling, masks, grams, lots) => ({
    title: "每千克熔喷布生产的口罩数多于通常水平",
    detail:
      `熔喷布${formatMasksPerKg(perKg, ZH)}，高于该类别通常的 ${integer(typical)} 只` +
      `（上限 ${integer(ceiling)} 只）。用 ${kg(grams)}生产了 ${formatMasks(masks, ZH)}：${lots}。` +
      "同样的滤材做出更多口罩，可能意味着过滤层更薄；检验结果可以说明口罩的过滤性能是否仍然合格。",
  }),
  normal: (perKg, typical, ceiling, masks, grams, lots) => ({
    title: "滤材足够每只口罩使用",
    detail:
      `用 ${kg(grams)}熔喷布生产了 ${formatMasks(masks, ZH)}：${lots}。即${formatMasksPerKg(perKg, ZH)}` +
      `（通常 ${integer(typical)} 只，上限 ${integer(ceiling)} 只）。`,
  }),
  lot: (code, grade, supplier, usedGrams) =>
    `${supplier}的熔喷布批号 ${code}（${grade}${usedGrams === null ? "" : `，${kg(usedGrams)}`}）`,
};

export const materialMessages: Record<Locale, MaterialMessages> = { en, "zh-CN": zhCN };
