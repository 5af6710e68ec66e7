// A server other machines can reach (HOST=0.0.0.0), each case on a world of its own. Without
// DEMO_PASSWORD the demo switch is absent from the desks' pages, which say why, and POST /api/session
// {party} answers 403 demo_switch_closed in English and Chinese (a browser wallet still connects). With
// it, the pages offer the switch with a password field, and only the right password acts; the cookie it
// sets then works like any other.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWorld, type World } from "../../scripts/lib/world";

const PASSWORD = "mask boxes 2026";

async function choose(base: string, body: unknown, language = "en") {
  const response = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": language },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    /** The cookie set ("name=value"), or "" when none was. */
    cookie: (response.headers.get("set-cookie") ?? "").split(";")[0]!,
    body: (await response.json()) as { error?: { code: string; message: string; field?: string } },
  };
}

describe("the demo switch on a server other machines can reach, without a demo password", () => {
  let base = "";
  let world: World | undefined;
  before(async () => {
    world = await startWorld(() => undefined, { host: "0.0.0.0" });
    base = `http://127.0.0.1:${world.port}`;
  });
  after(async () => {
    await world?.stop();
  });

  it("is absent from the desks' pages, which say why", async () => {
    for (const path of ["/inspector", "/manufacturer", "/regulator"]) {
      const page = await (await fetch(`${base}${path}`)).text();
      assert.match(page, /data-demo-switch="closed"/, path);
      assert.doesNotMatch(page, /name="party"/, path);
      assert.match(page, /The demo switch is off: other machines can reach this server/, path);
    }
  });

  it("is refused with 403 demo_switch_closed, in English and in Chinese, and sets no cookie", async () => {
    const english = await choose(base, { party: "regulator" });
    assert.equal(english.status, 403);
    assert.equal(english.cookie, "");
    assert.equal(english.body.error?.code, "demo_switch_closed");
    assert.match(english.body.error?.message ?? "", /no demo password \(DEMO_PASSWORD\) is set/);
    const chinese = await choose(base, { party: "regulator" }, "zh-CN");
    assert.equal(chinese.status, 403);
    assert.equal(chinese.body.error?.code, "demo_switch_closed");
    assert.match(chinese.body.error?.message ?? "", /^演示身份切换已关闭/);
  });

  it("still lets a browser wallet connect: its key signs, not the server's", async () => {
    const wallet = await choose(base, { wallet: "0x90F79bf6EB2c4f870365E785982E1f101E93b906" });
    assert.equal(wallet.status, 200);
    assert.match(wallet.cookie, /^medproof-wallet=0x[0-9a-fA-F]{40}\.\d+\.[\w-]{43}$/);
  });
});

describe("the demo switch behind DEMO_PASSWORD", () => {
  let base = "";
  let world: World | undefined;
  before(async () => {
    world = await startWorld(() => undefined, { host: "0.0.0.0", demoPassword: PASSWORD });
    base = `http://127.0.0.1:${world.port}`;
  });
  after(async () => {
    await world?.stop();
  });

  it("is on the desks' pages with a password field, which say so", async () => {
    const page = await (await fetch(`${base}/inspector`)).text();
    assert.match(page, /data-demo-switch="password"/);
    assert.match(page, /name="party"/);
    assert.match(page, /type="password"/);
    assert.match(page, /Demo only, behind the demo password/);
  });

  it("refuses a missing or wrong password with 403 demo_password_wrong, in English and Chinese", async () => {
    for (const body of [{ party: "regulator" }, { party: "regulator", password: "mask boxes 2025" }]) {
      const refused = await choose(base, body);
      assert.equal(refused.status, 403);
      assert.equal(refused.cookie, "");
      assert.equal(refused.body.error?.code, "demo_password_wrong");
      assert.equal(refused.body.error?.field, "password");
    }
    const chinese = await choose(base, { party: "regulator", password: "wrong" }, "zh-CN");
    assert.equal(chinese.body.error?.message, "演示密码不正确。请向本服务器的管理员索取。");
  });

  it("acts as the party with the right password, and the cookie it sets is the session", async () => {
    const chosen = await choose(base, { party: "regulator", password: PASSWORD });
    assert.equal(chosen.status, 200);
    const response = await fetch(`${base}/api/session`, { headers: { cookie: chosen.cookie } });
    const { session } = (await response.json()) as { session: { party: string; roles: string[] } | null };
    assert.equal(session?.party, "regulator");
    assert.ok(session?.roles.includes("REGULATOR"));
  });
});
