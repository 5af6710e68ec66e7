// The typed bindings: the contract names come from contracts/src (no hand-kept list), an event decodes to
// its arguments by name, a call made as data carries what tsc checked, and — checked by `tsc`, which runs
// in npm test — a wrong function name, argument or result type does not compile.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { JsonRpcProvider, ZeroHash, type ContractTransactionResponse } from "ethers";
import {
  bindContracts,
  CONTRACT_NAMES,
  contractCall,
  contractInterface,
  decodeEvent,
  findEvent,
} from "./contracts";
import type { Addresses } from "./contracts";

const SELLER = "0x00000000000000000000000000000000000000a1";
const BUYER = "0x00000000000000000000000000000000000000b2";

function shippedLog() {
  const iface = contractInterface("CustodyRegistry");
  const fragment = iface.getEvent("Shipped");
  assert.ok(fragment);
  return iface.encodeEventLog(fragment, [7n, ZeroHash, SELLER, BUYER, 12n]);
}

/** Never run: its body is for tsc, which fails on a line under @ts-expect-error that is not an error. */
export async function typeChecks(addresses: Addresses): Promise<void> {
  const contracts = bindContracts(addresses, new JsonRpcProvider());
  const registered: boolean = await contracts.AccessRegistry.getFunction("hasRole")(ZeroHash, SELLER);
  const shipment = await contracts.CustodyRegistry.getFunction("shipment")(1n);
  const boxes: bigint = shipment.boxes;
  const sent: ContractTransactionResponse = await contracts.BatchRegistry.getFunction("release")(ZeroHash);
  // @ts-expect-error: no such function on the batch registry
  contracts.BatchRegistry.getFunction("releaseBatch");
  // @ts-expect-error: release takes a batch id, not a flag
  await contracts.BatchRegistry.getFunction("release")(true);
  // @ts-expect-error: hasRole returns a boolean, not a string
  const wrong: string = await contracts.AccessRegistry.getFunction("hasRole")(ZeroHash, SELLER);
  // @ts-expect-error: Shipped has no argument named "amount"
  void decodeEvent("CustodyRegistry", "Shipped", shippedLog())?.amount;
  // @ts-expect-error: the order book has no function "ship"
  contractCall("OrderBook", "ship", []);
  void [registered, boxes, sent, wrong];
}

describe("typed contract bindings", () => {
  it("binds exactly the deployable contracts at the top of contracts/src", () => {
    const sources = readdirSync("contracts/src")
      .filter((file) => file.endsWith(".sol"))
      .map((file) => file.slice(0, -".sol".length))
      .sort();
    assert.deepEqual(CONTRACT_NAMES, sources);
  });

  it("decodes an event to its arguments by name, and only that event", () => {
    const log = shippedLog();
    const shipped = decodeEvent("CustodyRegistry", "Shipped", log);
    assert.ok(shipped);
    assert.equal(shipped.shipmentId, 7n);
    assert.equal(shipped.to.toLowerCase(), BUYER);
    assert.equal(shipped.boxes, 12n);
    assert.equal(decodeEvent("CustodyRegistry", "ReceiptAccepted", log), null);
    assert.equal(findEvent("CustodyRegistry", "Shipped", [log])?.shipmentId, 7n);
  });

  it("makes a call as data that encodes with the contract's ABI", () => {
    const call = contractCall("CustodyRegistry", "acceptShipment", [3]);
    assert.deepEqual(call, { contract: "CustodyRegistry", method: "acceptShipment", args: [3] });
    const data = contractInterface(call.contract).encodeFunctionData(call.method, call.args);
    assert.equal(contractInterface("CustodyRegistry").parseTransaction({ data })?.args[0], 3n);
  });
});
