// Deploys one MedProof system: the registries, the lens, the wiring between them, and the standards'
// rule sets (reference data every deployment needs, not demo data).
import { ContractFactory, type Signer } from "ethers";
import bytecode from "./generated/bytecode.json";
import {
  contractInterface,
  CONTRACT_NAMES,
  type Addresses,
  type ContractName,
  bindContracts,
} from "./contracts";
import type { Deployment } from "./deployment";
import { RULE_SETS } from "../domain/standards";
import { INT64_MAX, INT64_MIN } from "./units";
import { isoDateToSeconds } from "../domain/time";
import { confirmation } from "./receipts";

async function deployOne(name: ContractName, signer: Signer, args: unknown[]): Promise<string> {
  const code = (bytecode as Partial<Record<ContractName, string>>)[name];
  if (!code) throw new Error(`No bytecode for ${name}: run npm run bindings`);
  const factory = new ContractFactory(contractInterface(name), code, signer);
  const contract = await factory.deploy(...args);
  const sent = contract.deploymentTransaction();
  if (sent === null) throw new Error(`${name} was not deployed by a transaction`);
  return (await confirmation(sent)).contractAddress ?? contract.getAddress();
}

export async function deploySystem(regulator: Signer, regulatorName: string): Promise<Deployment> {
  const provider = regulator.provider;
  if (!provider) throw new Error("The deploying signer needs a provider");
  const regulatorAddress = await regulator.getAddress();
  const startBlock = await provider.getBlockNumber();

  const access = await deployOne("AccessRegistry", regulator, [regulatorAddress, regulatorName]);
  const addresses: Partial<Addresses> = { AccessRegistry: access };
  // The complaint registry takes the settlement token, the ERC-2771 forwarder that relays consumers'
  // signed filings, and the treasury that receives fines (here the regulator); the order book escrows
  // purchase orders in the same token. So those two come last; every other contract takes the access
  // registry alone (the forwarder nothing). The order book is in the directory so that the custody
  // registry can settle an order by its shipment's receipt.
  const late = (name: ContractName) => name === "ComplaintRegistry" || name === "OrderBook";
  for (const name of CONTRACT_NAMES.filter((name) => name !== "AccessRegistry" && !late(name))) {
    addresses[name] = await deployOne(name, regulator, name === "MedProofForwarder" ? [] : [access]);
  }
  addresses.ComplaintRegistry = await deployOne("ComplaintRegistry", regulator, [
    access,
    addresses.SettlementToken,
    addresses.MedProofForwarder,
    regulatorAddress,
  ]);
  addresses.OrderBook = await deployOne("OrderBook", regulator, [access, addresses.SettlementToken]);
  const complete = addresses as Addresses;
  const contracts = bindContracts(complete, regulator);

  await confirmation(
    await contracts.AccessRegistry.getFunction("setDirectory")({
      materials: complete.MaterialRegistry,
      batches: complete.BatchRegistry,
      tests: complete.TestRegistry,
      custody: complete.CustodyRegistry,
      prices: complete.PriceRegistry,
      complaints: complete.ComplaintRegistry,
      orders: complete.OrderBook,
    }),
  );

  for (const ruleSet of RULE_SETS) {
    const rules = ruleSet.rules.map((rule) => ({
      metric: rule.metric,
      min: rule.min ?? INT64_MIN,
      max: rule.max ?? INT64_MAX,
    }));
    await confirmation(
      await contracts.TestRegistry.getFunction("addRuleSet")(
        ruleSet.category,
        ruleSet.standard,
        isoDateToSeconds(ruleSet.effectiveFrom),
        rules,
      ),
    );
  }

  const { chainId } = await provider.getNetwork();
  return { chainId: Number(chainId), deployedAtBlock: startBlock, addresses: complete };
}
