// Complaints end to end against the real local chain, through HTTP and the back-office CLI: a consumer
// files without a wallet, a lab retest fails the batch and upholds the complaint by itself, the consumer
// collects, the maker's bond pays; a price complaint upheld by an inspector charges the seller.
// These change the record, so `npm test` runs them after the read-only HTTP and browser tests.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { dirname } from "node:path";
import { baseUrl, databaseUrl, deploymentFile, medproof, scenario, verify } from "./world";
import { openDb } from "../../lib/stores/db";

const QINGHE = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const BIANMIN = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";
// 仁心 sells other batches but never received the price-gouging one.
const RENXIN = "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955";
const db = openDb({ databaseUrl: databaseUrl(), dataDir: dirname(deploymentFile()) });
after(() => db.close());
// A 1×1 PNG: a real image, as the phone would send it.
const PHOTO =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

function bond(party: string): { fen: number; suspended: boolean } {
  const shown = medproof("bond", "show", "--party", party);
  assert.equal(shown.code, 0, shown.err);
  const [, fen, suspended] = /bond=(\d+) fen .* suspended=(yes|no)/.exec(shown.out) ?? [];
  return { fen: Number(fen), suspended: suspended === "yes" };
}

interface Reply {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string; field?: string } };
}

async function post(path: string, body: unknown, contentType = "application/json"): Promise<Reply> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method: "POST",
    headers: { "content-type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Reply["body"] };
}

async function get(path: string): Promise<Reply> {
  const response = await fetch(`${baseUrl()}${path}`);
  return { status: response.status, body: (await response.json()) as Reply["body"] };
}

/** The evidence the server keeps, one entry a statement: <hash>.<photo type, or json without one>. */
const evidenceFiles = async () =>
  (await db.query<{ hash: string; photo_type: string | null }>("SELECT hash, photo_type FROM evidence"))
    .map((row) => `${row.hash}.${row.photo_type ?? "json"}`)
    .sort();
const checkOf = async (code: string, id: string) => {
  const { body } = await verify(code);
  return (body.checks as { id: string; status: string; title: string; detail: string }[]).find(
    (c) => c.id === id,
  )!;
};

