// Contract bindings: the generated `as const` ABIs bound to a deployment's addresses, typed from the ABIs
// (lib/chain/abi-types.ts) so a call names a function that exists, with arguments and a result of its types.
import {
  BaseContract,
  Contract,
  Interface,
  type BaseContractMethod,
  type ContractRunner,
  type ContractTransactionResponse,
  type Log,
} from "ethers";
import { abis, type ContractName } from "./generated/abis";
import type { EventArgs, EventName, FunctionArgs, FunctionName, FunctionResult, IsView } from "./abi-types";

export type { ContractName };

/** Every contract of a deployment, in the generated ABIs' order (the file names in contracts/src). */
export const CONTRACT_NAMES = Object.keys(abis) as ContractName[];

export type Addresses = Record<ContractName, string>;

/** One function of contract N as ethers calls it: `(…args)`, `.staticCall`, `.estimateGas`, … typed. */
export type TypedMethod<N extends ContractName, F extends FunctionName<N>> = BaseContractMethod<
  FunctionArgs<N, F>,
  FunctionResult<N, F>,
  IsView<N, F> extends true ? FunctionResult<N, F> : ContractTransactionResponse
>;

/** An ethers Contract whose `getFunction` knows contract N's functions. */
export type TypedContract<N extends ContractName> = Omit<BaseContract, "getFunction"> & {
  getFunction<F extends FunctionName<N>>(name: F): TypedMethod<N, F>;
};

export type Contracts = { [N in ContractName]: TypedContract<N> };

const interfaces = new Map<ContractName, Interface>();

export function contractInterface(name: ContractName): Interface {
  let iface = interfaces.get(name);
  if (!iface) {
    iface = new Interface(abis[name]);
    interfaces.set(name, iface);
  }
  return iface;
}

/** Every contract of a deployment, connected to `runner` (a provider to read, a signer to write). */
export function bindContracts(addresses: Addresses, runner: ContractRunner): Contracts {
  return Object.fromEntries(
    CONTRACT_NAMES.map((name) => [name, new Contract(addresses[name], contractInterface(name), runner)]),
  ) as unknown as Contracts;
}

/** A log decoded as contract N's event E, or null when it is another event (or another contract's). */
export function decodeEvent<N extends ContractName, E extends EventName<N>>(
  contract: N,
  event: E,
  log: Pick<Log, "topics" | "data">,
): EventArgs<N, E> | null {
  const parsed = contractInterface(contract).parseLog(log);
  return parsed?.name === event ? (parsed.args as unknown as EventArgs<N, E>) : null;
}

/** The first of `logs` that is contract N's event E, decoded, or null. */
export function findEvent<N extends ContractName, E extends EventName<N>>(
  contract: N,
  event: E,
  logs: readonly Pick<Log, "topics" | "data">[],
): EventArgs<N, E> | null {
  for (const log of logs) {
    const args = decodeEvent(contract, event, log);
    if (args !== null) return args;
  }
  return null;
}

/** A contract call as data: what lib/chain/backoffice.ts signs with a key, or a browser wallet is asked to sign. */
export interface ContractCall {
  contract: ContractName;
  method: string;
  args: unknown[];
}

/** A call as data, its function name and arguments checked against contract N's ABI. */
export function contractCall<N extends ContractName, F extends FunctionName<N>>(
  contract: N,
  method: F,
  args: FunctionArgs<N, F>,
): ContractCall {
  return { contract, method, args };
}
