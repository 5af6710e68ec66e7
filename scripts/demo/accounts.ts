// Demo keys: anvil's well-known test mnemonic. They exist only for the local chain; every use goes
// through assertLocalChain so they are refused against any other chain.
import { HDNodeWallet, Mnemonic, getBytes, id, type Provider } from "ethers";
import { assertLocalChain, DemoKeysRefusedError, LOCAL_CHAIN_ID } from "../../lib/chain/demo-plugin";

// The local-chain check is the plug-in interface's, so production words its refusal without this module.
export { assertLocalChain, DemoKeysRefusedError, LOCAL_CHAIN_ID };

const TEST_MNEMONIC = "test test test test test test test test test test test junk";

const mnemonic = Mnemonic.fromPhrase(TEST_MNEMONIC);

/** The n-th anvil account (m/44'/60'/0'/0/n). */
export function demoWallet(index: number, provider?: Provider): HDNodeWallet {
  const wallet = HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${index}`);
  return provider ? wallet.connect(provider) : wallet;
}

/** A manufacturer's serial-signing key, kept apart from its transaction key (m/44'/60'/1'/0/n). */
export function demoSerialSigner(index: number): HDNodeWallet {
  return HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/1'/0/${index}`);
}

/**
 * The secret printed inside a demo box: derived from the box's identity so the demo can be seeded again
 * identically. A real manufacturer draws each one at random (randomBoxSecret in ../possession).
 */
export function demoBoxSecret(gtin: string, lot: string, serial: number): Uint8Array {
  return getBytes(id(`medproof demo box secret ${gtin}/${lot}/${serial}`)).slice(0, 16);
}
