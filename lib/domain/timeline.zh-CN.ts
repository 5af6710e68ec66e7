// The timeline's sentences in Chinese: the same catalogue as `en` in timeline.ts, with the same type.
import type { TimelineMessages } from "./timeline";
import type { ComplaintInfo, PriceRecordInfo, ShipmentInfo } from "./record";
import {
  formatCleanClass,
  formatDateTime,
  formatHumidity,
  formatKg,
  formatMasks,
  formatSerialRange,
  formatTemperature,
  formatYuan,
  shortPartyName,
  sterilisationMethodName,
  formattersIn,
} from "./format";

const ZH = "zh-CN";
const { date, integer, boxes, days, yuanPerPiece } = formattersIn(ZH);

const COMPLAINT_KIND: Record<ComplaintInfo["kind"], string> = {
  "spec-failure": "不符合标准",
  counterfeit: "假冒",
  "price-above-cap": "售价超过限价",
};

const CHANNEL: Record<PriceRecordInfo["channel"], string> = {
  "ex-factory": "出厂",
  wholesale: "批发",
  retail: "零售",
};

/** "于 2026-10-01 " when the record has the date. */
const onDate = (at: number | null) => (at === null ? "" : `于 ${date(at)} `);

function shipmentOutcome(shipment: ShipmentInfo): string {
  if (shipment.status === "accepted") return `已${onDate(shipment.settledAt)}签收。`;
  if (shipment.status === "rejected") {
    const note = shipment.note.trim();
    return `已${onDate(shipment.settledAt)}拒收${note ? `：${note}` : ""}。`;
  }
  return "等待签收。";
}

function priceAgainstCap(record: PriceRecordInfo): string {
  if (record.cap === null) return record.violation ? "，超过限价。" : "；不适用限价。";
  const basis = record.cap.legalBasis.trim();
  return (
    `，${record.violation ? "超过" : "未超过"}限价 ${yuanPerPiece(record.cap.fenPerPiece)}` +
    (basis ? `（${basis}）。` : "。")
  );
}

export const zhCN: TimelineMessages = {
  material: (lot) => ({
    title: `熔喷布批号 ${lot.code} 已登记`,
    detail:
      `${lot.supplier.name}登记了 ${formatKg(lot.massGrams, ZH)} ${lot.grade} 熔喷布；` +
      `其中 ${formatKg(lot.usedGrams, ZH)}用于本批次。`,
  }),
  workshop: (attestation, auditor, coversProduction) => ({
    title: `车间洁净度已核查：${formatCleanClass(attestation.cleanClass, ZH)}`,
    detail:
      `${auditor}核查了${attestation.workshopName}：温度 ${formatTemperature(attestation.temperatureDeciC, ZH)}，` +
      `${formatHumidity(attestation.humidityDeciPct, ZH)}，≥0.5 µm 尘埃粒子 ` +
      `${integer(attestation.particles05PerM3)}/m³；有效期 ${date(attestation.validFrom)} 至 ` +
      `${date(attestation.validUntil)}` +
      (coversProduction ? "，覆盖生产日期。" : "，未覆盖生产日期。"),
  }),
  production: (batch, maker) => ({
    title: `生产 ${formatMasks(batch.masks, ZH)}，装 ${boxes(batch.boxes)}`,
    detail:
      `${maker}生产批号 ${batch.lot}：${formatMasks(batch.masks, ZH)}，每盒 ${integer(batch.masksPerBox)} 只，` +
      `序列号 ${formatSerialRange(batch.serialStart, batch.boxes, ZH)}；失效日期 ${date(batch.expiryDate)}。`,
  }),
  sterilisation: (sterilisation) => ({
    title: `${sterilisationMethodName(sterilisation.method, ZH)}灭菌`,
    detail:
      `${sterilisation.sterilizer}于 ${formatDateTime(sterilisation.startedAt, ZH)} 至 ` +
      `${formatDateTime(sterilisation.endedAt, ZH)} 对本批次进行了灭菌。`,
  }),
  test: (report, lab, standard, results, failure) => ({
    title:
      `${report.retest ? "复检" : "检验"}${report.passed ? "合格" : "不合格"}（${standard}）` +
      (report.passed || failure === null ? "" : `：${failure}`),
    detail: `${lab}按 ${standard} 检验本批次：${results.join("，")}。`,
  }),
  testWithoutRules: (report, lab) => ({
    title: `${report.retest ? "复检" : "检验"}${report.passed ? "合格" : "不合格"}`,
    detail: `${lab}发布了本批次的检验结果；记录中没有其所依据的标准。`,
  }),
  releaseAfterHold: (held, minHoldDays, early) => ({
    title: early ? `灭菌后仅 ${days(held)}就放行` : `解析 ${days(held)}后放行`,
    detail: `灭菌结束 ${days(held)}后，生产企业放行了本批次；残留气体解析至少需要 ${days(minHoldDays)}。`,
  }),
  release: () => ({
    title: "生产企业已放行",
    detail: "生产企业放行了本批次，可以销售。",
  }),
  shipment: (from, to, shipment) => ({
    title: `${boxes(shipment.boxes)}：${shortPartyName(from)} → ${shortPartyName(to)}`,
    detail: `${from}向${to}发货 ${boxes(shipment.boxes)}；${shipmentOutcome(shipment)}`,
  }),
  sale: (seller, soldAt) => ({
    title: `这一盒在${shortPartyName(seller)}售出`,
    detail: `${seller}于 ${formatDateTime(soldAt, ZH)} 记录了这一盒的销售；此码已被使用。`,
  }),
  price: (record) => ({
    title: `价格记录：${shortPartyName(record.seller.name)} ${yuanPerPiece(record.fenPerPiece)}`,
    detail:
      `检查人员在${record.seller.name}记录到${CHANNEL[record.channel]}价 ${yuanPerPiece(record.fenPerPiece)}` +
      priceAgainstCap(record),
  }),
  licenceRevoked: (document, licence) => ({
    title: document === "production" ? "生产许可证被吊销" : "注册证被吊销",
    detail:
      `${licence.number} 已被吊销` +
      (licence.revocationReason.trim() ? `：${licence.revocationReason.trim()}。` : "。") +
      "本批次生产于吊销之前，当时证件有效。",
  }),
  recall: (reason) => ({
    title: "监管部门召回",
    detail: reason.trim() ? `${reason.trim()}。` : "监管部门召回了本批次。",
  }),
  complaintFiled: (c) => ({
    title: `关于第 ${c.serial} 盒的投诉已提交`,
    detail:
      `持有这一盒的购买者针对${c.respondent.name}提出投诉（${COMPLAINT_KIND[c.kind]}），` +
      `对方可在 ${date(c.answerDeadline)} 前答复。`,
  }),
  complaintRuled: (c) =>
    c.status === "upheld"
      ? {
          title: `关于第 ${c.serial} 盒的投诉成立`,
          detail:
            `${c.byRetest ? "检验机构复检" : "检查人员"}裁定投诉成立：${c.respondent.name}从保证金中向购买者` +
            `支付赔偿 ${formatYuan(c.compensationFen, ZH)}，并缴纳罚款 ${formatYuan(c.fineFen, ZH)}。`,
        }
      : {
          title: `关于第 ${c.serial} 盒的投诉被驳回`,
          detail: `${c.byRetest ? "检验机构复检后" : "检查人员"}驳回了该投诉。`,
        },
  theMaker: () => "生产企业",
};
