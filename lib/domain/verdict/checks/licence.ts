// The licence check: whether the production licence and registration certificate were valid on the production date and cover the category.
// Its sentences are in licence.messages.ts; registry.ts lists it.
import type { Outcome } from "../check";
import { coversCategory, isLicenceValidAt, revocationInForce } from "../../licences";
import { defineCheck, fail, pass, unknown, warn } from "../check";
import { licenceMessages } from "./licence.messages";

export const licence = defineCheck({
  id: "licence",
  essential: false,
  authenticity: false,
  priority: 90,
  messages: licenceMessages,
  run({ product, batch, now }, text) {
    if (batch === null || product === null) return unknown(text.noBatch());
    const producedAt = batch.productionDate;
    const documents = [
      { name: text.documents.production(), licence: batch.productionLicence },
      { name: text.documents.certificate(), licence: product.certificate },
    ];
    for (const { name, licence } of documents) {
      if (licence === null) continue;
      if (!isLicenceValidAt(licence, producedAt)) {
        return fail(text.invalidAtProduction(name, licence, producedAt));
      }
      if (!coversCategory(licence, product.category)) {
        return fail(text.notCovering(name, licence, product.category));
      }
    }
    // A revocation after production is news for the shopper, but the box was made lawfully.
    const warnings: Outcome[] = [];
    for (const { name, licence } of documents) {
      const revokedAt = licence === null ? null : revocationInForce(licence, now);
      if (licence !== null && revokedAt !== null) {
        warnings.push(text.revokedSince(name, licence, revokedAt, producedAt));
      }
    }
    const suspendedAt = product.manufacturer.suspendedAt;
    if (suspendedAt !== null && suspendedAt <= now) {
      warnings.push(text.makerSuspended(product.manufacturer, suspendedAt));
    }
    const [firstWarning] = warnings;
    if (firstWarning !== undefined) {
      return warn({ title: firstWarning.title, detail: warnings.map((w) => w.detail).join(" ") });
    }
    const production = batch.productionLicence;
    const certificate = product.certificate;
    if (production === null || certificate === null) {
      const missing = documents.filter((d) => d.licence === null).map((d) => d.name);
      return unknown(text.missing(missing));
    }
    return pass(text.valid(production, certificate, producedAt, product.manufacturer.name));
  },
});
