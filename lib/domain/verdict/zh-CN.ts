// The verdict's sentences in Chinese: the same catalogue as `en` in verdict.ts, built from the same record
// facts, with the same type (a sentence missing here fails the type check). Only words change: check ids,
// statuses and the verdict level are decided in verdict.ts, the same for every language.
import type { VerdictMessages } from "./index";
import type { ComplaintInfo, PriceCapInfo, PriceRecordInfo, ShipmentInfo } from "../record";
import {
  categoryName,
  formatCleanClass,
  formatHumidity,
  formatList,
  formatMasks,
  formatMasksPerKg,
  formatPressure,
  formatSerialRange,
  formatTemperature,
  formatTimes,
  shortAddress,
  shortPartyName,
  formattersIn,
} from "../format";
import { regionName } from "../regions";

const ZH = "zh-CN";
const { date, dateTime, integer, boxes, days, kg, yuan, yuanPerPiece, method } = formattersIn(ZH);

/** "：原因", or nothing when the record gives none. */
function reasonSuffix(reason: string): string {
  return reason.trim() ? `：${reason.trim()}` : "";
}

/** "（依据）", or nothing when the record gives none. */
function basisSuffix(basis: string): string {
  return basis.trim() ? `（${basis.trim()}）` : "";
}

/** Why an unsold box's earlier checks are counted from its lot's delivery (scan-window.ts). */
const PRE_DELIVERY_SCANS = "到货前的查验不计入：任何人都可以在包装盒上架前扫描一个批次的码。";

const DIVERTED = "未放行批次的产品一律不得销售：市场上出现的该批次产品是在放行前流出的。";

const CHANNEL: Record<PriceCapInfo["channel"], string> = {
  "ex-factory": "出厂",
  wholesale: "批发",
  retail: "零售",
};

const COMPLAINT_KIND: Record<ComplaintInfo["kind"], string> = {
  "spec-failure": "口罩不符合标准",
  counterfeit: "以此码销售假冒产品",
  "price-above-cap": "售价超过限价",
};

function shipmentOutcome(shipment: ShipmentInfo): string {
  const on = (at: number | null) => (at === null ? "" : `于 ${date(at)} `);
  if (shipment.status === "accepted") return `，已${on(shipment.settledAt)}签收`;
  if (shipment.status === "rejected")
    return `，已${on(shipment.settledAt)}拒收${reasonSuffix(shipment.note)}`;
  return "，等待签收";
}

