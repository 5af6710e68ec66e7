// The signature check: whether the maker's signature over (GTIN, lot, serial) in the code was made with the lot's signing key.
// Its sentences are in signature.messages.ts; registry.ts lists it.
import { sameAddress } from "../../parties";
import { defineCheck, fail, pass, unknown } from "../check";
import { signatureMessages } from "./signature.messages";

export const signature = defineCheck({
  id: "signature",
  essential: true,
  priority: 40,
  messages: signatureMessages,
  run({ code, batch, product, recoveredSigner, common }, text) {
    if (batch === null) return unknown(text.noLot());
    // The maker signs (GTIN, lot, serial); a code without a serial has nothing to sign.
    if (code.serial === null) return unknown(text.noSerial());
    const maker = product?.manufacturer.name ?? common.theMaker();
    if (code.signature === null) return fail(text.missing(maker));
    if (recoveredSigner === null) return fail(text.malformed());
    if (!sameAddress(recoveredSigner, batch.signer)) {
      return fail(text.wrongSigner(recoveredSigner, batch.signer, maker, batch.lot));
    }
    return pass(text.valid(maker, batch.lot, batch.signer));
  },
});
