// An injected EIP-1193 wallet for the browser tests: window.ethereum in the page forwards each request
// to this Node-side signer, which holds a seeded anvil key and really signs and sends on the local chain.
// It also announces itself by EIP-6963 (as browser extensions do, so a page may find several), signs
// EIP-4361 messages (personal_sign), and switches chains only to the one it is on (wallet_switchEthereumChain,
// else 4902 "unrecognised chain"). `rejecting` makes it answer eth_sendTransaction and personal_sign as a
// user who declines (EIP-1193 code 4001). The key never enters the page.
import type { Page } from "@playwright/test";
import { demoWallet } from "../../scripts/demo/accounts";
import { PARTIES } from "../../scripts/demo/world";
import { readDeployment } from "../../lib/chain/deployment";
import { rpcProvider } from "../../lib/chain/provider";

type Reply = { result: unknown } | { error: { code: number; message: string } };

export interface TestWallet {
  address: string;
  /** Every method the page asked, in order. */
  asked: string[];
  /** Hashes of the transactions it sent. */
  sent: string[];
  rejecting: boolean;
  /** The EIP-6963 identity it announces (rdns "org.medproof.test-wallet"). */
  uuid: string;
  /** Runs before it signs, e.g. to look at the page while the wallet is "asking" its user. */
  beforeSigning: () => Promise<void>;
}

export async function injectWallet(page: Page, party: keyof typeof PARTIES): Promise<TestWallet> {
  const rpcUrl = process.env.MEDPROOF_RPC_URL;
  const file = process.env.MEDPROOF_DEPLOYMENT_FILE;
  if (!rpcUrl || !file)
    throw new Error("MEDPROOF_RPC_URL and MEDPROOF_DEPLOYMENT_FILE: run through npm test");
  const { chainId } = readDeployment(file);
  const signer = demoWallet(PARTIES[party].account, rpcProvider(rpcUrl, chainId));
  const wallet: TestWallet = {
    address: signer.address,
    asked: [],
    sent: [],
    rejecting: false,
    uuid: crypto.randomUUID(),
    beforeSigning: async () => undefined,
  };

  await page.exposeFunction(
    "testWalletRequest",
    async (method: string, params: unknown[]): Promise<Reply> => {
      wallet.asked.push(method);
      switch (method) {
        case "eth_requestAccounts":
        case "eth_accounts":
          return { result: [signer.address] };
        case "eth_chainId":
          return { result: `0x${chainId.toString(16)}` };
        case "wallet_switchEthereumChain": {
          const [{ chainId: wanted }] = params as [{ chainId: string }];
          return Number.parseInt(wanted, 16) === chainId
            ? { result: null }
            : { error: { code: 4902, message: `Unrecognized chain ID "${wanted}".` } };
        }
        case "personal_sign": {
          await wallet.beforeSigning();
          if (wallet.rejecting) return { error: { code: 4001, message: "User rejected the request." } };
          const [message, account] = params as [string, string];
          if (account.toLowerCase() !== signer.address.toLowerCase())
            return { error: { code: 4100, message: "Not this wallet's account." } };
          const text = message.startsWith("0x")
            ? Buffer.from(message.slice(2), "hex").toString("utf8")
            : message;
          return { result: await signer.signMessage(text) };
        }
        case "eth_sendTransaction": {
          await wallet.beforeSigning();
          if (wallet.rejecting) return { error: { code: 4001, message: "User rejected the request." } };
          const [tx] = params as [{ from: string; to: string; data: string }];
          if (tx.from.toLowerCase() !== signer.address.toLowerCase())
            return { error: { code: 4100, message: "Not this wallet's account." } };
          const sent = await signer.sendTransaction({ to: tx.to, data: tx.data });
          wallet.sent.push(sent.hash);
          return { result: sent.hash };
        }
        default:
          return { error: { code: 4200, message: `${method} is not supported by the test wallet.` } };
      }
    },
  );
  await page.addInitScript((uuid: string) => {
    const ethereum = {
      async request({ method, params = [] }: { method: string; params?: unknown[] }) {
        const forward = (
          window as unknown as { testWalletRequest: (m: string, p: unknown[]) => Promise<Reply> }
        ).testWalletRequest;
        const reply = await forward(method, params);
        if ("error" in reply) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
        return reply.result;
      },
    };
    Object.assign(window, { ethereum });
    const info = Object.freeze({
      uuid,
      name: "MedProof test wallet",
      icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'/%3E",
      rdns: "org.medproof.test-wallet",
    });
    const announce = () =>
      window.dispatchEvent(
        new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider: ethereum }) }),
      );
    window.addEventListener("eip6963:requestProvider", announce);
    announce();
  }, wallet.uuid);
  return wallet;
}
