// The regulator's API (/api/regulator/**) through HTTP against the real local chain: who may act (401
// without a party, 403 for an account without the regulator's role), malformed input (400, naming the
// field), the contracts' refusals (404 for what does not exist, 409 for what already happened, 422
// otherwise), and the acts themselves, each undone or on a record no other test reads (the meltblown
// supplier's licences, the auditor's roles and suspension). 503 is in faults.world.test.ts.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { actAsCookie, baseUrl, medproof, postAs, scenario } from "./world";

async function rolesOf(party: string): Promise<string[]> {
  const response = await fetch(`${baseUrl()}/api/session`, {
    headers: { cookie: await actAsCookie(party) },
  });
  return ((await response.json()) as { session: { roles: string[] } }).session.roles;
}

const SUPPLIER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const AUDITOR = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const licence = (number: string) => ({
  kind: "production-licence",
  holder: SUPPLIER,
  number,
  categories: [1, 3],
  validFrom: today,
  validUntil: "2031-11-30",
});

describe("who may act as the regulator", () => {
  it("answers 401 not_signed_in with nobody acting", async () => {
    const reply = await postAs("/api/regulator/recalls", {
      gtin: "09521234500018",
      lot: "X",
      reason: "测试召回",
    });
    assert.equal(reply.status, 401);
    assert.equal(reply.body.error?.code, "not_signed_in");
  });

  it("answers 403 not_regulator to an account without the regulator's role, before anything is sent", async () => {
    for (const [path, body] of [
      ["/api/regulator/roles", { account: AUDITOR, role: "INSPECTOR", action: "grant" }],
      ["/api/regulator/suspensions", { action: "suspend", account: AUDITOR, reason: "不应执行" }],
      ["/api/regulator/licences", licence("苏药监械生产许20260001号")],
    ] as const) {
      const reply = await postAs(path, body, "inspector");
      assert.equal(reply.status, 403, path);
      assert.equal(reply.body.error?.code, "not_regulator");
      assert.match(
        reply.body.error?.message ?? "",
        /苏州市市场监督管理局价格监督检查处 does not hold the regulator's role/,
      );
    }
    assert.deepEqual(await rolesOf("auditor"), ["AUDITOR"]);
  });
});

describe("malformed input is a 400 naming the field", () => {
  const cases: [string, unknown, string][] = [
    [
      "/api/regulator/price-caps",
      {
        category: 1,
        region: "abc",
        channel: "retail",
        yuanPerPiece: "1.50",
        effectiveFrom: today,
        legalBasis: "国市监竞争〔2020〕21号",
      },
      "region",
    ],
    [
      "/api/regulator/price-caps",
      {
        category: 9,
        region: 320100,
        channel: "retail",
        yuanPerPiece: "1.50",
        effectiveFrom: today,
        legalBasis: "国市监竞争〔2020〕21号",
      },
      "category",
    ],
    [
      "/api/regulator/price-caps",
      {
        category: 1,
        region: 320100,
        channel: "retail",
        yuanPerPiece: "0",
        effectiveFrom: today,
        legalBasis: "国市监竞争〔2020〕21号",
      },
      "yuanPerPiece",
    ],
    [
      "/api/regulator/price-caps",
      {
        category: 1,
        region: 320100,
        channel: "retail",
        yuanPerPiece: "1.50",
        effectiveFrom: today,
        legalBasis: "",
      },
      "legalBasis",
    ],
    ["/api/regulator/licences", { ...licence("苏药监械生产许20260002号"), categories: [] }, "categories"],
    [
      "/api/regulator/licences",
      { ...licence("苏药监械生产许20260002号"), validUntil: "2020-01-01" },
      "validUntil",
    ],
    [
      "/api/regulator/licences/1/revocation",
      { revokedOn: "2999-01-01", reason: "不可吊销未来" },
      "revokedOn",
    ],
    ["/api/regulator/roles", { account: AUDITOR, role: "ROOT", action: "grant" }, "role"],
    ["/api/regulator/suspensions", { action: "suspend", account: "0x123", reason: "理由充分" }, "account"],
    ["/api/regulator/recalls", { gtin: "09521234500018", lot: "240315A", reason: "" }, "reason"],
  ];
  for (const [path, body, field] of cases) {
    it(`${path}: ${field}`, async () => {
      const reply = await postAs(path, body, "regulator");
      assert.equal(reply.status, 400, JSON.stringify(reply.body));
      assert.equal(reply.body.error?.code, "invalid_request");
      assert.equal(reply.body.error?.field, field);
      assert.ok((reply.body.error?.message ?? "").length > 0);
    });
  }

  it("a licence id that is not a number, and a body that is not JSON", async () => {
    const badId = await postAs(
      "/api/regulator/licences/abc/revocation",
      { revokedOn: today, reason: "理由充分" },
      "regulator",
    );
    assert.equal(badId.status, 400);
    assert.equal(badId.body.error?.code, "invalid_id");
    const response = await fetch(`${baseUrl()}/api/regulator/recalls`, {
      method: "POST",
      headers: { "content-type": "text/plain", cookie: await actAsCookie("regulator") },
      body: "recall everything",
    });
    assert.equal(response.status, 415);
  });
});

