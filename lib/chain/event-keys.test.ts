// Which cached reads an event invalidates: the keys come from the event's indexed topics, match the
// keys a batch's record names, and anything the table does not know clears everything.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { AbiCoder, zeroPadValue } from "ethers";
import { contractInterface } from "./contracts";
import { batchKey, eventKeys, partyKey, recordKeys, serialKey, complaintKey, lotKey } from "./event-keys";
import { makeBoxRecord } from "../domain/fixtures";

const BATCH = "0x" + "ab".repeat(32);
const SELLER = "0x" + "cd".repeat(20);
const word = (type: string, value: unknown) => AbiCoder.defaultAbiCoder().encode([type], [value]);

function log(contract: Parameters<typeof contractInterface>[0], event: string, topics: string[]) {
  const topic0 = contractInterface(contract).getEvent(event)?.topicHash;
  assert.ok(topic0, event);
  return { topics: [topic0, ...topics] };
}

describe("event keys", () => {
  it("name the batch and the very box of a sale, and the seller's party", () => {
    const sale = log("CustodyRegistry", "Decommissioned", [
      BATCH,
      word("uint64", 100321),
      zeroPadValue(SELLER, 32),
    ]);
    assert.deepEqual(eventKeys(sale), [batchKey(BATCH), serialKey(BATCH, 100321)]);
    const price = log("PriceRegistry", "PriceRecorded", [
      word("uint256", 3),
      zeroPadValue(SELLER, 32),
      BATCH,
    ]);
    assert.deepEqual(eventKeys(price), [batchKey(BATCH), partyKey(SELLER)]);
  });

  it("name a licence's holder, a complaint and a lot", () => {
    const revoked = log("AccessRegistry", "LicenceRevoked", [word("uint256", 4), zeroPadValue(SELLER, 32)]);
    assert.deepEqual(eventKeys(revoked), [partyKey(SELLER)]);
    const ruled = log("ComplaintRegistry", "ComplaintRuled", [word("uint256", 9), zeroPadValue(SELLER, 32)]);
    assert.deepEqual(eventKeys(ruled), [complaintKey(9)]);
    const consumed = log("MaterialRegistry", "LotConsumed", [word("uint256", 2), BATCH]);
    assert.deepEqual(eventKeys(consumed), [lotKey(2), batchKey(BATCH)]);
  });

  it("clear everything for an event the table does not know, or a log without topics", () => {
    assert.equal(eventKeys(log("AccessRegistry", "DirectorySet", [])), "all");
    assert.equal(eventKeys({ topics: ["0x" + "00".repeat(32)] }), "all");
    assert.equal(eventKeys({ topics: [] }), "all");
    // A known event whose indexed topic is missing: not what the ABI says, so not trusted.
    assert.equal(eventKeys(log("BatchRegistry", "BatchRecalled", [])), "all");
  });

  it("match the keys a batch's record was built from", () => {
    const record = makeBoxRecord();
    const keys = recordKeys(record.product!.gtin, record.batch!.id, record);
    assert.ok(keys.includes(batchKey(record.batch!.id)));
    assert.ok(keys.includes(partyKey(record.product!.manufacturer.account)));
    for (const holder of record.batch!.holders) assert.ok(keys.includes(partyKey(holder.party.account)));
    for (const material of record.batch!.materials) assert.ok(keys.includes(lotKey(material.lotId)));
  });
});
