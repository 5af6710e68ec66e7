// The clone check: whether this serial was already sold or checked elsewhere: a copied code shows up here.
// Its sentences are in clone.messages.ts; registry.ts lists it.
import { scanWindowStart } from "../../scan-window";
import { defineCheck, fail, pass, unknown } from "../check";
import { cloneMessages } from "./clone.messages";

export const clone = defineCheck({
  id: "clone",
  essential: false,
  authenticity: true,
  priority: 20,
  messages: cloneMessages,
  run({ code, batch, record, scans }, text) {
    if (code.serial === null || batch === null) return unknown(text.noSerial());
    if (record.serial === null) return unknown(text.saleUnknown());
    // A serial the batch never issued is no box's: it has no history to compare (the registered check fails it).
    if (!record.serial.inRange) return unknown(text.noSerial());
    const sale = record.serial.sale;
    // A sold serial is final for the box that was sold: any other box with the code is a copy. The
    // shopper must be told when and where, so their own second scan is not mistaken for a copy. The scans
    // counted are those since the sale (scan-window.ts).
    if (sale !== null) return fail(text.sold(sale.seller, sale.soldAt, scans?.devices ?? null));
    if (scans === null) return unknown(text.historyUnavailable());
    // Unsold: the scans counted are those since the lot's latest delivery, if it has one.
    const deliveredAt = scanWindowStart(record);
    if (scans.count <= 0) return pass(text.firstCheck(deliveredAt));
    return pass(text.checkedBefore(scans, deliveredAt));
  },
});
