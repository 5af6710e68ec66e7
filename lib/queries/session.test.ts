import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DemoKeysRefusedError, uninstallDemoPlugin } from "../chain/demo-plugin";
import { demo, installDemo } from "../../scripts/demo/plugin";
import {
  ACT_AS_COOKIE,
  chooseParty,
  currentSession,
  deskActor,
  demoParties,
  demoSwitch,
  partyFromCookieHeader,
  sessionCookie,
  SIGNED_IN_COOKIE,
  signedInAccount,
  signedInCookie,
} from "./session";
import { unsignedWalletClaim } from "./siwe";
import { recordPrice, decideShipment } from "./field";
import { openDb } from "../stores/db";
import { RateLimiter } from "../stores/rate-limit";

// The demo's parties, as the embedded chain's starters install them.
installDemo();
// The install's session secret is made here, not in the working copy's .data/ (env is read on first use).
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "medproof-session-"));
// Tries at the password are counted in a database of the test's own (the app's is the runtime's).
const db = openDb({ databaseUrl: null, dataDir: process.env.DATA_DIR });
after(() => db.close());
const tries = new RateLimiter(db, "demo-password", 20, 15 * 60_000);

const otherChain = async () => {
  throw new DemoKeysRefusedError(1n);
};
const localChain = async () => undefined;
const LOOPBACK = { hostIsLoopback: true, demoPassword: null };
const EXPOSED = { hostIsLoopback: false, demoPassword: null };
const WITH_PASSWORD = { hostIsLoopback: false, demoPassword: "correct horse" };

/** The name=value part of a Set-Cookie line, as a browser sends it back. */
const sent = (setCookie: string) => setCookie.split(";")[0]!;

