// Pages whose subject does not exist answer a real 404 (Next's not-found page), not a 200 that says
// "not found": a complaint never filed or with a malformed number, as an unknown participant does
// (participants.test.ts). Read-only.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { baseUrl } from "./world";

async function page(path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${baseUrl()}${path}`, { headers: { accept: "text/html" } });
  return { status: response.status, html: await response.text() };
}

describe("GET /complaints/<id>", () => {
  it("answers 404 for a complaint number never filed", async () => {
    const missing = await page("/complaints/999999");
    assert.equal(missing.status, 404);
    assert.match(missing.html, /<html/);
  });

  it("answers 404 for a number that is not one", async () => {
    for (const id of ["abc", "-1", "1.5", "9".repeat(13)])
      assert.equal((await page(`/complaints/${id}`)).status, 404, id);
  });

  it("still serves the seeded complaint, and the filing form at /complaints/new", async () => {
    assert.equal((await page("/complaints/1")).status, 200);
    assert.equal((await page("/complaints/new")).status, 200);
  });
});
