// Sign-In with Ethereum through HTTP against the real server: a good sign-in sets the sealed, httpOnly,
// SameSite=Lax cookie and the session (and the desk page) shows the account's roles from the chain;
// sign-out clears it; a replayed nonce, an expired message, a wrong domain, URI or chain, a bad
// signature, a nonce the server never issued, a message that is not one, and an address claimed without a
// signature are each refused by name. The signer is a seeded key held by the test (e2e/http/siwe-signer.ts).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { baseUrl } from "./world";
import { testSigner } from "./siwe-signer";

/** Anvil's account 3: the seeded maker 临江卫材 (its licence revoked since, its role kept). */
const MAKER = testSigner("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");

interface Reply {
  status: number;
  setCookie: string[];
  body: {
    error?: { code: string; message: string };
    session?: { signer: string; address: string; roles: string[] } | null;
  };
}

/** A fresh nonce's message for `address`, as the page asks for it. */
async function messageFor(address: string): Promise<{ message: string; chainId: number }> {
  const response = await fetch(`${baseUrl()}/api/session/nonce?address=${address}`);
  assert.equal(response.status, 200);
  return (await response.json()) as { message: string; chainId: number };
}

async function signIn(message: string, signature: string, language = "en"): Promise<Reply> {
  const response = await fetch(`${baseUrl()}/api/session/siwe`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": language },
    body: JSON.stringify({ message, signature }),
  });
  return {
    status: response.status,
    setCookie: response.headers.getSetCookie(),
    body: (await response.json()) as Reply["body"],
  };
}

/** The message with one line changed, signed by the account: only the server's checks can refuse it. */
async function refusalOf(change: (message: string) => string): Promise<{ status: number; code?: string }> {
  const { message } = await messageFor(MAKER.address);
  const changed = change(message);
  assert.notEqual(changed, message);
  const reply = await signIn(changed, MAKER.signMessage(changed));
  return { status: reply.status, code: reply.body.error?.code };
}

const sessionWith = async (cookie: string) =>
  ((await (await fetch(`${baseUrl()}/api/session`, { headers: { cookie } })).json()) as Reply["body"])
    .session;

describe("Sign-In with Ethereum", () => {
  it("signs in: a sealed 8-hour httpOnly cookie, the account's roles from the chain, on the desk too", async () => {
    const { message, chainId } = await messageFor(MAKER.address);
    assert.match(message, new RegExp(`^${new URL(baseUrl()).host} wants you to sign in`));
    assert.match(message, new RegExp(`\nURI: ${new URL(baseUrl()).origin}\n`));
    assert.match(message, new RegExp(`\nChain ID: ${chainId}\n`));
    assert.match(message, /\nIssued At: .+\nExpiration Time: .+$/);
    const reply = await signIn(message, MAKER.signMessage(message));
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.body.session?.address, MAKER.address);
    const cookieLine = reply.setCookie.find((line) => line.startsWith("medproof-signed-in="));
    assert.match(cookieLine ?? "", /; Max-Age=28800; HttpOnly; SameSite=Lax$/);
    const cookie = cookieLine!.split(";")[0]!;
    const session = await sessionWith(cookie);
    assert.equal(session?.signer, "wallet");
    assert.equal(session?.address, MAKER.address);
    assert.deepEqual(session?.roles, ["MANUFACTURER"]);
    const page = await (await fetch(`${baseUrl()}/manufacturer`, { headers: { cookie } })).text();
    assert.match(page, /Signed in with your wallet as/);
    assert.doesNotMatch(page, /data-role-missing/);
  });

  it("signs out: DELETE /api/session clears the cookie", async () => {
    const response = await fetch(`${baseUrl()}/api/session`, { method: "DELETE" });
    assert.equal(response.status, 200);
    assert.ok(response.headers.getSetCookie().some((line) => /^medproof-signed-in=;.*Max-Age=0/.test(line)));
  });

  it("refuses a message sent again: nonce_replayed", async () => {
    const { message } = await messageFor(MAKER.address);
    const signature = MAKER.signMessage(message);
    assert.equal((await signIn(message, signature)).status, 200);
    const again = await signIn(message, signature);
    assert.equal(again.status, 401);
    assert.equal(again.body.error?.code, "nonce_replayed");
    assert.equal(again.setCookie.length, 0);
  });

  it("refuses an expired message, another site's, another URI's and another chain's, by name", async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    assert.deepEqual(await refusalOf((m) => m.replace(/Expiration Time: .+$/, `Expiration Time: ${past}`)), {
      status: 401,
      code: "message_expired",
    });
    assert.deepEqual(await refusalOf((m) => m.replace(/^[^ ]+ wants you/, "medproof.evil.test wants you")), {
      status: 401,
      code: "wrong_domain",
    });
    assert.deepEqual(
      await refusalOf((m) => m.replace(/\nURI: .+\n/, "\nURI: https://medproof.evil.test\n")),
      {
        status: 401,
        code: "wrong_uri",
      },
    );
    assert.deepEqual(await refusalOf((m) => m.replace(/\nChain ID: \d+\n/, "\nChain ID: 1\n")), {
      status: 401,
      code: "wrong_chain",
    });
    assert.deepEqual(await refusalOf((m) => m.replace(/\nNonce: \w+\n/, "\nNonce: 0123456789abcdef\n")), {
      status: 401,
      code: "nonce_unknown",
    });
  });

  it("refuses another key's signature (bad_signature) without using the nonce up", async () => {
    const { message } = await messageFor(MAKER.address);
    const forged = await signIn(message, testSigner().signMessage(message));
    assert.equal(forged.status, 401);
    assert.equal(forged.body.error?.code, "bad_signature");
    assert.equal((await signIn(message, MAKER.signMessage(message))).status, 200);
  });

  it("refuses text that is not an EIP-4361 message, in the reader's language", async () => {
    const english = await signIn("Please let me in", MAKER.signMessage("Please let me in"));
    assert.equal(english.status, 400);
    assert.equal(english.body.error?.code, "malformed_message");
    const chinese = await signIn("请让我登录", MAKER.signMessage("请让我登录"), "zh-CN");
    assert.equal(chinese.body.error?.code, "malformed_message");
    assert.match(chinese.body.error?.message ?? "", /以太坊登录/);
  });

  it("refuses an address claimed without a signature: POST /api/session {wallet} is wallet_unsigned", async () => {
    const response = await fetch(`${baseUrl()}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ wallet: MAKER.address }),
    });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as Reply["body"]).error?.code, "wallet_unsigned");
    assert.equal(response.headers.getSetCookie().length, 0);
    assert.equal(await sessionWith(`medproof-signed-in=${MAKER.address}`), null);
  });
});
