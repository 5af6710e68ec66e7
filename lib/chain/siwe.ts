// Sign-In with Ethereum's chain side: the EIP-4361 text parsed and written by the `siwe` package (its ABNF
// parser refuses anything that is not exactly the standard's grammar), and whether a signature is the
// account's. An externally owned account signs with its key (EIP-191, recovered here); a contract
// wallet (a multisig, a smart account) has no key, so the account itself is asked (EIP-1271
// isValidSignature over the same EIP-191 hash). The checks of the message's fields are lib/domain/siwe.ts.
import { SiweMessage } from "siwe";
import { getAddress, hashMessage, Interface, isHexString, verifyMessage, type Provider } from "ethers";
import type { SiweFields } from "../domain/siwe";

const EIP1271 = new Interface([
  "function isValidSignature(bytes32 hash, bytes signature) view returns (bytes4 magicValue)",
]);
/** What isValidSignature returns for a valid signature: its own selector. */
const EIP1271_MAGIC = "0x1626ba7e";

/** The message's fields, or null when the text is not an EIP-4361 message. */
export function parseSiweMessage(text: string): SiweFields | null {
  try {
    const message = new SiweMessage(text);
    return {
      scheme: message.scheme,
      domain: message.domain,
      address: message.address,
      uri: message.uri,
      version: message.version,
      chainId: message.chainId,
      nonce: message.nonce,
      issuedAt: message.issuedAt,
      expirationTime: message.expirationTime,
      notBefore: message.notBefore,
    };
  } catch {
    return null;
  }
}

/** The EIP-4361 text for `fields` (the address checksummed, as the standard asks). */
export function writeSiweMessage(fields: SiweFields & { statement?: string }): string {
  return new SiweMessage({ ...fields, address: getAddress(fields.address) }).prepareMessage();
}

/** The account's address in EIP-55 form, or null when `text` is not an address. */
export function checksumAddress(text: string): string | null {
  try {
    return getAddress(text);
  } catch {
    return null;
  }
}

/** The key that signed `text` (EIP-191), or null when the signature is not one. */
function recovered(text: string, signature: string): string | null {
  try {
    return verifyMessage(text, signature);
  } catch {
    return null;
  }
}

/**
 * Whether `signature` over `text` is `address`'s: its key's (recovered), or, when `address` holds code,
 * the contract's own answer. A node that fails to answer throws (the caller says the chain is down).
 */
export async function signedBy(
  provider: Provider,
  text: string,
  signature: string,
  address: string,
): Promise<boolean> {
  if (!isHexString(signature)) return false;
  if (recovered(text, signature) === getAddress(address)) return true;
  if ((await provider.getCode(address)) === "0x") return false;
  const data = EIP1271.encodeFunctionData("isValidSignature", [hashMessage(text), signature]);
  try {
    const answer = await provider.call({ to: address, data });
    return answer.slice(0, 10).toLowerCase() === EIP1271_MAGIC;
  } catch (error) {
    // A contract that reverts (no such function, or it refuses) has not vouched for the signature.
    if ((error as { code?: string }).code === "CALL_EXCEPTION") return false;
    throw error;
  }
}
