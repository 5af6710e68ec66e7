// Wallet-less transactions: a consumer's key signs an EIP-712 ForwardRequest, and the relayer (a server
// account that pays the gas) submits it to MedProofForwarder (OpenZeppelin ERC2771Forwarder), which
// calls the target with the consumer as the sender. The forwarder's per-signer nonce and a deadline make
// every request single-use.
//
// The forwarder only says "FailedCall" when the target reverts, so each request is first simulated as
// the forwarder would make it (the target's calldata with the signer appended, ERC-2771), which gives
// the target's own custom error; nothing is sent that the contract would refuse.
import {
  concat,
  isError,
  type HDNodeWallet,
  type JsonRpcProvider,
  type Log,
  type TransactionReceipt,
  type TransactionResponse,
  Wallet,
} from "ethers";
import { bindContracts, type ContractName } from "./contracts";
import type { Deployment } from "./deployment";
import { describeError, type PlainError } from "./errors";
import type { Locale } from "../domain/locale";
import { assertLocalChain, DemoKeysRefusedError, demoPlugin } from "./demo-plugin";
import { confirmation } from "./receipts";
import { env } from "../env";

/** How long a request stays valid: long enough to be mined, short enough not to linger. */
const REQUEST_LIFETIME_SECONDS = 600;

export type RelayFailure =
  /** The target contract refuses the call (the plain error says why); nothing was sent. */
  | "refused"
  /** The chain or the relayer cannot be reached or cannot pay; nothing was sent. */
  | "unavailable"
  /** Sent, but not confirmed in time: the transaction hash says where to look. */
  | "pending";

/** Where a relay failure's sentence comes from, so it can be said in another language. */
export type RelayFailureOrigin = { error: unknown } | { zh: string };

export class RelayError extends Error {
  override name = "RelayError";
  constructor(
    readonly failure: RelayFailure,
    readonly plain: PlainError,
    readonly txHash: string | null = null,
    private readonly origin: RelayFailureOrigin | null = null,
  ) {
    super(plain.message);
  }

  /** The same failure with its sentence in `locale` (the code is the same in every language). */
  plainIn(locale: Locale): PlainError {
    if (locale === "en" || this.origin === null) return this.plain;
    if ("error" in this.origin) return describeError(this.origin.error, locale);
    return { code: this.plain.code, message: this.origin.zh };
  }
}

export interface Relayed {
  txHash: string;
  blockNumber: number;
  /** The target contract's logs in the transaction (decode them with findEvent). */
  logs: Log[];
}

type Signer = Wallet | HDNodeWallet;

