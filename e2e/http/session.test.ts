// Who acts, through HTTP against the real server: the act-as cookie is sealed (an HMAC under
// the install's secret), so one typed by hand, tampered with or carrying another party's seal is nobody
// (GET /api/session says null, the desks answer 401 not_signed_in) and the one the switch set works.
// Nothing here changes the record: every action is refused before it reaches the chain.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { actAsCookie, baseUrl } from "./world";

const UNKNOWN_BATCH = `0x${"ab".repeat(32)}`;

async function sessionWith(cookie: string): Promise<{ party?: string | null; roles?: string[] } | null> {
  const response = await fetch(`${baseUrl()}/api/session`, { headers: { cookie } });
  assert.equal(response.status, 200);
  return ((await response.json()) as { session: { party?: string | null; roles?: string[] } | null }).session;
}

/** What the desks answer a cookie: a regulator's recall and a maker's label sheet (every box secret). */
async function refusals(cookie: string, language = "en"): Promise<{ status: number; code?: string }[]> {
  const recall = await fetch(`${baseUrl()}/api/regulator/recalls`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, "accept-language": language },
    body: JSON.stringify({ gtin: "09521234500018", lot: "NO-SUCH-LOT", reason: "伪造身份的召回" }),
  });
  const labels = await fetch(`${baseUrl()}/manufacturer/batches/${UNKNOWN_BATCH}/labels.pdf`, {
    headers: { cookie, "accept-language": language },
  });
  return Promise.all(
    [recall, labels].map(async (response) => ({
      status: response.status,
      code: ((await response.json()) as { error?: { code: string } }).error?.code,
    })),
  );
}

const NOBODY = [
  { status: 401, code: "not_signed_in" },
  { status: 401, code: "not_signed_in" },
];

/** A sealed cookie with one character of its MAC changed. */
function tampered(cookie: string): string {
  const last = cookie.at(-1) === "A" ? "B" : "A";
  return cookie.slice(0, -1) + last;
}

describe("the act-as cookie", () => {
  it("typed by hand with a party's name is nobody: no session, and the desks answer 401", async () => {
    assert.equal(await sessionWith("medproof-act-as=regulator"), null);
    assert.deepEqual(await refusals("medproof-act-as=regulator"), NOBODY);
    assert.deepEqual(await refusals("medproof-act-as=qinghe"), NOBODY);
  });

  it("with a changed MAC, or another party's seal, is nobody", async () => {
    const qinghe = await actAsCookie("qinghe");
    const regulator = qinghe.replace("medproof-act-as=qinghe.", "medproof-act-as=regulator.");
    assert.notEqual(regulator, qinghe);
    for (const forged of [tampered(qinghe), regulator]) {
      assert.equal(await sessionWith(forged), null, forged);
      assert.deepEqual(await refusals(forged), NOBODY, forged);
    }
  });

  it("as the switch set it, acts as the party, with its roles from the chain", async () => {
    const session = await sessionWith(await actAsCookie("qinghe"));
    assert.equal(session?.party, "qinghe");
    assert.deepEqual(session?.roles, ["MANUFACTURER"]);
    // Past the seal, the label sheet is refused for the batch, not for who asks.
    const [, labels] = await refusals(await actAsCookie("qinghe"));
    assert.deepEqual(labels, { status: 404, code: "batch_not_found" });
  });

  it("says the 401 in Chinese to a Chinese reader", async () => {
    const response = await fetch(`${baseUrl()}/manufacturer/batches/${UNKNOWN_BATCH}/labels.pdf`, {
      headers: { cookie: "medproof-act-as=qinghe", "accept-language": "zh-CN" },
    });
    assert.equal(response.status, 401);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, "not_signed_in");
    assert.match(error.message, /[\u4e00-\u9fff]/);
  });
});

describe("the demo switch on a server that listens on loopback", () => {
  it("is on the desks' pages, open without a password", async () => {
    const page = await (await fetch(`${baseUrl()}/inspector`)).text();
    assert.match(page, /data-demo-switch="open"/);
    assert.match(page, /name="party"/);
    assert.doesNotMatch(page, /name="password"/);
  });
});
