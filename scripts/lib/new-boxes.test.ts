// The benchmark's new boxes carry the codes a real label carries: each serial once, none reserved, and
// the same signature lib/chain/serials.ts makes, which the verifier accepts.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { recoverSerialSigner, signSerial } from "../../lib/chain/serials";
import { demoSerialSigner } from "../demo/accounts";
import { printLabels, SerialAllocator, signLabel, type LabelledBatch } from "./new-boxes";

const maker = demoSerialSigner(2);
const batch = (batchId: string, serialStart: number, boxes: number): LabelledBatch => ({
  batchId,
  gtin: "09521234500018",
  lot: `LOT${batchId}`,
  expiry: "2028-01-31",
  serialStart,
  boxes,
  privateKey: maker.privateKey,
});

describe("new boxes", () => {
  it("hands out each serial once, round robin over the batches, skipping reserved ones", () => {
    const a = batch("a", 100, 3);
    const b = batch("b", 500, 2);
    const allocator = new SerialAllocator([a, b], new Set(["a/101"]));
    const taken = allocator.take(10).map((box) => `${box.batch.batchId}/${box.serial}`);
    assert.deepEqual(taken, ["a/100", "b/500", "a/102", "b/501"]);
    assert.deepEqual(allocator.take(1), [], "every range is used up");
  });

  it("are signed as signSerial signs them, and the verifier names the maker", () => {
    for (const serial of ["100001", "100002", "987654"]) {
      const signature = signLabel(maker.privateKey, "09521234500018", "260930A", serial);
      assert.equal(signature, signSerial(maker.signingKey, "09521234500018", "260930A", serial));
      assert.equal(
        recoverSerialSigner(maker.address, "09521234500018", "260930A", serial, signature),
        maker.address,
      );
    }
  });

  it("print as Digital Links, in order, from child processes", async () => {
    const a = batch("a", 100, 4);
    const links = await printLabels(new SerialAllocator([a]).take(4), "https://example.com", 2);
    assert.equal(links.length, 4);
    links.forEach((link, i) => {
      const url = new URL(link);
      assert.equal(url.pathname, `/01/09521234500018/10/LOTa/21/${100 + i}`);
      assert.equal(
        url.searchParams.get("8030"),
        signSerial(maker.signingKey, a.gtin, a.lot, String(100 + i)),
      );
    });
  });
});
