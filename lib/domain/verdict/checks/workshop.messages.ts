// The workshop check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; workshop.ts decides the status.
import type { BatchInfo } from "../../record";
import type { Outcome } from "../check";
import type { Locale } from "../../locale";
import {
  formatCleanClass,
  formatDate,
  formatHumidity,
  formatInteger,
  formatPressure,
  formatTemperature,
  formattersIn,
} from "../../format";

const en = {
  noBatch: (): Outcome => ({
    title: "No lot to check the workshop of",
    detail: "Workshops are named per lot, and this code names no registered lot.",
  }),
  none: (): Outcome => ({
    title: "No workshop attestation on the record",
    detail: "The record does not say which clean workshop made this lot or how clean it was.",
  }),
  notCovering: (workshop: string, validFrom: number, validUntil: number, producedAt: number): Outcome => ({
    title: "The workshop was not attested on the production date",
    detail:
      `${workshop}'s attestation was valid from ${formatDate(validFrom)} to ${formatDate(validUntil)}, ` +
      `but the lot was made on ${formatDate(producedAt)}.`,
  }),
  attested: (
    attestation: NonNullable<BatchInfo["attestation"]>,
    auditor: string,
    producedAt: number,
  ): Outcome => ({
    title: `Made in a ${formatCleanClass(attestation.cleanClass)} clean workshop`,
    detail:
      `${attestation.workshopName} was attested by ${auditor} on ${formatDate(attestation.attestedAt)}: ` +
      `particles ≥0.5 µm ${formatInteger(attestation.particles05PerM3)}/m³ and ≥5 µm ` +
      `${formatInteger(attestation.particles5PerM3)}/m³, airborne microbes ` +
      `${formatInteger(attestation.airborneCfuPerM3)} CFU/m³, settling microbes ` +
      `${formatInteger(attestation.settlingCfuPerPlate)} CFU/plate, ` +
      `${formatTemperature(attestation.temperatureDeciC)}, ${formatHumidity(attestation.humidityDeciPct)}, ` +
      `pressure difference ${formatPressure(attestation.pressureDeciPa)}; ` +
      (attestation.staffHealthChecked && attestation.staffTrained
        ? "staff health checks and training on record. "
        : "staff health checks or training not on record. ") +
      `Valid ${formatDate(attestation.validFrom)} to ${formatDate(attestation.validUntil)}, covering the ` +
      `production date ${formatDate(producedAt)}.`,
  }),
};

/** The shape of this check's catalogue in every language: the compiler checks the Chinese one against it. */
export type WorkshopMessages = typeof en;

const ZH = "zh-CN";
const { date, integer } = formattersIn(ZH);

const zhCN: WorkshopMessages = {
  noBatch: () => ({
    title: "没有可核查车间的批次",
    detail: "生产车间按批次登记，而此码没有标明已登记的批号。",
  }),
  none: () => ({
    title: "记录中没有车间洁净度证明",
    detail: "记录中没有说明该批次在哪个洁净车间生产，也没有洁净度数据。",
  }),
  notCovering: (workshop, validFrom, validUntil, producedAt) => ({
    title: "生产当天车间不在洁净度证明有效期内",
    detail: `${workshop}的洁净度证明有效期为 ${date(validFrom)} 至 ${date(validUntil)}，但该批次生产于 ${date(producedAt)}。`,
  }),
  attested: (attestation, auditor, producedAt) => ({
    title: `在${formatCleanClass(attestation.cleanClass, ZH)}洁净车间生产`,
    detail:
      `${attestation.workshopName}由${auditor}于 ${date(attestation.attestedAt)} 检测：` +
      `≥0.5 µm 尘埃粒子 ${integer(attestation.particles05PerM3)}/m³，≥5 µm ` +
      `${integer(attestation.particles5PerM3)}/m³，浮游菌 ${integer(attestation.airborneCfuPerM3)} CFU/m³，` +
      `沉降菌 ${integer(attestation.settlingCfuPerPlate)} CFU/皿，` +
      `温度 ${formatTemperature(attestation.temperatureDeciC, ZH)}，${formatHumidity(attestation.humidityDeciPct, ZH)}，` +
      `静压差 ${formatPressure(attestation.pressureDeciPa, ZH)}；` +
      (attestation.staffHealthChecked && attestation.staffTrained
        ? "生产人员健康检查和培训均有记录。"
        : "生产人员健康检查或培训没有记录。") +
      `有效期 ${date(attestation.validFrom)} 至 ${date(attestation.validUntil)}，覆盖生产日期 ${date(producedAt)}。`,
  }),
};

export const workshopMessages: Record<Locale, WorkshopMessages> = { en, "zh-CN": zhCN };