export const zhCN: VerdictMessages = {
  couldNotCheck: () => ({
    title: "此项核查未能完成",
    detail: "此项核查所需的部分记录无法读取，其他核查不受影响。",
  }),
  code: {
    bareGtin: (gtin) => ({
      title: "此条码只标识产品，请扫描包装盒上的二维码",
      detail:
        `零售条码只包含产品编号（GTIN ${gtin}）。批号、包装盒序列号和生产企业的数字签名都在包装盒上的` +
        "二维码（DataMatrix 或 QR 码）里。",
    }),
    noSerial: (gtin, lot) => ({
      title: "此码只标识批次，不标识这一盒",
      detail:
        `此码标明产品 ${gtin}、批号 ${lot}，但没有序列号，因此无法核查这一盒。` +
        "请找包装盒上同时带有序列号的二维码。",
    }),
    expiryMismatch: (printed, recorded, lot) => ({
      title: "码上的失效日期与记录不符",
      detail:
        `此码标注的失效日期为 ${printed}，但批号 ${lot} 登记的失效日期为 ${recorded}。` +
        "正品包装盒上印的是本批次自己的日期：这一盒可能被改过标签。",
    }),
    productionMismatch: (printed, recorded, lot) => ({
      title: "码上的生产日期与记录不符",
      detail:
        `此码标注的生产日期为 ${printed}，但批号 ${lot} 登记的生产日期为 ${recorded}。` +
        "正品包装盒上印的是本批次自己的日期：这一盒可能被改过标签。",
    }),
    complete: (code, printedExpiry) => ({
      title: "此码标识了这一盒",
      detail:
        `产品 ${code.gtin}，批号 ${code.lot}，序列号 ${code.serial}` +
        (printedExpiry === null ? "。" : `，标注失效日期 ${printedExpiry}。`),
    }),
  },
  registered: {
    unknownProduct: (gtin) => ({
      title: "此产品没有登记记录",
      detail: `没有任何生产企业登记过产品 ${gtin}。参与企业的每一种正品都在生产第一盒之前登记。`,
    }),
    productOnly: (product) => ({
      title: `${product.name} 由${product.manufacturer.name}登记`,
      detail:
        `该产品（GTIN ${product.gtin}，${categoryName(product.category, ZH)}）已登记，` +
        "但没有批号就无法核查这一盒本身。",
    }),
    unknownLot: (lot, product) => ({
      title: `此产品没有登记批号 ${lot}`,
      detail:
        `${product.manufacturer.name}登记了 ${product.name}（GTIN ${product.gtin}），但从未登记批号 ${lot}。` +
        "批号未登记的包装盒不是该企业的产品。",
    }),
    noSerial: (batch, maker) => ({
      title: "没有可核查的序列号",
      detail:
        `批号 ${batch.lot} 由${maker}于 ${date(batch.registeredAt)} 登记，但此码不含序列号，` +
        "无法证明这一盒属于该批次。",
    }),
    serialNotIssued: (serial, batch) => ({
      title: `批号 ${batch.lot} 从未发放序列号 ${serial}`,
      detail:
        `批号 ${batch.lot} 共发放 ${boxes(batch.boxes)}，序列号为 ` +
        `${formatSerialRange(batch.serialStart, batch.boxes, ZH)}，${serial} 不在其中。` +
        "带有企业从未发放的序列号的码是仿冒的。",
    }),
    issued: (serial, batch, product) => ({
      title: `由${product.manufacturer.name}登记`,
      detail:
        `${product.name}（GTIN ${product.gtin}）批号 ${batch.lot} 由${product.manufacturer.name}于 ` +
        `${date(batch.registeredAt)} 登记。序列号 ${serial} 在已发放的 ${integer(batch.boxes)} 个序列号` +
        `（${formatSerialRange(batch.serialStart, batch.boxes, ZH)}）之内。`,
    }),
  },
  signature: {
    noLot: () => ({
      title: "没有可用于核对签名的批次",
      detail: "生产企业的签名密钥按批次登记，而此码没有标明已登记的批号。",
    }),
    noSerial: () => ({
      title: "没有可核对签名的序列号",
      detail: "生产企业对每一盒的产品、批号和序列号签名；此码不含序列号。",
    }),
    missing: (maker) => ({
      title: "码上没有生产企业的签名",
      detail: `该批次每一盒的二维码中都带有${maker}的数字签名，而此码没有。没有签名的码不是生产企业印制的。`,
    }),
    malformed: () => ({
      title: "码上的签名已损坏或系伪造",
      detail: "此码的签名字段有内容，但不是对该产品、批号和序列号的有效签名。",
    }),
    wrongSigner: (recovered, expected, maker, lot) => ({
      title: "此码不是生产企业签发的",
      detail:
        `此码由密钥 ${shortAddress(recovered, ZH)} 签名，而${maker}为批号 ${lot} 签名使用的密钥是 ` +
        `${shortAddress(expected, ZH)}。此码是他人制作的。`,
    }),
    valid: (maker, lot, signer) => ({
      title: "有生产企业的签名",
      detail:
        `对该产品、批号和序列号的签名，使用的是${maker}为批号 ${lot} 登记的签名密钥` +
        `（${shortAddress(signer, ZH)}）。没有该密钥无法伪造。`,
    }),
  },
  licence: {
    noBatch: () => ({
      title: "没有可用于核对许可证的批次",
      detail: "许可证要按批次的生产日期核对，而此码没有标明已登记的批号。",
    }),
    invalidAtProduction: (document, licence, producedAt) => ({
      title: `生产时${document}无效`,
      detail:
        `${document} ${licence.number} 的有效期为 ${date(licence.validFrom)} 至 ${date(licence.validUntil)}` +
        (licence.revokedAt === null
          ? ""
          : `，并于 ${date(licence.revokedAt)} 被吊销${reasonSuffix(licence.revocationReason)}`) +
        `。该批次生产于 ${date(producedAt)}，当时${document}无效。`,
    }),
    notCovering: (document, licence, category) => ({
      title: `${document}不涵盖此类口罩`,
      detail: `${document} ${licence.number} 的范围不包括${categoryName(category, ZH)}。`,
    }),
    revokedSince: (document, licence, revokedAt, producedAt) => ({
      title: `生产时持证有效；${document}已于 ${date(revokedAt)} 吊销`,
      detail:
        `该批次于 ${date(producedAt)} 在${document} ${licence.number} 下生产，当时有效。` +
        `该证于 ${date(revokedAt)} 被吊销${reasonSuffix(licence.revocationReason)}。吊销前生产的产品仍保留在记录中。`,
    }),
    makerSuspended: (maker, suspendedAt) => ({
      title: `${maker.name}已被暂停`,
      detail: `监管部门于 ${date(suspendedAt)} 暂停了${maker.name}。该批次是在其许可证下登记的，请留意召回通知。`,
    }),
    missing: (documents) => ({
      title: "缺少许可证信息",
      detail: `记录中没有该批次的${formatList(documents, ZH)}。`,
    }),
    valid: (production, certificate, producedAt, maker) => ({
      title: "在有效许可证下生产",
      detail:
        `由${maker}于 ${date(producedAt)} 生产，生产许可证 ${production.number}` +
        `（有效期 ${date(production.validFrom)} 至 ${date(production.validUntil)}），注册证 ` +
        `${certificate.number}（有效期 ${date(certificate.validFrom)} 至 ${date(certificate.validUntil)}）。`,
    }),
  },
  workshop: {
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
  },
  material: {
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
  },
  tests: {
    noBatch: () => ({
      title: "没有可核查检验结果的批次",
      detail: "检验机构按批次检验，而此码没有标明已登记的批号。",
    }),
    none: () => ({
      title: "记录中没有检验结果",
      detail: "没有检验机构按该批次生产日期适用的标准发布检验结果。",
    }),
    failed: (report, lab, standard, failure) => ({
      title: failure === null ? "检验不合格" : `检验不合格：${failure}`,
      detail:
        `${lab}于 ${date(report.testedAt)} 按 ${standard} 进行的${report.retest ? "复检" : "检验"}不合格` +
        (failure === null ? "。" : `：${failure}。`) +
        "不符合标准的口罩可能无法起到防护作用。",
    }),
    passed: (report, lab, ruleSet, results, earlierFailed) => ({
      title: `${ruleSet.standard} 全部 ${integer(ruleSet.rules.length)} 项检验合格`,
      detail:
        `${lab}于 ${date(report.testedAt)} 按 ${ruleSet.standard} 检验：${results.join("，")}。` +
        (report.retest
          ? earlierFailed
            ? "这是复检结果：此前的检验报告不合格，检验机构对该批次重新进行了检验。"
            : "这是首次报告后安排的复检结果。"
          : ""),
    }),
  },
  release: {
    noBatch: () => ({
      title: "没有可核查放行的批次",
      detail: "此码没有标明已登记的批号。",
    }),
    inHold: (sterilisation, holdEnds, minHoldDays) => ({
      title: "生产企业尚未放行",
      detail:
        `由${sterilisation.sterilizer}采用${method(sterilisation.method)}灭菌至 ${date(sterilisation.endedAt)}；` +
        `供残留气体解析的 ${integer(minHoldDays)} 天解析期到 ${date(holdEnds)} 结束，生产企业尚未放行该批次。${DIVERTED}`,
    }),
    holdOver: (sterilisation, holdEnded, minHoldDays) => ({
      title: "生产企业尚未放行",
      detail:
        `由${sterilisation.sterilizer}采用${method(sterilisation.method)}灭菌至 ${date(sterilisation.endedAt)}；` +
        `${integer(minHoldDays)} 天解析期已于 ${date(holdEnded)} 结束，但生产企业尚未放行该批次。${DIVERTED}`,
    }),
    notSterilised: () => ({
      title: "生产企业尚未放行",
      detail: `没有灭菌记录，生产企业也尚未放行该批次。${DIVERTED}`,
    }),
    early: (releasedAt, sterilisation, heldDays, minHoldDays) => ({
      title: `灭菌后仅 ${days(heldDays)}就放行`,
      detail:
        `${method(sterilisation.method)}灭菌于 ${date(sterilisation.endedAt)} 结束，${date(releasedAt)} 即放行，` +
        `只隔了 ${days(heldDays)}；残留气体从口罩中解析至少需要 ${days(minHoldDays)}。`,
    }),
    afterHold: (releasedAt, sterilisation, heldDays, minHoldDays) => ({
      title: `解析 ${days(heldDays)}后放行`,
      detail:
        `经 ${days(heldDays)}解析后于 ${date(releasedAt)} 放行：由${sterilisation.sterilizer}采用` +
        `${method(sterilisation.method)}灭菌，时间为 ${date(sterilisation.startedAt)} 至 ` +
        `${date(sterilisation.endedAt)}；残留气体解析至少需要 ${days(minHoldDays)}。`,
    }),
    releasedWithoutSterilisation: (releasedAt) => ({
      title: `已于 ${date(releasedAt)} 放行`,
      detail: `生产企业于 ${date(releasedAt)} 放行了该批次。记录中没有灭菌信息。`,
    }),
  },
  expiry: {
    noBatch: () => ({
      title: "没有可核查失效日期的批次",
      detail: "此码没有标明已登记的批号，无法确认其失效日期。",
    }),
    expired: (expiry, lot) => ({
      title: `已于 ${date(expiry)} 过期`,
      detail: `批号 ${lot} 的使用期限到 ${date(expiry)}。过期口罩可能已不能有效过滤，也可能不再无菌。`,
    }),
    soon: (expiry, daysLeft) => ({
      title:
        daysLeft < 1
          ? `失效日期 ${date(expiry)}：今天是最后一天`
          : `失效日期 ${date(expiry)}：还剩 ${days(daysLeft)}`,
      detail: `该批次可使用到 ${date(expiry)}。只买到期前用得完的数量，使用前请再看一下日期。`,
    }),
    fine: (expiry, producedAt) => ({
      title: `失效日期 ${date(expiry)}`,
      detail: `生产于 ${date(producedAt)}；该批次可使用到 ${date(expiry)}。`,
    }),
  },
  recall: {
    noBatch: () => ({
      title: "没有可核查召回的批次",
      detail: "召回按批次发布，而此码没有标明已登记的批号。",
    }),
    recalled: (at, reason) => ({
      title: `已于 ${date(at)} 召回`,
      detail: `监管部门于 ${date(at)} 召回了该批次${reasonSuffix(reason)}。请勿使用，并退回给销售方。`,
    }),
    none: (lot, asOf) => ({
      title: "未被召回",
      detail: `截至 ${date(asOf)}，记录中没有批号 ${lot} 的召回。`,
    }),
  },
  custody: {
    noBatch: () => ({
      title: "没有可追溯的批次",
      detail: "流通记录按批次登记，而此码没有标明已登记的批号。",
    }),
    neverShipped: (maker) => ({
      title: "生产企业从未发货",
      detail: `${maker}尚未放行该批次，也从未发货：店里的这些包装盒不是经持证渠道流通来的。`,
    }),
    unlicensedHolder: (problems, held) => ({
      title: "该批次的持有方缺少有效资质",
      detail: `${problems.join("")}${held}`,
    }),
    holderWithoutFiling: (holder, count) =>
      `${holder}持有 ${boxes(count)}，但没有有效的第二类医疗器械经营备案。`,
    holderSuspended: (holder, count, at) =>
      `${holder}持有 ${boxes(count)}，已于 ${date(at)} 被监管部门暂停。`,
    withMaker: (maker, held) => ({
      title: "尚未发货：全部包装盒都在生产企业",
      detail: `${maker}已放行该批次，但还没有发出任何货物。${held}`,
    }),
    traced: (routes, shipments, held) => ({
      title:
        routes.length <= 1
          ? (routes[0] ?? "经持证渠道流通")
          : `${routes[0]}，另有 ${integer(routes.length - 1)} 条流通路线`,
      detail: `${shipments.join("；")}。${held}`,
    }),
    makerHop: () => "生产企业",
    shipment: (from, to, shipment) =>
      `${from}于 ${date(shipment.shippedAt)} 向${to}发货 ${boxes(shipment.boxes)}${shipmentOutcome(shipment)}`,
    held: (holdings) =>
      holdings.length === 0 ? "目前没有人持有该批次的包装盒。" : `目前持有：${holdings.join("、")}。`,
    holding: (holder, count) => `${holder} ${integer(count)} 盒`,
  },
  clone: {
    noSerial: () => ({
      title: "没有可核查复制码的序列号",
      detail: "复制码要靠包装盒的序列号识别，而此码没有标明已登记的包装盒。",
    }),
    saleUnknown: () => ({
      title: "无法读取销售记录",
      detail: "无法从记录中读取这一盒是否已经售出。",
    }),
    sold: (seller, soldAt, devicesAfterSale) => ({
      title: `此码已于 ${date(soldAt)} 在${shortPartyName(seller.name)}售出`,
      detail:
        `这一盒已于 ${dateTime(soldAt)} 在${seller.name}售出。如果您就是那时在那里买的，这就是您的那一盒；` +
        "在其他任何地方出现的同码包装盒都是复制的。" +
        (devicesAfterSale !== null && devicesAfterSale > 1
          ? `售出后已有 ${integer(devicesAfterSale)} 台不同的设备查验过此码。`
          : ""),
    }),
    historyUnavailable: () => ({
      title: "无法读取查验记录",
      detail: "这一盒尚未经登记药店售出。查验记录暂时无法读取，因此无法显示此码此前的查验情况。",
    }),
    firstCheck: (deliveredAt) => ({
      title: "首次查验这一盒",
      detail:
        deliveredAt === null
          ? "此前没有人查验过此码，它也尚未经登记药店售出。"
          : `自该批次于 ${date(deliveredAt)} 到货以来，没有人查验过此码，它也尚未经登记药店售出。` +
            PRE_DELIVERY_SCANS,
    }),
    checkedBefore: (scans, deliveredAt) => ({
      title:
        `此前已被查验 ${formatTimes(scans.count, ZH)}` +
        (scans.firstVerifiedAt === null ? "" : `；首次于 ${date(scans.firstVerifiedAt)}`) +
        (scans.firstPlace ? `，在${scans.firstPlace}` : ""),
      detail:
        (deliveredAt === null ? "此码此前" : `自该批次于 ${date(deliveredAt)} 到货以来，此码`) +
        `已被查验 ${formatTimes(scans.count, ZH)}` +
        (scans.firstVerifiedAt === null ? "" : `，首次是 ${dateTime(scans.firstVerifiedAt)}`) +
        (scans.firstPlace ? `，在${scans.firstPlace}` : "") +
        "。它尚未经登记药店售出。如果那些查验不是您做的，说明别人也见过此码。" +
        (deliveredAt === null ? "" : PRE_DELIVERY_SCANS),
    }),
  },
  price: {
    noProduct: () => ({
      title: "没有价格信息",
      detail: "限价按口罩类别设定，而此产品没有登记。",
    }),
    violations: (records, seller) => ({
      title: `${seller}的售价超过限价`,
      detail: `${records.join("")}检查人员的记录针对的是销售方，与口罩本身的质量无关。`,
    }),
    violation: (record: PriceRecordInfo) =>
      `${date(record.observedAt)} 在${record.seller.name}记录到售价 ${yuanPerPiece(record.fenPerPiece)}，超过` +
      (record.cap === null
        ? "限价。"
        : `${CHANNEL[record.cap.channel]}限价 ${yuanPerPiece(record.cap.fenPerPiece)}${basisSuffix(record.cap.legalBasis)}。`),
    noCap: (recorded) => ({
      title: "本地没有零售限价",
      detail: `本地区没有此类口罩的零售限价记录。${recorded.join("")}`,
    }),
    capHere: (cap, recorded) => ({
      title: `本地零售限价：${yuanPerPiece(cap.fenPerPiece)}`,
      detail:
        `${regionName(cap.region) ?? `地区 ${cap.region}`}自 ${date(cap.effectiveFrom)} 起执行的零售限价为 ` +
        `${yuanPerPiece(cap.fenPerPiece)}${basisSuffix(cap.legalBasis)}。${recorded.join("")}`,
    }),
    withinCap: (record) =>
      `${date(record.observedAt)} 在${record.seller.name}记录到售价 ${yuanPerPiece(record.fenPerPiece)}，未超过限价。`,
  },
  complaints: {
    noBatch: () => ({
      title: "没有投诉记录",
      detail: "投诉按批次记录，而这一盒所属的批次不在记录中。",
    }),
    none: () => ({
      title: "没有投诉",
      detail: "没有人就该批次提出投诉。",
    }),
    dismissedOnly: (dismissed) => ({
      title: "没有成立的投诉",
      detail: `关于该批次的 ${integer(dismissed)} 件投诉均已驳回。`,
    }),
    underInvestigation: (upheld, details) => ({
      title: "该批次正在接受调查",
      detail: `关于该批次的投诉已有 ${integer(upheld)} 件成立，达到监管部门立案调查的条件。${details.join("")}`,
    }),
    upheld: (details) => ({
      title: "关于该批次的一件投诉已成立",
      detail: details.join(""),
    }),
    pending: (details) => ({
      title: "关于该批次有一件投诉尚在处理",
      detail: `${details.join("")}该投诉尚未裁定；在此之前不能据此下任何结论。`,
    }),
    kind: (kind) => COMPLAINT_KIND[kind],
    upheldOne: (c, thisBox) =>
      `${date(c.filedAt)} 提出的一件关于“${COMPLAINT_KIND[c.kind]}”的投诉${thisBox ? "（正是这一盒）" : ""}` +
      `已于 ${date(c.ruledAt ?? c.filedAt)} ${c.byRetest ? "经检验机构复检" : "经检查人员裁定"}成立` +
      `${c.tracedToLot ? "，并追溯到熔喷布批次" : ""}：${c.respondent.name}从保证金中向购买者支付赔偿 ` +
      `${yuan(c.compensationFen)}，并缴纳罚款 ${yuan(c.fineFen)}。` +
      (c.shortfallFen > 0 ? `其中 ${yuan(c.shortfallFen)} 因保证金不足未能支付。` : ""),
    pendingOne: (c, thisBox) =>
      `${date(c.filedAt)} 有人针对${c.respondent.name}提出一件关于“${COMPLAINT_KIND[c.kind]}”的投诉` +
      `${thisBox ? "（正是这一盒）" : ""}` +
      (c.status === "answered"
        ? "，对方已答复，将由检查人员裁定。"
        : `，对方可在 ${date(c.answerDeadline)} 前答复。`),
  },
  headline: {
    not_found: () => "没有登记的生产企业使用此产品编号",
    genuine: () => "由持证企业生产、检验并放行，流向可追溯到货架",
    incomplete: () => "记录不完整：请阅读下方记录没有说明的内容",
  },
  documents: {
    production: () => "生产许可证",
    certificate: () => "注册证",
  },
  theMaker: () => "生产企业",
};
