// The request id: a caller's X-Request-Id is kept only when it is short plain text (it goes into every
// log line), anything else is replaced by a fresh UUID; and the id is seen however deep the call goes.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { AsyncLocalStorage } from "node:async_hooks";
import { createLogger, currentRequestId, requestIdOf, withRequestId, type RequestContext } from "./log";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("requestIdOf", () => {
  it("keeps a well-formed incoming id", () => {
    for (const id of ["abc-123", "5f0c6b1e-3b4a-4c1d-9e2f-0a1b2c3d4e5f", "1-5759e988:edge_7.a"]) {
      assert.equal(requestIdOf(id), id);
    }
  });

  it("replaces a missing, repeated, long or non-plain id with a fresh UUID", () => {
    const refused = [
      undefined,
      "",
      "a".repeat(65),
      "two words",
      '"}{"level":"fatal',
      "line\nbreak",
      ["a", "b"],
    ];
    for (const id of refused) assert.match(requestIdOf(id), UUID, JSON.stringify(id));
    assert.notEqual(requestIdOf(undefined), requestIdOf(undefined));
  });
});

describe("withRequestId", () => {
  it("names the request across awaits and timers, and two requests at once apart", async () => {
    const seen = await Promise.all(
      ["r-1", "r-2"].map((id) =>
        withRequestId(id, async () => {
          await new Promise((done) => setTimeout(done, id === "r-1" ? 20 : 1));
          return currentRequestId();
        }),
      ),
    );
    assert.deepEqual(seen, ["r-1", "r-2"]);
    assert.equal(currentRequestId(), undefined);
  });
});

describe("createLogger", () => {
  it("writes one JSON object a line, with the level by name, the request's id and a secret field censored", () => {
    const written: string[] = [];
    const context = new AsyncLocalStorage<RequestContext>();
    const logger = createLogger("info", context, { write: (line: string) => void written.push(line) });
    logger.info("outside any request");
    context.run({ requestId: "r-9" }, () => {
      logger.info({ cookie: "medproof-act-as=sealed", secret: "1F3Q-XXXX", status: 400 }, "refused");
      logger.debug("below the level");
    });
    const lines = written.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(lines.length, 2);
    assert.equal(lines[0]!.requestId, undefined);
    assert.equal(lines[0]!.level, "info");
    assert.equal(lines[1]!.requestId, "r-9");
    assert.equal(lines[1]!.status, 400);
    assert.equal(lines[1]!.cookie, "[redacted]");
    assert.equal(lines[1]!.secret, "[redacted]");
    assert.ok(!written.join("").includes("sealed") && !written.join("").includes("1F3Q"));
  });
});
