// The demo's seat in the production code: an interface and an empty slot. The demo itself (its keys, its
// act-as parties: scripts/demo/plugin.ts) lives outside the production import graph, and only the
// embedded chain's starters (scripts/start.ts, the test world) install it; `npm run serve` never does.
// The slot is on globalThis under Symbol.for, because Next bundles its own copy of the server modules:
// the starter's copy of this file and Next's must see the same plug-in. Without one, no demo key exists
// for this process, whatever the cookies say.
import type { BaseWallet, HDNodeWallet, Provider, Signer } from "ethers";

/** The only chain demo keys may sign on (anvil's and the embedded chain's id). */
export const LOCAL_CHAIN_ID = 31337;

/** Demo keys asked for on a chain that is not the local one; the ids let each caller word it. */
export class DemoKeysRefusedError extends Error {
  override name = "DemoKeysRefusedError";
  constructor(readonly chainId: bigint) {
    super(`Demo keys are for the local chain (id ${LOCAL_CHAIN_ID}) only; this chain has id ${chainId}.`);
  }
}

/** Throws DemoKeysRefusedError unless `provider`'s node is the local chain. */
export async function assertLocalChain(provider: Provider): Promise<void> {
  const { chainId } = await provider.getNetwork();
  if (chainId !== BigInt(LOCAL_CHAIN_ID)) throw new DemoKeysRefusedError(chainId);
}

/** A party the act-as switch offers: its name in the switch and the account it acts as. */
export interface DemoParty {
  key: string;
  name: string;
  address: string;
}

/** What the demo lends the app on the local chain; every key is refused off it (assertLocalChain). */
export interface DemoPlugin {
  /** The parties of "Demo: act as …". */
  readonly parties: readonly DemoParty[];
  /** The key of demo account `address`, connected to `provider`; null for an account it does not hold. */
  signerOf(address: string, provider: Provider): Signer | null;
  /** The account that pays the gas of relayed (wallet-less) complaints on the local chain. */
  relayer(provider: Provider): HDNodeWallet;
  /** The serial-signing key a demo manufacturer's new batches register; null for another account. */
  labelKeyOf(manufacturer: string): BaseWallet | null;
  /** The demo serial-signing key whose address is `signer`; null for any other. */
  labelKey(signer: string): BaseWallet | null;
  /** The secret printed inside a seeded box (the seed's derivation). */
  boxSecret(gtin: string, lot: string, serial: number): Uint8Array;
  /** The sterilizer the demo makers contract: the sterilisation form's default. */
  readonly sterilizer: string;
}

const SLOT = Symbol.for("medproof.demo-plugin");
type Slot = { [SLOT]?: DemoPlugin };

/** Installs the demo for this process: only the embedded chain's starters call it. */
export function installDemoPlugin(plugin: DemoPlugin): void {
  (globalThis as Slot)[SLOT] = plugin;
}

/** Removes it again (a test that starts a world without the demo after one with it). */
export function uninstallDemoPlugin(): void {
  (globalThis as Slot)[SLOT] = undefined;
}

/** The installed demo, or null: production never has one. */
export function demoPlugin(): DemoPlugin | null {
  return (globalThis as Slot)[SLOT] ?? null;
}

/** The demo's key for `address` on the local chain; DemoKeysRefusedError off it, null without one. */
export async function demoSignerOf(address: string, provider: Provider): Promise<Signer | null> {
  const plugin = demoPlugin();
  if (plugin === null) return null;
  await assertLocalChain(provider);
  return plugin.signerOf(address, provider);
}
