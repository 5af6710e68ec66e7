// The check code printed under each box's QR (lib/domain/check-code.ts says why) and what the maker
// publishes about it. The code is made from the box's signature, which only the maker's key can make:
//   checkCode = the first 60 bits of keccak256("MedProof check v1" ‖ r ‖ s), in Crockford base32
//   digest    = keccak256(abi.encode(bytes32 batchId, string serial, string checkCode))
// The digest, not the code, is published per serial, so the published list does not hand out the codes
// (guessing one is a 2⁶⁰ search per box); the server checks a typed code by recomputing its digest.
export { checkCodeDigest, checkCodeOf } from "../domain/check-code";

/** One published row: a serial of a batch and its check code's digest. */
export interface PublishedCheckCode {
  batchId: string;
  serial: string;
  digest: string;
}
