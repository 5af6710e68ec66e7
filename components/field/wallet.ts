// The browser's wallets (EIP-1193), asked through their `request` method only: the server encodes every
// call and writes the sign-in message, so no Ethereum library is in the page's scripts. Wallets are found
// by EIP-6963 (each extension announces itself, so several can live side by side without fighting over
// window.ethereum), with window.ethereum as the fallback for a wallet that does not announce. The one the
// person signed in with is remembered for this tab (by its reverse-DNS name, which outlives a reload), so
// the desk's actions go to the same wallet.

export interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

/** A wallet found in the page: EIP-6963's provider info, or the bare window.ethereum. */
export interface FoundWallet {
  /** EIP-6963's rdns (e.g. io.metamask), else its uuid; "injected" for window.ethereum. */
  id: string;
  name: string;
  /** A data: URI image (EIP-6963 requires one), or null for window.ethereum. */
  icon: string | null;
  provider: Eip1193Provider;
}

interface Eip6963Announcement {
  info: { uuid: string; name: string; icon: string; rdns: string };
  provider: Eip1193Provider;
}

/** EIP-1193's "User Rejected Request". */
export const USER_REJECTED = 4001;
/** EIP-3326's answer to wallet_switchEthereumChain for a chain the wallet has not been told about. */
export const UNRECOGNISED_CHAIN = 4902;

const announced = new Map<string, FoundWallet>();
const listeners = new Set<() => void>();
let snapshot: readonly FoundWallet[] = [];
let listening = false;
const CHOSEN_KEY = "medproof-wallet";

function bareInjected(): FoundWallet | null {
  const { ethereum } = window as { ethereum?: Eip1193Provider };
  return ethereum !== undefined && typeof ethereum.request === "function"
    ? { id: "injected", name: "window.ethereum", icon: null, provider: ethereum }
    : null;
}

/** The list every subscriber reads: the announced wallets, else window.ethereum; a new array on change. */
function refresh(): void {
  const bare = announced.size === 0 ? bareInjected() : null;
  snapshot = announced.size > 0 ? [...announced.values()] : bare === null ? [] : [bare];
  for (const listener of listeners) listener();
}

function onAnnounce(event: Event): void {
  const detail = (event as CustomEvent<Eip6963Announcement>).detail;
  if (typeof detail?.info?.uuid !== "string" || typeof detail.provider?.request !== "function") return;
  const id =
    typeof detail.info.rdns === "string" && detail.info.rdns !== "" ? detail.info.rdns : detail.info.uuid;
  announced.set(id, {
    id,
    name: detail.info.name,
    icon: detail.info.icon,
    provider: detail.provider,
  });
  refresh();
}

/** Starts listening (once per page) and asks the wallets already loaded to announce themselves. */
function listen(): void {
  if (listening || typeof window === "undefined") return;
  listening = true;
  window.addEventListener("eip6963:announceProvider", onAnnounce);
  window.dispatchEvent(new Event("eip6963:requestProvider"));
  refresh();
}

/** For useSyncExternalStore: calls `listener` whenever a wallet is found. */
export function subscribeWallets(listener: () => void): () => void {
  listeners.add(listener);
  listen();
  return () => listeners.delete(listener);
}

/** The wallets found so far (the same array until one more is found). */
export function foundWallets(): readonly FoundWallet[] {
  listen();
  return snapshot;
}

const noWallets: readonly FoundWallet[] = [];
/** On the server no wallet is found. */
export const serverWallets = () => noWallets;

/** Remembers the wallet the person signed in with, for the actions that follow. */
export function chooseWallet(id: string): void {
  sessionStorage.setItem(CHOSEN_KEY, id);
}

/** The wallet to act with: the one signed in with, else the only (or first) one found; null without any. */
export function injectedWallet(): Eip1193Provider | null {
  if (typeof window === "undefined") return null;
  const wallets = foundWallets();
  const chosen = sessionStorage.getItem(CHOSEN_KEY);
  return (wallets.find((wallet) => wallet.id === chosen) ?? wallets[0])?.provider ?? null;
}

/** The wallet's current account, asking the user to connect when it is not yet. */
export async function walletAccount(wallet: Eip1193Provider): Promise<string> {
  const accounts = (await wallet.request({ method: "eth_requestAccounts" })) as string[];
  const [account] = accounts;
  if (account === undefined) throw Object.assign(new Error("The wallet shared no account."), { code: 4100 });
  return account;
}

/** The chain the wallet is on, as a number. */
export async function walletChainId(wallet: Eip1193Provider): Promise<number> {
  return Number.parseInt(String(await wallet.request({ method: "eth_chainId" })), 16);
}

/** Why the wallet is not on the app's chain after asking it to switch. */
export type ChainSwitch =
  { ok: true } | { ok: false; reason: "unknown_chain" | "refused"; current: number; wanted: number };

/**
 * Puts the wallet on `chainId` (wallet_switchEthereumChain, EIP-3326) when it is on another: the wallet
 * asks its user. A wallet that has never heard of the chain answers 4902; the page says so by name.
 */
export async function switchToChain(wallet: Eip1193Provider, chainId: number): Promise<ChainSwitch> {
  const current = await walletChainId(wallet);
  if (current === chainId) return { ok: true };
  try {
    await wallet.request({
      method: "wallet_switchEthereumChain",
      params: [{ chainId: `0x${chainId.toString(16)}` }],
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // MetaMask on mobile has wrapped 4902 in -32603's data.originalError.
    const inner = (error as { data?: { originalError?: { code?: unknown } } }).data?.originalError?.code;
    const unknown = code === UNRECOGNISED_CHAIN || inner === UNRECOGNISED_CHAIN;
    return { ok: false, reason: unknown ? "unknown_chain" : "refused", current, wanted: chainId };
  }
  const now = await walletChainId(wallet);
  return now === chainId ? { ok: true } : { ok: false, reason: "refused", current: now, wanted: chainId };
}

/** Asks the wallet to sign `message` as `account` (personal_sign: EIP-191, the text hex-encoded). */
export async function personalSign(
  wallet: Eip1193Provider,
  message: string,
  account: string,
): Promise<string> {
  const hex = `0x${[...new TextEncoder().encode(message)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
  return String(await wallet.request({ method: "personal_sign", params: [hex, account] }));
}
