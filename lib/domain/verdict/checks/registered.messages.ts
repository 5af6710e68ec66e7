// The registered check's sentences, in English and Chinese: one catalogue type per check, so a sentence
// missing in either language fails the type check. Only words live here; registered.ts decides the status.
import type { BatchInfo, ProductInfo } from "../../record";
import type { Outcome } from "../check";
import type { Locale } from "../../locale";
import {
  categoryName,
  formatBoxes,
  formatDate,
  formatInteger,
  formatSerialRange,
  formattersIn,
} from "../../format";

const en = {
  unknownProduct: (gtin: string): Outcome => ({
    title: "This product is not on the record",
    detail:
      `No manufacturer has registered product ${gtin}. Every genuine product of a participating maker ` +
      "is registered before its first box is made.",
  }),
  productOnly: (product: ProductInfo): Outcome => ({
    title: `${product.name} is registered by ${product.manufacturer.name}`,
    detail:
      `The product (GTIN ${product.gtin}, ${categoryName(product.category)}) is registered, but without ` +
      "a lot number the box itself cannot be checked.",
  }),
  unknownLot: (lot: string, product: ProductInfo): Outcome => ({
    title: `No lot ${lot} is registered for this product`,
    detail:
      `${product.manufacturer.name} registered ${product.name} (GTIN ${product.gtin}) but never a lot ` +
      `${lot}. A box with an unregistered lot number is not one of the maker's.`,
  }),
  noSerial: (batch: BatchInfo, maker: string): Outcome => ({
    title: "No serial number to check",
    detail:
      `Lot ${batch.lot} was registered by ${maker} on ${formatDate(batch.registeredAt)}, but the code ` +
      "carries no serial number, so it cannot show that this box is one of the lot's.",
  }),
  serialNotIssued: (serial: string, batch: BatchInfo): Outcome => ({
    title: `Serial ${serial} was never issued for lot ${batch.lot}`,
    detail:
      `Lot ${batch.lot} was issued ${formatBoxes(batch.boxes)} with serials ` +
      `${formatSerialRange(batch.serialStart, batch.boxes)}; ${serial} is not one of them. ` +
      "A code with a serial the maker never issued is a copy.",
  }),
  issued: (serial: string, batch: BatchInfo, product: ProductInfo): Outcome => ({
    title: `Registered by ${product.manufacturer.name}`,
    detail:
      `Lot ${batch.lot} of ${product.name} (GTIN ${product.gtin}) was registered by ` +
      `${product.manufacturer.name} on ${formatDate(batch.registeredAt)}. Serial ${serial} is one of the ` +
      `${formatInteger(batch.boxes)} issued (${formatSerialRange(batch.serialStart, batch.boxes)}).`,
  }),
};

/** The shape of this check's catalogue in every language: the compiler checks the Chinese one against it. */
export type RegisteredMessages = typeof en;

const ZH = "zh-CN";
const { date, integer, boxes } = formattersIn(ZH);

const zhCN: RegisteredMessages = {
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
};

export const registeredMessages: Record<Locale, RegisteredMessages> = { en, "zh-CN": zhCN };
