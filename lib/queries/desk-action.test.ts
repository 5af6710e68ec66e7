// withBody, the one check every back-office and regulator action runs on its body before anything is read
// or prepared: the action sees only data that passed its schema, and a body that fails is a 400 naming
// the field in the schema's own words (or the desk's general sentence when the body is no object at all).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { withBody } from "./desk-action";

const schema = z.object({ kg: z.number({ error: "Give the mass in kg." }).positive("Give the mass in kg.") });
const BAD_REQUEST = "Send the form's fields as a JSON object.";

/** Runs withBody on `input`, recording what the action was given. */
async function check(input: unknown) {
  const seen: unknown[] = [];
  const reply = await withBody(schema, input, BAD_REQUEST, async (data) => {
    seen.push(data);
    return { status: 200 as const, body: { ok: true } };
  });
  return { reply, seen };
}

describe("withBody", () => {
  it("runs the action on the parsed body", async () => {
    const { reply, seen } = await check({ kg: 25, extra: "dropped" });
    assert.deepEqual(reply, { status: 200, body: { ok: true } });
    assert.deepEqual(seen, [{ kg: 25 }]);
  });

  it("answers a field the schema refuses with 400 invalid_request, its sentence and its path", async () => {
    const { reply, seen } = await check({ kg: -1 });
    assert.deepEqual(reply, {
      status: 400,
      body: { error: { code: "invalid_request", message: "Give the mass in kg.", field: "kg" } },
    });
    assert.deepEqual(seen, []);
  });

  it("answers a body that is no object with the desk's general sentence, not zod's English", async () => {
    const { reply, seen } = await check("kg=25");
    assert.deepEqual(reply, {
      status: 400,
      body: { error: { code: "invalid_request", message: BAD_REQUEST } },
    });
    assert.deepEqual(seen, []);
  });
});
