// The registered check: whether the product, the lot and the box's serial were registered by the maker.
// Its sentences are in registered.messages.ts; registry.ts lists it.
import type { BatchInfo, SerialInfo } from "../../record";
import { defineCheck, fail, pass, unknown } from "../check";
import { registeredMessages } from "./registered.messages";

/** A serial the maker issued: all digits, inside the batch's range, and not contradicted by the chain. */
function isIssuedSerial(serial: string, batch: BatchInfo, serialInfo: SerialInfo | null): boolean {
  if (!/^\d{1,20}$/.test(serial)) return false;
  if (serialInfo?.inRange === false) return false;
  if (!Number.isSafeInteger(batch.serialStart) || !Number.isSafeInteger(batch.boxes)) {
    return serialInfo?.inRange === true;
  }
  // Serials may be longer than a double holds exactly.
  const value = BigInt(serial);
  const start = BigInt(batch.serialStart);
  return value >= start && value < start + BigInt(batch.boxes);
}

export const registered = defineCheck({
  id: "registered",
  essential: true,
  authenticity: true,
  priority: 30,
  messages: registeredMessages,
  run({ code, product, batch, record }, text) {
    if (product === null) return fail(text.unknownProduct(code.gtin));
    // A retail barcode cannot name a lot; that is not evidence against the box.
    if (code.lot === null) return unknown(text.productOnly(product));
    if (batch === null) return fail(text.unknownLot(code.lot, product));
    if (code.serial === null) return unknown(text.noSerial(batch, product.manufacturer.name));
    if (!isIssuedSerial(code.serial, batch, record.serial)) {
      return fail(text.serialNotIssued(code.serial, batch));
    }
    return pass(text.issued(code.serial, batch, product));
  },
});