const FORWARD_REQUEST_TYPES = {
  ForwardRequest: [
    { name: "from", type: "address" },
    { name: "to", type: "address" },
    { name: "value", type: "uint256" },
    { name: "gas", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint48" },
    { name: "data", type: "bytes" },
  ],
};

export class Relayer {
  /** One relayed transaction at a time: the relayer's own account nonce must not race. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Relayed transactions waiting for their turn or being sent and mined, for GET /metrics. */
  pending = 0;

  constructor(
    private readonly provider: JsonRpcProvider,
    private readonly deployment: Deployment,
    private readonly account: Signer,
    /** How long to wait for the relayed transaction to be mined before reporting it pending. */
    private readonly confirmationTimeoutMs = 30_000,
  ) {}

  /** Simulates `data` on `target` as sent by `signer` through the forwarder; throws RelayError("refused"). */
  async simulate(signer: string, target: ContractName, data: string): Promise<bigint> {
    const call = {
      from: this.deployment.addresses.MedProofForwarder,
      to: this.deployment.addresses[target],
      data: concat([data, signer]),
    };
    try {
      await this.provider.call(call);
      return await this.provider.estimateGas(call);
    } catch (error) {
      throw failureOf(error, "refused");
    }
  }

  /**
   * Signs the request with `signer`'s key and has the relayer submit it; resolves once mined.
   * `beforeSend` runs after the simulation accepted the call and before anything is sent.
   */
  async relay(
    signer: Signer,
    target: ContractName,
    data: string,
    beforeSend: () => void | Promise<void> = () => undefined,
  ): Promise<Relayed> {
    const gasEstimate = await this.simulate(signer.address, target, data);
    await beforeSend();
    this.pending += 1;
    const run = this.queue
      .then(() => this.submit(signer, target, data, gasEstimate))
      .finally(() => (this.pending -= 1));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The relayer account's address and its balance in wei: when it reaches zero, nothing can be relayed. */
  async balance(): Promise<{ address: string; wei: bigint }> {
    return { address: this.account.address, wei: await this.provider.getBalance(this.account.address) };
  }

  /**
   * A forwarded call that failed after its simulation passed: another request changed the state in
   * between (two filings of the same box at once). The forwarder says only "FailedCall"; simulating
   * again names the target's own refusal (ComplaintAlreadyOpen), as a request made a moment later gets.
   */
  private async targetRefusal(signer: string, target: ContractName, data: string, error: unknown) {
    if (describeError(error).code !== "FailedCall") return failureOf(error, "refused");
    try {
      await this.simulate(signer, target, data);
    } catch (refusal) {
      if (refusal instanceof RelayError) return refusal;
    }
    return failureOf(error, "refused");
  }

  private async submit(signer: Signer, target: ContractName, data: string, gasEstimate: bigint) {
    const { addresses, chainId } = this.deployment;
    const forwarder = bindContracts(addresses, this.account).MedProofForwarder;
    let tx: TransactionResponse;
    try {
      const [nonce, latest] = await Promise.all([
        forwarder.getFunction("nonces")(signer.address),
        this.provider.getBlock("latest"),
      ]);
      const now = Math.max(latest?.timestamp ?? 0, Math.floor(Date.now() / 1000));
      const request = {
        from: signer.address,
        to: addresses[target],
        value: 0n,
        // The forwarder requires the call to get at least this much; leave room for the estimate's error.
        gas: (gasEstimate * 13n) / 10n + 20_000n,
        nonce,
        deadline: now + REQUEST_LIFETIME_SECONDS,
        data,
      };
      const signature = await signer.signTypedData(
        { name: "MedProofForwarder", version: "1", chainId, verifyingContract: addresses.MedProofForwarder },
        FORWARD_REQUEST_TYPES,
        request,
      );
      tx = await forwarder.getFunction("execute")({ ...request, signature });
    } catch (error) {
      throw await this.targetRefusal(signer.address, target, data, error);
    }
    let receipt: TransactionReceipt | null;
    try {
      receipt = await confirmation(tx, this.confirmationTimeoutMs, env().confirmations);
    } catch (error) {
      // Mined and reverted (the state changed between simulation and inclusion): refused, with the reason.
      if (isError(error, "CALL_EXCEPTION"))
        throw await this.targetRefusal(signer.address, target, data, error);
      receipt = null;
    }
    if (receipt === null) {
      throw new RelayError(
        "pending",
        {
          code: "relay_pending",
          message: "The request was sent but is not confirmed yet. Check again shortly.",
        },
        tx.hash,
        { zh: "请求已发出，但尚未确认。请稍后再查看。" },
      );
    }
    const logs = receipt.logs.filter((log) => log.address.toLowerCase() === addresses[target].toLowerCase());
    return { txHash: receipt.hash, blockNumber: receipt.blockNumber, logs };
  }
}

/**
 * The relayer of this deployment: the operator's key, or on the local demo chain (and only there, with
 * the demo installed: demo-plugin.ts) the demo relayer account. Without either, relaying is unavailable and says so.
 */
export async function createRelayer(
  provider: JsonRpcProvider,
  deployment: Deployment,
  privateKey: string | null,
  confirmationTimeoutMs?: number,
): Promise<Relayer> {
  if (privateKey !== null) {
    return new Relayer(provider, deployment, new Wallet(privateKey, provider), confirmationTimeoutMs);
  }
  const demo = demoPlugin();
  try {
    if (demo === null) throw new DemoKeysRefusedError(0n);
    await assertLocalChain(provider);
  } catch (error) {
    if (!(error instanceof DemoKeysRefusedError)) throw failureOf(error, "unavailable");
    throw new RelayError(
      "unavailable",
      {
        code: "relay_unavailable",
        message: "Filing without a wallet is not set up on this server (it has no relayer account).",
      },
      null,
      { zh: "本服务器没有开通免钱包提交（没有代付账户）。" },
    );
  }
  return new Relayer(provider, deployment, demo.relayer(provider), confirmationTimeoutMs);
}

function failureOf(error: unknown, otherwise: RelayFailure): RelayError {
  const plain = describeError(error);
  const unavailable = ["chain_unavailable", "insufficient_funds", "failed"].includes(plain.code);
  return new RelayError(unavailable ? "unavailable" : otherwise, plain, null, { error });
}
