// The possession commitment of a batch (IBatchRegistry.possessionTerms) and the proof a complaint carries.
// Each box has a possession key derived from the secret printed inside it; the Merkle tree's leaves bind
// each box's serial to that key's address. The manufacturer registers the root and publishes the leaves
// (they reveal nothing: finding a secret behind an address takes about 2^128 tries). Whoever files a
// complaint proves possession with the key's signature over the complainant's address and the leaf's
// Merkle path, never with the secret itself: a filing copied from a public mempool cannot be re-signed
// for the copier (IComplaintRegistry.fileComplaint).
//
// The key, leaf and tree are the pure lib/domain/possession-tree.ts, the code the manufacturer's browser
// runs too; this module adds the signature: the key's 65-byte signature of the EIP-712
// Possession(complainant, batchId, serial) under the ComplaintRegistry's domain
// ("MedProofComplaintRegistry", "1", chain id, registry).
import { SigningKey, TypedDataEncoder, getAddress, hexlify, randomBytes } from "ethers";
import { BOX_SECRET_BYTES } from "../domain/box-secret";
import { addressBytes, possessionKeyBytes } from "../domain/possession-tree";

export {
  possessionLeaf,
  possessionList,
  possessionProof,
  possessionRoot,
  type PossessionList,
} from "../domain/possession-tree";

/** What a possession signature is for: the complainant it lets file about box `serial` of the batch. */
export interface PossessionClaim {
  complainant: string;
  batchId: string;
  serial: number;
  chainId: number;
  /** The ComplaintRegistry's address (the EIP-712 verifying contract). */
  registry: string;
}

const POSSESSION_TYPES = {
  Possession: [
    { name: "complainant", type: "address" },
    { name: "batchId", type: "bytes32" },
    { name: "serial", type: "uint64" },
  ],
};

/** A fresh random secret for one box (what a manufacturer prints inside it). */
export function randomBoxSecret(): Uint8Array {
  return randomBytes(BOX_SECRET_BYTES);
}

/** The box's possession key (0x-hex, 32 bytes): never 0, always below the group order. */
export function possessionKey(secret: Uint8Array): string {
  return hexlify(possessionKeyBytes(secret));
}

/** The address the contract recovers from the box's possession signature. */
export function possessionAddress(secret: Uint8Array): string {
  return getAddress(hexlify(addressBytes(possessionKeyBytes(secret))));
}

/** The box's signature letting `claim.complainant` file about it (r ‖ s ‖ v, 0x-hex, 65 bytes). */
export function signPossession(secret: Uint8Array, claim: PossessionClaim): string {
  const digest = TypedDataEncoder.hash(
    {
      name: "MedProofComplaintRegistry",
      version: "1",
      chainId: claim.chainId,
      verifyingContract: claim.registry,
    },
    POSSESSION_TYPES,
    { complainant: claim.complainant, batchId: claim.batchId, serial: claim.serial },
  );
  return new SigningKey(possessionKey(secret)).sign(digest).serialized;
}