describe("a spec complaint filed without a wallet and upheld by a failing lab retest", () => {
  const box = scenario("high-yield");
  const otherBatch = scenario("complaint-upheld");
  let otherBefore: unknown;
  let complaintId = 0;
  let claimKey = "";

  it("starts from the seeded record", async () => {
    otherBefore = (await verify(otherBatch.code)).body;
    assert.equal((otherBefore as { verdict: string }).verdict, "caution");
  });

  it("refuses a wrong secret with a plain error and writes nothing", async () => {
    const before = await evidenceFiles();
    // The seeded complaint is number 1; the browser tests may have filed more.
    let nextId = 1;
    while ((await get(`/api/complaints/${nextId}`)).status === 200) nextId += 1;
    const wrong = box.secret!.replace(/^./, (c) => (c === "0" ? "1" : "0"));
    const reply = await post("/api/complaints", {
      code: box.code,
      secret: wrong,
      kind: "spec-failure",
      description: "Ear loops came off",
    });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error?.code, "wrong_secret");
    assert.equal(reply.body.error?.field, "secret");
    assert.match(reply.body.error!.message, /does not match box 100310/);
    assert.deepEqual(await evidenceFiles(), before);
    assert.equal((await get(`/api/complaints/${nextId}`)).status, 404, "no complaint was filed");
  });

  it("files with the right secret: 201 with the complaint number, its page and a claim key", async () => {
    const qingheBefore = bond(QINGHE).fen;
    // Tips about fakes keep their photos in the same table: count what this filing added.
    const evidenceBefore = await evidenceFiles();
    const reply = await post("/api/complaints", {
      code: box.code,
      secret: box.secret!.toLowerCase(),
      kind: "spec-failure",
      description: "The masks smell of solvent and the ear loops came off.",
      pricePaid: "75.00",
      evidence: PHOTO,
    });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    complaintId = reply.body.id as number;
    claimKey = reply.body.claimKey as string;
    assert.equal(reply.body.status, "open");
    assert.match(reply.body.txHash as string, /^0x[0-9a-f]{64}$/);
    assert.match(claimKey, /^0x[0-9a-f]{64}$/);
    assert.equal(reply.body.url, `/complaints/${complaintId}`);

    const shown = await get(`/api/complaints/${complaintId}`);
    assert.equal(shown.status, 200);
    assert.equal(shown.body.status, "open");
    assert.equal(shown.body.kind, "spec-failure");
    assert.equal(shown.body.serial, 100310);
    assert.equal(shown.body.lot, box.lot);
    assert.equal(shown.body.respondentName, "青禾医疗用品有限公司");
    assert.equal(shown.body.pricePaidFen, 7500);
    assert.equal(shown.body.description, "The masks smell of solvent and the ear loops came off.");
    const added = (await evidenceFiles()).filter((f) => !evidenceBefore.includes(f));
    assert.equal(added.filter((f) => f.endsWith(".png")).length, 1, "the photo is kept");
    assert.equal(shown.body.photoUrl, `/api/complaints/${complaintId}/photo`);
    const photo = await fetch(`${baseUrl()}/api/complaints/${complaintId}/photo`);
    assert.equal(photo.status, 200);
    assert.equal(photo.headers.get("content-type"), "image/png");
    assert.equal(photo.headers.get("x-content-type-options"), "nosniff");
    assert.deepEqual(
      Buffer.from(await photo.arrayBuffer()),
      Buffer.from(PHOTO.replace(/^data:image\/png;base64,/, ""), "base64"),
      "the photo as filed",
    );
    const complaintPage = await (await fetch(`${baseUrl()}/complaints/${complaintId}`)).text();
    assert.match(complaintPage, new RegExp(`<img[^>]+src="/api/complaints/${complaintId}/photo"`));
    assert.match(complaintPage, new RegExp(`href="/01/${box.gtin}/10/${box.lot}/21/100310"`));
    assert.equal(bond(QINGHE).fen, qingheBefore, "filing alone costs the maker nothing");
    // One open complaint no one has examined is information on the batch, not a caution.
    const shownOnVerdict = await checkOf(box.code, "complaints");
    assert.deepEqual(
      [shownOnVerdict.status, shownOnVerdict.title],
      ["pass", "An open complaint, not examined yet"],
    );
  });

  it("refuses a second complaint about the same box while the first is open", async () => {
    const reply = await post("/api/complaints", {
      code: box.code,
      secret: box.secret,
      kind: "spec-failure",
      description: "Again",
    });
    assert.equal(reply.status, 409);
    assert.equal(reply.body.error?.code, "ComplaintAlreadyOpen");
    assert.match(
      reply.body.error!.message,
      new RegExp(`Complaint ${complaintId} about box 100310 is already open`),
    );
  });

  it("is upheld by the lab's failing retest; the maker's bond pays compensation and the fine", async () => {
    const qingheBefore = bond(QINGHE).fen;
    const posted = medproof(
      ...["test", "post", "--as", "lab", "--gtin", box.gtin, "--lot", box.lot, "--retest"],
      ...["1=9120", "2=4100", "3=380", "4=120", "5=0", "6=20", "7=32"].flatMap((m) => ["--metric", m]),
    );
    assert.equal(posted.code, 0, posted.err);
    const reportIndex = /reportIndex=(\d+)/.exec(posted.out)?.[1];
    assert.ok(reportIndex, posted.out);
    const ruled = medproof(
      "complaint",
      "retest",
      "--as",
      "lab",
      "--id",
      String(complaintId),
      "--report",
      reportIndex,
    );
    assert.equal(ruled.code, 0, ruled.err);

    const shown = await get(`/api/complaints/${complaintId}`);
    assert.equal(shown.body.status, "upheld");
    assert.equal(shown.body.byRetest, true);
    assert.equal(shown.body.compensationFen, 50_000, "4 × 75 yuan is below the 500-yuan minimum");
    assert.equal(shown.body.fineFen, 100_000);
    assert.equal(shown.body.withdrawableFen, 50_000);
    assert.deepEqual(
      (shown.body.history as { name: string }[]).map((e) => e.name),
      ["ComplaintFiled", "ComplaintRuled", "PenaltyApplied"],
    );
    assert.equal(bond(QINGHE).fen, qingheBefore - 150_000);
  });

  it("pays the complainant who holds the claim key, once, and refuses anyone else", async () => {
    const stranger = await post(`/api/complaints/${complaintId}/withdraw`, {
      claimKey: "0x" + "12".repeat(32),
    });
    assert.equal(stranger.status, 403);
    assert.equal(stranger.body.error?.code, "not_complainant");

    const paid = await post(`/api/complaints/${complaintId}/withdraw`, { claimKey });
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    assert.equal(paid.body.amountFen, 50_000);
    const again = await post(`/api/complaints/${complaintId}/withdraw`, { claimKey });
    assert.equal(again.status, 422);
    assert.equal(again.body.error?.code, "NothingToWithdraw");
    const shown = await get(`/api/complaints/${complaintId}`);
    assert.equal(shown.body.withdrawableFen, 0);
    assert.equal((shown.body.history as { name: string }[]).at(-1)?.name, "PayoutWithdrawn");
  });

  it("shows on the batch's verdict, and leaves another batch's verdict as it was", async () => {
    const complaints = await checkOf(box.code, "complaints");
    assert.equal(complaints.status, "warn");
    assert.match(complaints.detail, /by a laboratory retest: 青禾医疗用品有限公司 paid 500\.00 yuan/);
    const other = (await verify(otherBatch.code)).body as { verdict: string; checks: unknown };
    const before = otherBefore as { verdict: string; checks: { id: string }[] };
    assert.equal(other.verdict, before.verdict);
    assert.deepEqual(
      (other.checks as { id: string }[]).filter((c) => c.id !== "clone"),
      before.checks.filter((c) => c.id !== "clone"),
      "every check of another batch reads as before (the clone check counts this test's scans)",
    );
  });
});