describe("Demo: act as …", () => {
  it("is refused with 403 demo_keys_refused on any chain but the local one", async () => {
    const outcome = await chooseParty({ party: "inspector" }, { check: otherChain, exposure: LOOPBACK });
    assert.equal(outcome.status, 403);
    assert.ok("error" in outcome.body);
    assert.equal(outcome.body.error.code, "demo_keys_refused");
    assert.match(outcome.body.error.message, /this chain has id 1\. Sign in with/);
  });

  it("says so in Chinese to a Chinese reader, with both chain ids", async () => {
    const outcome = await chooseParty(
      { party: "inspector" },
      { check: otherChain, exposure: LOOPBACK, locale: "zh-CN" },
    );
    assert.ok("error" in outcome.body);
    assert.equal(outcome.body.error.code, "demo_keys_refused");
    assert.equal(
      outcome.body.error.message,
      "演示密钥仅限本地链（ID 31337）使用，当前链的 ID 为 1。请使用本单位自己的密钥登录。",
    );
  });

  it("refuses a party that is not a seeded one before asking the chain", async () => {
    const outcome = await chooseParty({ party: "constructor" }, { check: otherChain });
    assert.equal(outcome.status, 400);
    assert.ok("error" in outcome.body);
    assert.equal(outcome.body.error.code, "unknown_party");
  });

  it("seals the party's name in an httpOnly, SameSite=Lax cookie, and reads it back", () => {
    const cookie = sessionCookie("renxin", true);
    assert.match(
      cookie,
      /^medproof-act-as=renxin\.\d+\.[\w-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax; Secure$/,
    );
    assert.equal(partyFromCookieHeader(`a=1; ${sent(cookie)}`), "renxin");
    assert.equal(partyFromCookieHeader(null), null);
  });

  it("treats a hand-made cookie naming a party as nobody acting", () => {
    assert.equal(partyFromCookieHeader(`${ACT_AS_COOKIE}=regulator`), null);
    assert.equal(partyFromCookieHeader(`${ACT_AS_COOKIE}=toString`), null);
  });

  it("treats a tampered seal as nobody acting: another party, a changed MAC, another cookie's seal", () => {
    const value = sent(sessionCookie("qinghe", false)).slice(ACT_AS_COOKIE.length + 1);
    const [, expiry, mac] = value.split(".") as [string, string, string];
    const flipped = (mac[0] === "A" ? "B" : "A") + mac.slice(1);
    assert.equal(partyFromCookieHeader(`${ACT_AS_COOKIE}=regulator.${expiry}.${mac}`), null);
    assert.equal(partyFromCookieHeader(`${ACT_AS_COOKIE}=qinghe.${expiry}.${flipped}`), null);
    const wallet = sent(signedInCookie("0x00000000000000000000000000000000000000aa", false));
    assert.equal(
      partyFromCookieHeader(`${ACT_AS_COOKIE}=${wallet.slice(SIGNED_IN_COOKIE.length + 1)}`),
      null,
    );
  });
});

describe("who may reach the demo switch", () => {
  it("offers it on loopback, behind the password when one is set, and not otherwise", async () => {
    assert.equal(await demoSwitch(localChain, LOOPBACK), "open");
    assert.equal(await demoSwitch(localChain, WITH_PASSWORD), "password");
    assert.equal(await demoSwitch(localChain, EXPOSED), "closed");
    assert.equal(await demoSwitch(otherChain, EXPOSED), "other_chain");
  });

  it("refuses the switch with 403 demo_switch_closed off loopback without a password, in both languages", async () => {
    const english = await chooseParty({ party: "regulator" }, { check: localChain, exposure: EXPOSED });
    const chinese = await chooseParty(
      { party: "regulator" },
      { check: localChain, exposure: EXPOSED, locale: "zh-CN" },
    );
    assert.equal(english.status, 403);
    assert.ok("error" in english.body && "error" in chinese.body);
    assert.equal(english.body.error.code, "demo_switch_closed");
    assert.match(english.body.error.message, /^The demo switch is off: other machines can reach this server/);
    assert.equal(chinese.body.error.code, "demo_switch_closed");
    assert.match(chinese.body.error.message, /^演示身份切换已关闭/);
  });

  it("asks for the demo password when one is set, and lets the right one through", async () => {
    const options = { check: otherChain, exposure: WITH_PASSWORD, client: "192.0.2.1", tries };
    for (const password of [undefined, "wrong horse", "correct horse "]) {
      const refused = await chooseParty({ party: "regulator", password }, options);
      assert.equal(refused.status, 403, String(password));
      assert.ok("error" in refused.body);
      assert.deepEqual(refused.body.error, {
        code: "demo_password_wrong",
        message: "That is not the demo password. Ask whoever runs this server for it.",
        field: "password",
      });
    }
    // Past the password, the chain is asked: here it is not the local one.
    const through = await chooseParty({ party: "regulator", password: "correct horse" }, options);
    assert.ok("error" in through.body);
    assert.equal(through.body.error.code, "demo_keys_refused");
  });

  it("stops counting tries at the password after 20 from one client, with 429 rate_limited", async () => {
    const options = { check: otherChain, exposure: WITH_PASSWORD, client: "192.0.2.2", tries };
    for (let i = 0; i < 20; i += 1) {
      const outcome = await chooseParty({ party: "regulator", password: `guess ${i}` }, options);
      assert.equal(outcome.status, 403);
    }
    const limited = await chooseParty({ party: "regulator", password: "correct horse" }, options);
    assert.equal(limited.status, 429);
    assert.ok("error" in limited.body);
    assert.equal(limited.body.error.code, "rate_limited");
    const elsewhere = await chooseParty(
      { party: "regulator", password: "correct horse" },
      { ...options, client: "192.0.2.3" },
    );
    assert.notEqual(elsewhere.status, 429);
  });
});

describe("an account signed in with its wallet", () => {
  it("is kept in a sealed httpOnly cookie, which signs nothing, and read back by signedInAccount", () => {
    const cookie = signedInCookie("0x00000000000000000000000000000000000000aa", false);
    assert.match(
      cookie,
      /^medproof-signed-in=0x0{38}aa\.\d+\.[\w-]{43}; Path=\/; Max-Age=28800; HttpOnly; SameSite=Lax$/,
    );
    assert.equal(signedInAccount(`a=1; ${sent(cookie)}`), "0x00000000000000000000000000000000000000aa");
    assert.equal(signedInAccount(null), null);
  });

  it("is nobody when the cookie is typed by hand or carries the act-as seal, without asking the chain", async () => {
    const cookies = new Map([[SIGNED_IN_COOKIE, { value: "0x00000000000000000000000000000000000000aa" }]]);
    assert.equal(await currentSession(cookies), null);
    assert.equal(signedInAccount(`${SIGNED_IN_COOKIE}=0x00000000000000000000000000000000000000aa`), null);
    const party = sent(sessionCookie("qinghe", false)).slice(ACT_AS_COOKIE.length + 1);
    assert.equal(signedInAccount(`${SIGNED_IN_COOKIE}=${party}`), null);
  });

  it("is never an address claimed without a signature: named refusal, in the reader's language", () => {
    const english = unsignedWalletClaim();
    const chinese = unsignedWalletClaim("zh-CN");
    assert.equal(english.status, 401);
    assert.ok("error" in english.body && "error" in chinese.body);
    assert.equal(english.body.error.code, "wallet_unsigned");
    assert.match(english.body.error.message, /sign in with your wallet/);
    assert.match(chinese.body.error.message, /用钱包登录/);
  });
});

describe("field answers in the request's language", () => {
  it("names what is wrong with a request in Chinese or English, before anything reaches the chain", async () => {
    const price = await recordPrice(null, { seller: "nobody" }, "zh-CN");
    assert.equal(price.status, 400);
    assert.ok("error" in price.body);
    assert.deepEqual(price.body.error, {
      code: "invalid_request",
      message: "请选择销售方（其在链上的地址，0x…）。",
      field: "seller",
    });
    const shipment = await decideShipment(null, "x", { decision: "accept" }, "zh-CN");
    assert.ok("error" in shipment.body);
    assert.equal(shipment.body.error.message, "发货单号应为整数，例如 12。");
    const unknown = await chooseParty({ party: "constructor" }, { check: otherChain, locale: "zh-CN" });
    assert.ok("error" in unknown.body);
    assert.match(unknown.body.error.message, /^没有名为“constructor”的演示身份/);
  });

  it("refuses a `wallet` account that is not an address", async () => {
    const sale = await decideShipment({ account: "0xabc", signer: "wallet" }, "3", { decision: "accept" });
    assert.equal(sale.status, 400);
    assert.ok("error" in sale.body);
    assert.equal(sale.body.error.field, "wallet");
  });
});

describe("who acts on a desk: an account", () => {
  const WALLET = "0x00000000000000000000000000000000000000bb";
  const INSPECTOR = demo.parties.find((p) => p.key === "inspector")!.address;

  it("is the body's `wallet`, else the signed-in wallet, else the act-as party's account", () => {
    const actAs = sent(sessionCookie("inspector", false));
    const signedIn = sent(signedInCookie(WALLET, false));
    assert.deepEqual(deskActor(actAs, WALLET), { account: WALLET, signer: "wallet" });
    assert.deepEqual(deskActor(`${actAs}; ${signedIn}`), { account: WALLET, signer: "wallet" });
    assert.equal(signedInAccount(signedIn), WALLET);
    assert.deepEqual(deskActor(actAs), { account: INSPECTOR, signer: "demo" });
    assert.equal(deskActor(null), null);
  });

  it("is nobody by the act-as cookie when the demo is not installed (as on npm run serve)", () => {
    const actAs = sent(sessionCookie("inspector", false));
    uninstallDemoPlugin();
    try {
      assert.equal(deskActor(actAs), null);
      assert.deepEqual(demoParties(), []);
    } finally {
      installDemo();
    }
  });
});
