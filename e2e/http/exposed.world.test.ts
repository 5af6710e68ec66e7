// A server other machines can reach (HOST=0.0.0.0) with no DEMO_PASSWORD, on a world of its own: the
// demo switch is absent from the desks' pages, which say why, and POST /api/session {party} answers
// 403 demo_switch_closed in English and Chinese. A browser wallet still signs in (EIP-4361).
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWorld, type World } from "../../scripts/lib/world";
import { choose } from "./demo-switch";
import { testSigner } from "./siwe-signer";

let world: World;
let base: string;

before(async () => {
  world = await startWorld(() => undefined, { host: "0.0.0.0" });
  base = `http://127.0.0.1:${world.port}`;
});

after(async () => {
  await world.stop();
});

describe("the demo switch on a server other machines can reach, without a demo password", () => {
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

  it("still lets a wallet sign in, its key signing, not the server's; an address alone is refused", async () => {
    const maker = testSigner("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");
    const claim = await choose(base, { wallet: maker.address });
    assert.equal(claim.status, 401);
    assert.equal(claim.body.error?.code, "wallet_unsigned");
    const nonce = await fetch(`${base}/api/session/nonce?address=${maker.address}`);
    const { message } = (await nonce.json()) as { message: string };
    const signedIn = await fetch(`${base}/api/session/siwe`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message, signature: maker.signMessage(message) }),
    });
    assert.equal(signedIn.status, 200);
    assert.match(
      signedIn.headers.get("set-cookie") ?? "",
      /^medproof-signed-in=0x[0-9a-fA-F]{40}\.\d+\.[\w-]{43};/,
    );
  });
});
