import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { AbiCoder } from "ethers";
import fc from "fast-check";
import { decodeOutputs, type AbiParam } from "./abi-decode";
import { abis } from "./generated/abis";

const PARAMS: AbiParam[] = [
  {
    name: "r",
    type: "tuple",
    components: [
      { name: "n", type: "uint64" },
      { name: "big", type: "uint256" },
      { name: "neg", type: "int64" },
      { name: "who", type: "address" },
      { name: "ok", type: "bool" },
      { name: "id", type: "bytes32" },
      { name: "text", type: "string" },
      {
        name: "items",
        type: "tuple[]",
        components: [
          { name: "metric", type: "uint16" },
          { name: "label", type: "string" },
          { name: "values", type: "int64[]" },
        ],
      },
      {
        name: "inner",
        type: "tuple",
        components: [
          { name: "a", type: "uint32" },
          { name: "b", type: "address" },
        ],
      },
    ],
  },
];

const TYPES = [
  "tuple(uint64 n,uint256 big,int64 neg,address who,bool ok,bytes32 id,string text,tuple(uint16 metric,string label,int64[] values)[] items,tuple(uint32 a,address b) inner) r",
];

describe("decodeOutputs", () => {
  it("gives back what ethers encoded, for any values", () => {
    const coder = AbiCoder.defaultAbiCoder();
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        fc.string({ unit: "grapheme" }),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 65535 }),
            fc.string(),
            fc.array(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })),
          ),
          { maxLength: 4 },
        ),
        (n, big, neg, text, items) => {
          const value = {
            n,
            big,
            neg,
            who: "0x" + "ab".repeat(20),
            ok: true,
            id: "0x" + "cd".repeat(32),
            text,
            items: items.map(([metric, label, values]) => ({ metric, label, values })),
            inner: { a: 7, b: "0x" + "01".repeat(20) },
          };
          const hex = coder.encode(TYPES, [value]);
          // Decoding what ethers encoded gives the values back: integers as bigint, addresses in lower case.
          assert.deepEqual(decodeOutputs(PARAMS, hex).r, {
            ...value,
            items: value.items.map((item) => ({ ...item, metric: BigInt(item.metric) })),
            inner: { a: 7n, b: value.inner.b },
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses data shorter than its layout instead of inventing values", () => {
    assert.throws(() => decodeOutputs(PARAMS, "0x" + "00".repeat(40)), RangeError);
  });

  it("covers every type the lens returns", () => {
    const report = (
      abis.MedProofLens as readonly { type: string; name?: string; outputs?: readonly AbiParam[] }[]
    ).find((e) => e.type === "function" && e.name === "report");
    assert.ok(report?.outputs);
    const types = new Set<string>();
    const walk = (p: AbiParam) => {
      types.add(p.type.replace(/\[\]$/, "").replace(/\d+$/, ""));
      p.components?.forEach(walk);
    };
    report.outputs.forEach(walk);
    for (const t of types)
      assert.ok(["tuple", "uint", "int", "address", "bool", "bytes", "string"].includes(t), t);
  });
});
