// The web back office's JSON routes (manufacturer, lab, auditor) and the label sheet through HTTP against
// the real local chain: every refusal is a named 4xx in words, in the reader's language — malformed
// input (400, with the field), nobody acting (401), the wrong role or party (403), what already happened
// or must happen first (409), any other contract rule (422) — and nothing is half-written. These change
// the record, so `npm test` runs them after the read-only HTTP and browser tests.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { batchIdOf } from "../../lib/chain/backoffice";
import { readDeployment } from "../../lib/chain/deployment";
import { rpcProvider } from "../../lib/chain/provider";
import { PASSING_SURGICAL_RESULTS } from "../../lib/domain/fixtures";
import { actAsCookie, baseUrl, deploymentFile, postAs, rpcUrl, scenario, type ActionReply } from "./world";

const QINGHE = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
const inTwoYears = new Date(Date.now() + 730 * 86_400_000).toISOString().slice(0, 10);

let lotId = 0;
const batch = (overrides: Record<string, unknown> = {}) => ({
  gtin: "09521234500018",
  lot: `W${RUN}`,
  produced: yesterday,
  expiry: inTwoYears,
  masks: 500,
  masksPerBox: 50,
  serialStart: 1,
  workshop: "A栋二层十万级洁净车间",
  materials: [{ lotId, kg: 0.5 }],
  ...overrides,
});

before(async () => {
  const lot = await postAs(
    "/api/manufacturer/lots",
    { code: `MB-W-${RUN}`, grade: "BFE99 25 g/m²", kg: 5, manufacturer: QINGHE },
    "supplier",
  );
  assert.equal(lot.status, 200, JSON.stringify(lot.body));
  lotId = Number(lot.body.lotId);
  assert.ok((lot.body.transfer as { txHash?: string } | null)?.txHash);
});