describe("a price complaint upheld by an inspector", () => {
  it("charges the seller's bond, which falls below its minimum and suspends the seller", async () => {
    const box = scenario("price-gouging");
    const before = bond(BIANMIN);
    assert.equal(before.suspended, false);
    const missingSeller = await post("/api/complaints", {
      code: box.code,
      secret: box.secret,
      kind: "price-above-cap",
      description: "Charged 150 yuan for a box of 50",
    });
    assert.equal(missingSeller.status, 400);
    assert.equal(missingSeller.body.error?.field, "seller");

    // A licensed pharmacy that never had the batch cannot be named: it could not have sold the box, and
    // an open complaint would lock its bond.
    const evidenceBefore = await evidenceFiles();
    const wrongSeller = await post("/api/complaints", {
      code: box.code,
      secret: box.secret,
      kind: "price-above-cap",
      description: "Charged 150 yuan for a box of 50",
      pricePaid: 150,
      seller: RENXIN,
    });
    assert.equal(wrongSeller.status, 400, JSON.stringify(wrongSeller.body));
    assert.equal(wrongSeller.body.error?.code, "SellerNeverHeldBatch");
    assert.match(wrongSeller.body.error!.message, /never received this batch/);
    assert.deepEqual(await evidenceFiles(), evidenceBefore);

    const filed = await post("/api/complaints", {
      code: box.code,
      secret: box.secret,
      kind: "price-above-cap",
      description: "Charged 150 yuan for a box of 50",
      pricePaid: 150,
      seller: BIANMIN,
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const id = String(filed.body.id);
    const withoutPhoto = await get(`/api/complaints/${id}/photo`);
    assert.equal(withoutPhoto.status, 404);
    assert.equal(withoutPhoto.body.error?.code, "photo_not_found");
    assert.equal((await get(`/api/complaints/${id}`)).body.photoUrl, null);
    const early = medproof(
      "complaint",
      "rule",
      "--as",
      "inspector",
      "--id",
      id,
      "--upheld",
      "--reason",
      "价格超限",
    );
    assert.notEqual(early.code, 0, "an unanswered complaint waits for its answer window");
    assert.match(early.err, /cannot be ruled on before .* unless the party answers first/);
    const answered = medproof(
      "complaint",
      "answer",
      "--as",
      "bianmin",
      "--id",
      id,
      "--response",
      "价格标签错误",
    );
    assert.equal(answered.code, 0, answered.err);
    const ruled = medproof(
      "complaint",
      "rule",
      "--as",
      "inspector",
      "--id",
      id,
      "--upheld",
      "--reason",
      "价格超限",
    );
    assert.equal(ruled.code, 0, ruled.err);

    const shown = await get(`/api/complaints/${id}`);
    assert.equal(shown.body.status, "upheld");
    assert.equal(shown.body.respondent, BIANMIN);
    assert.equal(shown.body.compensationFen, 60_000, "refund plus three times the 150 yuan paid");
    const after = bond(BIANMIN);
    assert.equal(after.fen, before.fen - 160_000);
    assert.equal(after.suspended, true);
  });
});

describe("POST /api/complaints refuses what it cannot file, by name", () => {
  const box = () => scenario("recalled");
  const cases: [string, unknown, number, string][] = [
    ["an empty body", {}, 400, "invalid_request"],
    ["an unknown kind", { code: "x", secret: "x", kind: "bad", description: "xyz" }, 400, "invalid_request"],
    [
      "a code that is not GS1",
      { code: "hello", secret: "x", kind: "spec-failure", description: "xyz" },
      400,
      "invalid_code",
    ],
    [
      "a bare GTIN (no box)",
      { code: "09521234500018", secret: "x", kind: "spec-failure", description: "xyz" },
      400,
      "code_without_serial",
    ],
  ];
  for (const [what, body, status, code] of cases) {
    it(`refuses ${what}`, async () => {
      const reply = await post("/api/complaints", body);
      assert.equal(reply.status, status);
      assert.equal(reply.body.error?.code, code);
      assert.ok(reply.body.error!.message.length > 10);
    });
  }

  it("refuses a secret that is not one, a fake photo, text that is not JSON, and a body over the limit", async () => {
    const base = { code: box().code, kind: "spec-failure", description: "Ear loops came off" };
    const badSecret = await post("/api/complaints", { ...base, secret: "ABCD" });
    assert.equal(badSecret.body.error?.code, "invalid_secret");
    const fakePhoto = await post("/api/complaints", {
      ...base,
      secret: box().secret,
      evidence: "data:image/png;base64," + Buffer.from("<script>").toString("base64"),
    });
    assert.equal(fakePhoto.body.error?.code, "invalid_evidence");
    assert.equal((await post("/api/complaints", "code=1", "application/x-www-form-urlencoded")).status, 415);
    assert.equal((await post("/api/complaints", "{not json")).body.error?.code, "invalid_json");
    const huge = await post("/api/complaints", {
      ...base,
      secret: box().secret,
      evidence: "A".repeat(7 * 1024 * 1024),
    });
    assert.equal(huge.status, 413);
  });

  it("answers an unknown complaint number with 404 and a malformed one with 400", async () => {
    assert.equal((await get("/api/complaints/999")).body.error?.code, "complaint_not_found");
    assert.equal((await get("/api/complaints/abc")).body.error?.code, "invalid_id");
    assert.equal((await get("/api/complaints/999/photo")).body.error?.code, "complaint_not_found");
  });
});
