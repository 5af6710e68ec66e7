// Contract bindings: ABIs generated from the compiled contracts, bound to a deployment's addresses.
import { Contract, Interface, type ContractRunner } from "ethers";
import abis from "./generated/abis.json";

export type ContractName =
  | "AccessRegistry"
  | "MaterialRegistry"
  | "BatchRegistry"
  | "TestRegistry"
  | "CustodyRegistry"
  | "PriceRegistry"
  | "MedProofLens"
  | "SettlementToken"
  | "MedProofForwarder"
  | "ComplaintRegistry"
  | "OrderBook";

export const CONTRACT_NAMES: readonly ContractName[] = [
  "AccessRegistry",
  "MaterialRegistry",
  "BatchRegistry",
  "TestRegistry",
  "CustodyRegistry",
  "PriceRegistry",
  "MedProofLens",
  "SettlementToken",
  "MedProofForwarder",
  "ComplaintRegistry",
  "OrderBook",
];

export type Addresses = Record<ContractName, string>;

const interfaces = new Map<ContractName, Interface>();

export function contractInterface(name: ContractName): Interface {
  let iface = interfaces.get(name);
  if (!iface) {
    iface = new Interface(abis[name] as never);
    interfaces.set(name, iface);
  }
  return iface;
}

/** Every contract of a deployment, connected to `runner` (a provider to read, a signer to write). */
export function bindContracts(addresses: Addresses, runner: ContractRunner): Record<ContractName, Contract> {
  return Object.fromEntries(
    CONTRACT_NAMES.map((name) => [name, new Contract(addresses[name], contractInterface(name), runner)]),
  ) as Record<ContractName, Contract>;
}