describe("the manufacturer's routes", () => {
  let batchId = "";

  it("refuses a body that is not JSON (415) and nobody acting (401)", async () => {
    const response = await fetch(`${baseUrl()}/api/manufacturer/batches`, { method: "POST", body: "lot=1" });
    assert.equal(response.status, 415);
    const anonymous = await postAs("/api/manufacturer/batches", batch());
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.error?.code, "not_signed_in");
    // The back office signs as the field desks do: the demo switch, or the account's own wallet.
    assert.equal(
      anonymous.body.error?.message,
      "Choose who acts first (Demo: act as …) on the local chain, or sign in with your wallet.",
    );
  });

  it("names the field of malformed input (400) before anything is sent", async () => {
    const gtin = await postAs("/api/manufacturer/batches", batch({ gtin: "09521234500019" }), "qinghe");
    assert.equal(gtin.status, 400);
    assert.equal(gtin.body.error?.field, "gtin");
    const masks = await postAs("/api/manufacturer/batches", batch({ masks: "many" }), "qinghe");
    assert.equal(masks.status, 400);
    assert.equal(masks.body.error?.field, "masks");
  });

  it("refuses a party without the manufacturer role on the record (403 role_required)", async () => {
    const reply = await postAs("/api/manufacturer/batches", batch(), "lab");
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error?.code, "role_required");
    assert.match(reply.body.error?.message ?? "", /Only a manufacturer can do that/);
  });

  it("passes the contract's refusal on in words: a yield above the ceiling (422)", async () => {
    const reply = await postAs("/api/manufacturer/batches", batch({ masks: 20_000 }), "qinghe");
    assert.equal(reply.status, 422);
    assert.equal(reply.body.error?.code, "YieldAboveCeiling");
    assert.match(
      reply.body.error?.message ?? "",
      /40,000 masks per kg of meltblown is above the ceiling of 1,300/,
    );
  });

  it("registers a batch once (200, then 409 BatchAlreadyRegistered)", async () => {
    const first = await postAs("/api/manufacturer/batches", batch(), "qinghe");
    assert.equal(first.status, 200, JSON.stringify(first.body));
    batchId = String(first.body.batchId);
    assert.match(batchId, /^0x[0-9a-f]{64}$/);
    assert.equal(first.body.boxes, 10);
    const again = await postAs("/api/manufacturer/batches", batch(), "qinghe");
    assert.equal(again.status, 409);
    assert.equal(again.body.error?.code, "BatchAlreadyRegistered");
  });

  it("refuses a release before sterilisation (409), by another maker (403) and of a malformed id (400)", async () => {
    const early = await postAs(`/api/manufacturer/batches/${batchId}/release`, {}, "qinghe");
    assert.equal(early.status, 409);
    assert.equal(early.body.error?.code, "NotSterilised");
    const other = await postAs(`/api/manufacturer/batches/${batchId}/release`, {}, "linjiang");
    assert.equal(other.status, 403);
    assert.equal(other.body.error?.code, "NotBatchManufacturer");
    const malformed = await postAs("/api/manufacturer/batches/0x12/release", {}, "qinghe");
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error?.code, "invalid_batch");
  });

  it("refuses a sterilisation that ends in the future (422) and a time that is not one (400)", async () => {
    const future = await postAs(
      `/api/manufacturer/batches/${batchId}/sterilisation`,
      {
        sterilizer: "清衡灭菌技术有限公司",
        start: new Date().toISOString(),
        end: new Date(Date.now() + 86_400_000).toISOString(),
      },
      "qinghe",
    );
    assert.equal(future.status, 422);
    assert.equal(future.body.error?.code, "InvalidSterilisationPeriod");
    const garbled = await postAs(
      `/api/manufacturer/batches/${batchId}/sterilisation`,
      { sterilizer: "x", start: "soon", end: "later" },
      "qinghe",
    );
    assert.equal(garbled.status, 400);
    assert.equal(garbled.body.error?.field, "start");
  });

  it("serves the label sheet to the batch's maker only, and names bad ranges", async () => {
    const path = `${baseUrl()}/manufacturer/batches/${batchId}/labels.pdf`;
    const sheet = await fetch(path, { headers: { cookie: await actAsCookie("qinghe") } });
    assert.equal(sheet.status, 200);
    assert.equal(sheet.headers.get("content-type"), "application/pdf");
    assert.equal(
      Buffer.from(await sheet.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      "%PDF-",
    );
    const statusOf = async (url: string, party?: string) => {
      const response = await fetch(url, { headers: party ? { cookie: await actAsCookie(party) } : {} });
      return { status: response.status, code: ((await response.json()) as ActionReply["body"]).error?.code };
    };
    assert.deepEqual(await statusOf(path), { status: 401, code: "not_signed_in" });
    assert.deepEqual(await statusOf(path, "linjiang"), { status: 403, code: "not_batch_manufacturer" });
    assert.deepEqual(await statusOf(`${path}?from=11`, "qinghe"), { status: 400, code: "invalid_range" });
    assert.deepEqual(await statusOf(`${path}?count=-1`, "qinghe"), { status: 400, code: "invalid_range" });
    const unknown = `${baseUrl()}/manufacturer/batches/0x${"ab".repeat(32)}/labels.pdf`;
    assert.deepEqual(await statusOf(unknown, "qinghe"), { status: 404, code: "batch_not_found" });
  });

  it("the lab's route refuses an unknown metric (400) and an incomplete report (422 MissingMetric)", async () => {
    const unknown = await postAs(
      `/api/lab/batches/${batchId}/reports`,
      { results: [{ metric: 99, value: 1 }] },
      "lab",
    );
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error?.field, "results.0.metric");
    const incomplete = await postAs(
      `/api/lab/batches/${batchId}/reports`,
      { results: [{ metric: 1, value: 9860 }] },
      "lab",
    );
    assert.equal(incomplete.status, 422);
    assert.equal(incomplete.body.error?.code, "MissingMetric");
    const maker = await postAs(
      `/api/lab/batches/${batchId}/reports`,
      { results: [{ metric: 1, value: 9860 }] },
      "qinghe",
    );
    assert.equal(maker.status, 403);
    assert.equal(maker.body.error?.code, "role_required");
  });

  it("the lab's route refuses a retest for a complaint it cannot decide, before posting the report", async () => {
    const path = `/api/lab/batches/${batchId}/reports`;
    const results = PASSING_SURGICAL_RESULTS;
    const unknown = await postAs(path, { results, complaintId: 999_999 }, "lab");
    assert.equal(unknown.status, 404);
    assert.deepEqual(
      [unknown.body.error?.code, unknown.body.error?.field],
      ["complaint_not_found", "complaintId"],
    );
    // The seeded complaint (number 1) is about the complaint-upheld scenario's batch, and was upheld.
    const seeded = scenario("complaint-upheld");
    const otherBatch = await postAs(path, { results, complaintId: 1 }, "lab");
    assert.equal(otherBatch.status, 422);
    assert.equal(otherBatch.body.error?.code, "complaint_of_other_batch");
    assert.match(otherBatch.body.error!.message, new RegExp(`Complaint 1 is about lot ${seeded.lot}`));
    const deployment = readDeployment(deploymentFile());
    const seededBatch = await batchIdOf(
      deployment,
      rpcProvider(rpcUrl(), deployment.chainId),
      seeded.gtin,
      seeded.lot,
    );
    const ruled = await postAs(`/api/lab/batches/${seededBatch}/reports`, { results, complaintId: 1 }, "lab");
    assert.equal(ruled.status, 409);
    assert.equal(ruled.body.error?.code, "complaint_already_ruled");
    assert.match(ruled.body.error!.message, /already been ruled on: it was upheld\./);

    // Nothing was posted: the batch's first report is the one that follows.
    const first = await postAs(path, { results }, "lab");
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.reportIndex, 0);
    assert.equal(first.body.ruling, null);
  });
});

