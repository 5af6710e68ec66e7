// The browser's injected wallet (EIP-1193, window.ethereum), asked through its `request` method only:
// the server encodes every call, so no Ethereum library is in the page's scripts.

export interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

/** EIP-1193's "User Rejected Request". */
export const USER_REJECTED = 4001;

export function injectedWallet(): Eip1193Provider | null {
  if (typeof window === "undefined") return null;
  const { ethereum } = window as { ethereum?: Eip1193Provider };
  return ethereum !== undefined && typeof ethereum.request === "function" ? ethereum : null;
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