describe("the regulator's acts and the contracts' refusals", () => {
  it("grants a licence, revokes it from today (200), and a second revocation is a 409", async () => {
    const granted = await postAs("/api/regulator/licences", licence("苏药监械生产许20269911号"), "regulator");
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    assert.match(granted.body.txHash as string, /^0x[0-9a-f]{64}$/);
    const id = granted.body.licenceId as number;
    assert.ok(id > 0);
    const path = `/api/regulator/licences/${id}/revocation`;
    const revoked = await postAs(path, { revokedOn: today, reason: "飞行检查不合格" }, "regulator");
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    const again = await postAs(path, { revokedOn: today, reason: "飞行检查不合格" }, "regulator");
    assert.equal(again.status, 409);
    assert.equal(again.body.error?.code, "LicenceAlreadyRevoked");
    assert.match(again.body.error?.message ?? "", /already revoked on \d{4}-\d{2}-\d{2}/);
    const html = await (await fetch(`${baseUrl()}/participants/${SUPPLIER}`)).text();
    assert.match(html, /苏药监械生产许20269911号/);
    assert.match(html, /飞行检查不合格/);
  });

  it("refuses a licence number not in the official format (422) and a licence that does not exist (404)", async () => {
    const badNumber = await postAs("/api/regulator/licences", licence("ABC-123"), "regulator");
    assert.equal(badNumber.status, 422);
    assert.equal(badNumber.body.error?.code, "InvalidLicenceNumber");
    const missing = await postAs(
      "/api/regulator/licences/99999/revocation",
      { revokedOn: today, reason: "不存在" },
      "regulator",
    );
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error?.code, "LicenceNotFound");
  });

  it("grants a role and revokes it: the record's roles follow", async () => {
    const granted = await postAs(
      "/api/regulator/roles",
      { account: AUDITOR, role: "LAB", action: "grant" },
      "regulator",
    );
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    assert.deepEqual(await rolesOf("auditor"), ["AUDITOR", "LAB"]);
    const revoked = await postAs(
      "/api/regulator/roles",
      { account: AUDITOR, role: "LAB", action: "revoke" },
      "regulator",
    );
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    assert.deepEqual(await rolesOf("auditor"), ["AUDITOR"]);
  });

  it("suspends and reinstates a participant; doing either twice is a 409", async () => {
    const body = { action: "suspend", account: AUDITOR, reason: "洁净检测报告数据存疑，暂停资格" };
    assert.equal((await postAs("/api/regulator/suspensions", body, "regulator")).status, 200);
    const twice = await postAs("/api/regulator/suspensions", body, "regulator");
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error?.code, "ParticipantIsSuspended");
    const html = await (await fetch(`${baseUrl()}/regulator`)).text();
    assert.match(html, /洁净检测报告数据存疑，暂停资格/);

    const reinstate = { action: "reinstate", account: AUDITOR };
    assert.equal((await postAs("/api/regulator/suspensions", reinstate, "regulator")).status, 200);
    const again = await postAs("/api/regulator/suspensions", reinstate, "regulator");
    assert.equal(again.status, 409);
    assert.equal(again.body.error?.code, "ParticipantNotSuspended");
  });

  it("a batch already recalled is a 409, an unknown one a 404", async () => {
    const recalled = scenario("recalled");
    const reply = await postAs(
      "/api/regulator/recalls",
      { gtin: recalled.gtin, lot: recalled.lot, reason: "再次召回" },
      "regulator",
    );
    assert.equal(reply.status, 409);
    assert.equal(reply.body.error?.code, "BatchIsRecalled");
    const unknown = await postAs(
      "/api/regulator/recalls",
      { gtin: recalled.gtin, lot: "NO-SUCH-LOT", reason: "召回不存在的批次" },
      "regulator",
    );
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error?.code, "BatchNotFound");
  });

  it("sets a price cap with its legal basis (200, with the cap's id)", async () => {
    const reply = await postAs(
      "/api/regulator/price-caps",
      {
        category: 3,
        region: 330100,
        channel: "retail",
        yuanPerPiece: "1.20",
        effectiveFrom: today,
        legalBasis: "杭发改价格〔2026〕5号",
      },
      "regulator",
    );
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.ok((reply.body.capId as number) > 0);
    const html = await (await fetch(`${baseUrl()}/regulator`)).text();
    assert.match(html, /杭发改价格〔2026〕5号/);
  });
});

