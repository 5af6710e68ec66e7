// The signature check: whether the maker's signature over (GTIN, lot, serial) in the code was made with the lot's signing key.
// A scanned code without one fails (a forger's QR has none); a typed code never carries one, so it is
// judged by its check code instead (lib/domain/check-code.ts), and is unknown, not failed, without one.
// Its sentences are in signature.messages.ts; registry.ts lists it.
import { sameAddress } from "../../parties";
import { defineCheck, fail, pass, unknown, type CheckResult, type TypedCheckCode } from "../check";
import { signatureMessages, type SignatureMessages } from "./signature.messages";

export const signature = defineCheck({
  id: "signature",
  essential: true,
  authenticity: true,
  priority: 40,
  messages: signatureMessages,
  run({ code, entry, batch, product, recoveredSigner, common }, text) {
    if (batch === null) return unknown(text.noLot());
    // The maker signs (GTIN, lot, serial); a code without a serial has nothing to sign.
    if (code.serial === null) return unknown(text.noSerial());
    const maker = product?.manufacturer.name ?? common.theMaker();
    if (code.signature === null) {
      return entry.method === "typed"
        ? typedVerdict(entry.checkCode, maker, text)
        : fail(text.missing(maker));
    }
    if (recoveredSigner === null) return fail(text.malformed());
    if (!sameAddress(recoveredSigner, batch.signer)) {
      return fail(text.wrongSigner(recoveredSigner, batch.signer, maker, batch.lot));
    }
    return pass(text.valid(maker, batch.lot, batch.signer));
  },
});

/** A typed code, which has no signature: what its check code says about it. */
function typedVerdict(checkCode: TypedCheckCode, maker: string, text: SignatureMessages): CheckResult {
  switch (checkCode) {
    case "none":
      return unknown(text.typed(maker));
    case "unpublished":
      return unknown(text.checkCodeUnpublished(maker));
    case "matches":
      return pass(text.checkCodeMatches(maker));
    case "differs":
      return fail(text.checkCodeDiffers(maker));
  }
}
