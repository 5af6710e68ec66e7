// The reference servers answer as the benchmark needs: the plain one with JSON, the other only after a
// signature really verified (a 500 would show as errors in its row), and both stop when told.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { startReference } from "./reference-servers";

describe("reference servers", () => {
  for (const kind of ["json", "verify"] as const) {
    it(`${kind}: answers 200 with JSON, request after request, and stops`, async () => {
      const server = await startReference(kind);
      try {
        for (let i = 0; i < 3; i++) {
          const response = await fetch(`http://127.0.0.1:${server.port}/`);
          assert.equal(response.status, 200);
          const body = (await response.json()) as { valid?: boolean; verdict?: string };
          assert.ok(kind === "verify" ? body.valid === true : body.verdict === "genuine");
        }
      } finally {
        await server.stop();
      }
      await assert.rejects(fetch(`http://127.0.0.1:${server.port}/`));
    });
  }
});
