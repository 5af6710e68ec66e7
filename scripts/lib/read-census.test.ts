// The census tells batch reads from per-box reads by what the calldata names, not by the reader's code.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { contractInterface } from "../../lib/chain/contracts";
import { batchReads, namesBatch, type BatchKeys } from "./read-census";
import type { RecordedCall } from "./rpc-counter";

const lens = contractInterface("MedProofLens");
const A: BatchKeys = { name: "a", gtin: "09521234500018", lot: "260930A", batchId: `0x${"ab".repeat(32)}` };
const B: BatchKeys = { name: "b", gtin: "09521234500018", lot: "261001A", batchId: `0x${"cd".repeat(32)}` };
const call = (data: string): RecordedCall => ({ to: "0x1", data: data.toLowerCase(), block: "latest" });
const report = (batch: BatchKeys, serial: bigint) =>
  call(lens.encodeFunctionData("report", [BigInt(batch.gtin), batch.lot, serial]));
/** A stand-in small per-box view by batch id and serial (its selector is declared small). */
const box = (batch: BatchKeys, serial: number) =>
  call(`0x12345678${batch.batchId.slice(2)}${serial.toString(16).padStart(64, "0")}`);

describe("the batch-read census", () => {
  it("names a batch by its GTIN and lot together, or by its id", () => {
    assert.ok(namesBatch(report(A, 100001n).data, A));
    assert.ok(!namesBatch(report(A, 100001n).data, B), "same GTIN, another lot");
    assert.ok(namesBatch(box(B, 7).data, B));
    assert.ok(!namesBatch(box(B, 7).data, A));
  });

  it("counts every call that names a batch as a batch read, except calls of small selectors", () => {
    const calls = [report(A, 1n), report(A, 2n), report(B, 3n), box(A, 4), box(B, 5)];
    assert.deepEqual(batchReads(calls, [A, B], new Set(["0x12345678"])), { a: 2, b: 1 });
    assert.deepEqual(batchReads(calls, [A, B], new Set()), { a: 3, b: 2 });
  });
});
