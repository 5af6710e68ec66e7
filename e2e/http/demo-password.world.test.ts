// A server other machines can reach (HOST=0.0.0.0) with DEMO_PASSWORD set, on a world of its own: the
// desks' pages offer the demo switch with a password field, and POST /api/session {party, password}
// acts only with the right password; the cookie it sets then works like any other.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWorld, type World } from "../../scripts/lib/world";
import { choose } from "./demo-switch";

const PASSWORD = "mask boxes 2026";
let world: World;
let base: string;

before(async () => {
  world = await startWorld(() => undefined, { host: "0.0.0.0", demoPassword: PASSWORD });
  base = `http://127.0.0.1:${world.port}`;
});

after(async () => {
  await world.stop();
});

describe("the demo switch behind DEMO_PASSWORD", () => {
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
