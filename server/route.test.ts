// The route helpers: a handler under an `[id]` segment gets the id Next hands it as a promise, and an
// evidence photo is served as the image type it was checked to be, never sniffed, cached as its route says.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { withId } from "./route";
import { photoReply } from "./reply";

describe("withId", () => {
  it("hands the handler the request and the awaited id", async () => {
    const request = new Request("http://localhost/api/complaints/7");
    const handler = withId(async (seen, id) => Response.json({ same: seen === request, id }));
    const response = await handler(request, { params: Promise.resolve({ id: "7" }) });
    assert.deepEqual(await response.json(), { same: true, id: "7" });
  });
});

describe("photoReply", () => {
  it("serves the bytes as their checked image type, not sniffed, with the route's caching", async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const response = photoReply({ type: "png", bytes }, "private, no-store");
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "image/png");
    assert.equal(response.headers.get("cache-control"), "private, no-store");
    assert.equal(response.headers.get("x-content-type-options"), "nosniff");
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), bytes);
  });
});
