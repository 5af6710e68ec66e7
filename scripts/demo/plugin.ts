// The demo as one plug-in: the act-as parties, their keys, the relayer's and the label keys, behind the
// interface production code knows (lib/chain/demo-plugin.ts). The embedded chain's starters install it
// (scripts/start.ts, scripts/lib/world.ts); the production server never does, so off the embedded chain
// no demo key exists in the process. The CLI and the tests' helpers act as a demo party through demoActor.
import { isAddress, type Provider } from "ethers";
import { DemoKeysRefusedError, installDemoPlugin, type DemoPlugin } from "../../lib/chain/demo-plugin";
import { ActionError, type Actor } from "../../lib/chain/backoffice";
import { assertLocalChain, demoBoxSecret, demoSerialSigner, demoWallet } from "./accounts";
import { PARTIES, RELAYER_ACCOUNT, STERILIZER, type PartyKey } from "./world";

const PARTY_KEYS = Object.keys(PARTIES) as PartyKey[];
const accountOf = new Map(
  PARTY_KEYS.map((key) => [demoWallet(PARTIES[key].account).address.toLowerCase(), key]),
);
const MAKERS = PARTY_KEYS.filter((key) => PARTIES[key].role === "MANUFACTURER");

export const demo: DemoPlugin = {
  parties: PARTY_KEYS.map((key) => ({
    key,
    name: PARTIES[key].name,
    address: demoWallet(PARTIES[key].account).address,
  })),
  signerOf(address, provider) {
    const party = accountOf.get(address.toLowerCase());
    return party === undefined ? null : demoWallet(PARTIES[party].account, provider);
  },
  relayer: (provider) => demoWallet(RELAYER_ACCOUNT, provider),
  labelKeyOf(manufacturer) {
    const party = accountOf.get(manufacturer.toLowerCase());
    return party !== undefined && MAKERS.includes(party) ? demoSerialSigner(PARTIES[party].account) : null;
  },
  labelKey(signer) {
    for (const party of MAKERS) {
      const key = demoSerialSigner(PARTIES[party].account);
      if (key.address.toLowerCase() === signer.toLowerCase()) return key;
    }
    return null;
  },
  boxSecret: demoBoxSecret,
  sterilizer: STERILIZER,
};

/** Installs the demo for this process: the embedded chain only (its starters call this). */
export const installDemo = (): void => installDemoPlugin(demo);

/**
 * Installs the demo when `provider`'s node is the local chain (an anvil started by hand, a second
 * instance of the demo); on any other chain nothing is installed. True when it was.
 */
export async function installDemoOnLocalChain(provider: Provider): Promise<boolean> {
  try {
    await assertLocalChain(provider);
  } catch (error) {
    if (error instanceof DemoKeysRefusedError) return false;
    throw error;
  }
  installDemo();
  return true;
}

function partyOf(name: string): PartyKey {
  if (!Object.hasOwn(PARTIES, name))
    throw new ActionError({
      code: "unknown_party",
      message: `No demo party "${name}". Choose one of: ${PARTY_KEYS.join(", ")}.`,
    });
  return name as PartyKey;
}

/** A demo party's signer on the local chain, by name (the CLI's --as, the tests' helpers). */
export async function demoActor(provider: Provider, name: string): Promise<Actor> {
  const party = partyOf(name);
  await assertLocalChain(provider);
  const wallet = demoWallet(PARTIES[party].account, provider);
  return { signer: wallet, address: wallet.address };
}

/** An address, or on the local chain a demo party's by name (e.g. "distributor"). */
export async function partyAddress(provider: Provider, value: string): Promise<string> {
  if (isAddress(value)) return value;
  const party = partyOf(value);
  await assertLocalChain(provider);
  return demoWallet(PARTIES[party].account).address;
}
