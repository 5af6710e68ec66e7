// The health check's verdict from its probes: healthy only when every probe is, the failing ones named
// with their reason, and a probe that hangs counted as failing without holding up the others' answers.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { checkHealth, type HealthProbe } from "./health";

const answers = (name: string, seen: Record<string, unknown>): HealthProbe => ({
  name,
  check: async () => seen,
});
const fails = (name: string, reason: string): HealthProbe => ({
  name,
  check: async () => {
    throw new Error(reason);
  },
});

describe("checkHealth", () => {
  it("is healthy when every probe answers, with what each saw", async () => {
    const report = await checkHealth([answers("chain", { block: 7 }), answers("store", {})]);
    assert.deepEqual(report, {
      healthy: true,
      failing: [],
      probes: { chain: { ok: true, block: 7 }, store: { ok: true } },
    });
  });

  it("names every failing probe with its reason, in the list's order", async () => {
    const report = await checkHealth([
      fails("chain", "connection refused"),
      answers("store", {}),
      fails("relayer", "no balance"),
    ]);
    assert.equal(report.healthy, false);
    assert.deepEqual(report.failing, ["chain", "relayer"]);
    assert.deepEqual(report.probes.chain, { ok: false, error: "connection refused" });
    assert.deepEqual(report.probes.store, { ok: true });
  });

  it("keeps URLs (a hosted node's carries its API key) out of a failure's reason", async () => {
    const report = await checkHealth([
      fails("chain", "request to https://rpc.example.org/v3/0123456789abcdef failed, reason: timeout"),
    ]);
    assert.deepEqual(report.probes.chain, { ok: false, error: "request to <url> failed, reason: timeout" });
  });

  it("counts a probe that does not answer in time as failing, and still reports the others", async () => {
    const hangs: HealthProbe = { name: "database", check: () => new Promise(() => undefined) };
    const report = await checkHealth([hangs, answers("chain", { block: 1 })], 50);
    assert.deepEqual(report.failing, ["database"]);
    assert.deepEqual(report.probes.database, { ok: false, error: "no answer within 50 ms" });
    assert.deepEqual(report.probes.chain, { ok: true, block: 1 });
  });
});