describe("the auditor's route", () => {
  const attestation = {
    manufacturer: QINGHE,
    workshop: `W-${RUN}`,
    from: yesterday,
    until: inTwoYears,
    particles05: 1_000_000,
    particles5: 5_000,
    airborneCfu: 100,
    settlingCfu: 2,
    temperatureC: 22,
    humidityPct: 50,
    pressurePa: 15,
    staffHealthChecked: true,
    staffTrained: false,
  };

  it("refuses an attestation without the staff's training (422) or a reading out of range, in words", async () => {
    const staff = await postAs("/api/auditor/attestations", attestation, "auditor");
    assert.equal(staff.status, 422);
    assert.equal(staff.body.error?.code, "StaffRecordsIncomplete");
    const pressure = await postAs(
      "/api/auditor/attestations",
      { ...attestation, staffTrained: true, pressurePa: 8 },
      "auditor",
    );
    assert.equal(pressure.status, 422);
    assert.match(pressure.body.error?.message ?? "", /A pressure differential of 8 Pa is not above 10 Pa/);
  });

  it("records a complete attestation (200) for the auditor only", async () => {
    const maker = await postAs("/api/auditor/attestations", { ...attestation, staffTrained: true }, "qinghe");
    assert.equal(maker.status, 403);
    const done = await postAs("/api/auditor/attestations", { ...attestation, staffTrained: true }, "auditor");
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.ok(Number(done.body.attestationId) > 0);
  });
});

describe("in the reader's language (Accept-Language: zh-CN), under the same codes", () => {
  const CHINESE = /[\u4e00-\u9fff]/;
  const zh = (path: string, body: unknown, party?: string) => postAs(path, body, party, "zh-CN");

  it("a 400 says in Chinese what is wrong with the field it names, as English does", async () => {
    const tooMany = batch({ masks: 5_000_000_000 });
    const chinese = await zh("/api/manufacturer/batches", tooMany, "qinghe");
    assert.equal(chinese.status, 400);
    assert.deepEqual(chinese.body.error, {
      code: "invalid_request",
      field: "masks",
      message: "口罩数量不得大于 4,000,000,000。",
    });
    const english = await postAs("/api/manufacturer/batches", tooMany, "qinghe", "en");
    assert.deepEqual(english.body.error, {
      code: "invalid_request",
      field: "masks",
      message: "The number of masks must be at most 4,000,000,000.",
    });
    const sterilisation = await zh(
      `/api/manufacturer/batches/0x${"ab".repeat(32)}/sterilisation`,
      { sterilizer: "清衡灭菌技术有限公司", start: "soon", end: "later" },
      "qinghe",
    );
    assert.equal(sterilisation.body.error?.field, "start");
    assert.equal(sterilisation.body.error?.message, "请按 2026-11-20T08:00 的格式填写灭菌开始时间。");
    const notAnObject = await zh("/api/auditor/attestations", ["everything"], "auditor");
    assert.equal(notAnObject.status, 400);
    assert.equal(notAnObject.body.error?.code, "invalid_request");
    assert.match(notAnObject.body.error?.message ?? "", CHINESE);
    const malformed = await zh("/api/manufacturer/batches/0x12/release", {}, "qinghe");
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error?.code, "invalid_batch");
    assert.match(malformed.body.error?.message ?? "", CHINESE);
  });

  it("403 role_required in Chinese, naming the role and the party", async () => {
    const reply = await zh("/api/manufacturer/batches", batch(), "lab");
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error?.code, "role_required");
    assert.equal(
      reply.body.error?.message,
      "只有生产企业可以执行此操作，而链上记录未将澄明检测技术服务有限公司登记为生产企业。",
    );
    const lot = await zh("/api/manufacturer/lots", { code: `MB-Z-${RUN}`, grade: "BFE99", kg: 1 }, "qinghe");
    assert.equal(lot.status, 403);
    assert.equal(lot.body.error?.code, "role_required");
    assert.match(lot.body.error?.message ?? "", /^只有熔喷布供应商可以执行此操作/);
  });

  it("the label sheet's refusals in Chinese", async () => {
    const unknown = await fetch(`${baseUrl()}/manufacturer/batches/0x${"ab".repeat(32)}/labels.pdf`, {
      headers: { cookie: await actAsCookie("qinghe"), "accept-language": "zh-CN" },
    });
    assert.equal(unknown.status, 404);
    assert.deepEqual(((await unknown.json()) as ActionReply["body"]).error, {
      code: "batch_not_found",
      message: "该批次没有登记。",
    });
  });
});