describe("in the reader's language (Accept-Language: zh-CN), under the same codes", () => {
  const CHINESE = /[\u4e00-\u9fff]/;
  const zh = (path: string, body: unknown, party?: string) => postAs(path, body, party, "zh-CN");

  it("a 400 says in Chinese what is wrong with the field it names", async () => {
    const reply = await zh(
      "/api/regulator/price-caps",
      {
        category: 1,
        region: "abc",
        channel: "retail",
        yuanPerPiece: "1.50",
        effectiveFrom: today,
        legalBasis: "国市监竞争〔2020〕21号",
      },
      "regulator",
    );
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error?.code, "invalid_request");
    assert.equal(reply.body.error?.field, "region");
    assert.equal(reply.body.error?.message, "请填写行政区划代码，例如 320500。");
    const notAnObject = await zh("/api/regulator/roles", "grant everything", "regulator");
    assert.equal(notAnObject.status, 400);
    assert.equal(notAnObject.body.error?.code, "invalid_request");
    assert.match(notAnObject.body.error?.message ?? "", CHINESE);
  });

  it("401 not_signed_in and 403 not_regulator in Chinese", async () => {
    const nobody = await zh("/api/regulator/recalls", {
      gtin: "09521234500018",
      lot: "X",
      reason: "测试召回",
    });
    assert.equal(nobody.status, 401);
    assert.equal(nobody.body.error?.code, "not_signed_in");
    assert.match(nobody.body.error?.message ?? "", CHINESE);
    const reply = await zh(
      "/api/regulator/roles",
      { account: AUDITOR, role: "INSPECTOR", action: "grant" },
      "inspector",
    );
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error?.code, "not_regulator");
    assert.equal(
      reply.body.error?.message,
      "苏州市市场监督管理局价格监督检查处在链上记录中不持有监管角色：只有监管部门可以执行此操作。",
    );
    assert.deepEqual(await rolesOf("auditor"), ["AUDITOR"]);
  });

  it("a contract's refusal (a licence revoked twice) is a 409 worded in Chinese", async () => {
    const granted = await zh("/api/regulator/licences", licence("苏药监械生产许20269913号"), "regulator");
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    const path = `/api/regulator/licences/${granted.body.licenceId as number}/revocation`;
    const revocation = { revokedOn: today, reason: "监督抽检不合格" };
    assert.equal((await zh(path, revocation, "regulator")).status, 200);
    const again = await zh(path, revocation, "regulator");
    assert.equal(again.status, 409);
    assert.equal(again.body.error?.code, "LicenceAlreadyRevoked");
    assert.match(again.body.error?.message ?? "", /^该许可证已于 \d{4}-\d{2}-\d{2} 吊销。$/);
  });
});

describe("the same acts from the back-office CLI", () => {
  it("grants and revokes a licence, a role, and a suspension", async () => {
    const granted = medproof(
      "licence",
      "grant",
      "--as",
      "regulator",
      "--kind",
      "distribution-filing",
      "--party",
      "supplier",
      "--number",
      "苏苏药监械经营备20269912号",
      "--categories",
      "1,3",
      "--from",
      today,
      "--until",
      "2031-11-30",
    );
    assert.equal(granted.code, 0, granted.err);
    const id = /licenceId=(\d+)/.exec(granted.out)?.[1];
    assert.ok(id, granted.out);
    const revoked = medproof(
      "licence",
      "revoke",
      "--as",
      "regulator",
      "--id",
      id,
      "--on",
      today,
      "--reason",
      "备案信息与实际不符",
    );
    assert.equal(revoked.code, 0, revoked.err);
    const again = medproof(
      "licence",
      "revoke",
      "--as",
      "regulator",
      "--id",
      id,
      "--on",
      today,
      "--reason",
      "再次吊销",
    );
    assert.equal(again.code, 1);
    assert.match(again.err, /That licence was already revoked on \d{4}-\d{2}-\d{2}\./);

    assert.equal(
      medproof("role", "grant", "--as", "regulator", "--party", "auditor", "--role", "LAB").code,
      0,
    );
    assert.deepEqual(await rolesOf("auditor"), ["AUDITOR", "LAB"]);
    assert.equal(
      medproof("role", "revoke", "--as", "regulator", "--party", "auditor", "--role", "LAB").code,
      0,
    );
    assert.deepEqual(await rolesOf("auditor"), ["AUDITOR"]);

    const refused = medproof(
      "party",
      "suspend",
      "--as",
      "inspector",
      "--party",
      "auditor",
      "--reason",
      "无权暂停",
    );
    assert.equal(refused.code, 1);
    assert.match(refused.err, /does not hold the role/);
    assert.equal(
      medproof("party", "suspend", "--as", "regulator", "--party", "auditor", "--reason", "暂停测试").code,
      0,
    );
    assert.equal(medproof("party", "reinstate", "--as", "regulator", "--party", "auditor").code, 0);
  });
});
