// Every state-changing function of every contract has a contract test that the wrong caller is refused
// (named test_RevertWhen_CallerLacksRole_<Function>, or listed below with the test that covers it), or
// is open to anyone by design, with the reason. A new function without either fails here.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { abis } from "../lib/chain/generated/abis";

/** Guarded by who the caller is rather than by a role: the test that refuses a stranger. */
const GUARDED_OTHERWISE: Record<string, string> = {
  "AccessRegistry.grantRole": "test_RevertWhen_CallerLacksRole_GrantRole",
  "AccessRegistry.revokeRole": "test_RevertWhen_CallerLacksRole_RevokeRole",
  "AccessRegistry.renounceRole": "test_RevertWhen_RenounceRoleForAnotherAccount",
  "AccessRegistry.reinstateAfterBond": "test_RevertWhen_CallerLacksRole_SuspendForBond",
  "MaterialRegistry.transferLot": "LotNotOwned",
  "CustodyRegistry.acceptShipment": "test_RevertWhen_NotShipmentRecipient",
  "CustodyRegistry.rejectShipment": "test_RevertWhen_NotShipmentRecipient",
  "ComplaintRegistry.answer": "test_RevertWhen_NotRespondent",
  "ComplaintRegistry.postBond": "test_RevertWhen_CannotPostBond",
  "ComplaintRegistry.withdrawBond": "test_RevertWhen_WithdrawBondBelowMinimum",
  "OrderBook.placeOrder": "test_RevertWhen_BuyerNotAllowed",
  "OrderBook.fulfil": "test_RevertWhen_NotOrderSeller",
  "OrderBook.cancel": "test_RevertWhen_NotOrderParty",
  "OrderBook.settleByReceipt": "test_RevertWhen_SettleByReceiptNotFromTheCustodyRegistry",
};

/** Open to anyone on purpose. */
const OPEN_BY_DESIGN: Record<string, string> = {
  "SettlementToken.approve": "ERC-20: every holder manages its own tokens",
  "SettlementToken.transfer": "ERC-20",
  "SettlementToken.transferFrom": "ERC-20, limited by the holder's allowance",
  "MedProofForwarder.execute": "ERC-2771: anyone may relay a request its signer signed",
  "MedProofForwarder.executeBatch": "ERC-2771",
  "ComplaintRegistry.fileComplaint": "a shopper needs no role, only the box's secret (possession proof)",
  "ComplaintRegistry.withdraw": "pays the caller only what is credited to the caller",
  "ComplaintRegistry.withdrawTo": "pays only what is credited to the caller",
  "OrderBook.settle": "anyone may apply the settlement rule; the money goes where the receipt says",
  "OrderBook.withdraw": "pays the caller only what is credited to the caller",
};

const tests = readdirSync("contracts/test")
  .filter((f) => f.endsWith(".t.sol"))
  .map((f) => readFileSync(join("contracts/test", f), "utf8"))
  .join("\n");

describe("access control coverage of the contracts", () => {
  it("has a wrong-caller test, or a stated reason, for every state-changing function", () => {
    const uncovered: string[] = [];
    for (const [contract, abi] of Object.entries(abis) as [
      string,
      readonly { type: string; name?: string; stateMutability?: string }[],
    ][]) {
      for (const entry of abi) {
        if (entry.type !== "function" || entry.name === undefined) continue;
        if (entry.stateMutability === "view" || entry.stateMutability === "pure") continue;
        const key = `${contract}.${entry.name}`;
        if (key in OPEN_BY_DESIGN) continue;
        const named = `test_RevertWhen_CallerLacksRole_${entry.name[0]!.toUpperCase()}${entry.name.slice(1)}(`;
        const other = GUARDED_OTHERWISE[key];
        if (!tests.includes(named) && (other === undefined || !tests.includes(other))) uncovered.push(key);
      }
    }
    assert.deepEqual(uncovered, []);
  });
});
