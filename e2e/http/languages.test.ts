// The request's language over HTTP: the complaint API's named errors in Chinese for a Chinese browser
// (or the language switch's cookie) with the same codes as in English; the language switch itself
// (POST /api/locale); the pages' <html lang>; the manifest in both languages. Read-only: every
// complaint here is refused before anything is written.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, scenario } from "./world";

const CHINESE = /\p{Script=Han}/u;

interface Refusal {
  status: number;
  error: { code: string; message: string; field?: string };
}

async function complain(body: unknown, headers: Record<string, string>): Promise<Refusal> {
  const response = await fetch(`${baseUrl()}/api/complaints`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<Refusal, "status">) };
}

const zh = { "accept-language": "zh-CN,zh;q=0.9,en;q=0.5" };
const en = { "accept-language": "en-US,en;q=0.9" };

describe("POST /api/complaints refusals in the request's language", () => {
  // A box no other HTTP test complains about: refusals after the code is read count against the
  // box's attempts (five an hour).
  const box = scenario("unknown-serial");
  const complete = { code: box.code, kind: "spec-failure", description: "耳带脱落", secret: "" };

  it("answers a complaint without a description in Chinese with Accept-Language: zh-CN, same code", async () => {
    const { description: _left, ...withoutDescription } = complete;
    const chinese = await complain(withoutDescription, zh);
    const english = await complain(withoutDescription, en);
    assert.equal(chinese.status, 400);
    assert.equal(english.status, 400);
    assert.equal(chinese.error.code, "invalid_request");
    assert.equal(chinese.error.code, english.error.code);
    assert.equal(chinese.error.field, "description");
    assert.equal(chinese.error.message, "请简单描述一下问题。");
    assert.equal(english.error.message, "Say in a few words what is wrong.");
  });

  it("explains a code that is not a product code in Chinese (invalid_code)", async () => {
    const reply = await complain({ ...complete, code: "hello" }, zh);
    assert.equal(reply.status, 400);
    assert.equal(reply.error.code, "invalid_code");
    assert.match(reply.error.message, /这不是 MedProof 能识别的产品码/);
  });

  it("explains a malformed code from inside the box in Chinese (invalid_secret)", async () => {
    const reply = await complain({ ...complete, secret: "not a secret" }, zh);
    assert.equal(reply.status, 400);
    assert.equal(reply.error.code, "invalid_secret");
    assert.match(reply.error.message, /盒内验证码共 26 位/);
  });

  it("lets the language switch's cookie outrank Accept-Language", async () => {
    const reply = await complain(complete, { ...en, cookie: "theme=dark; locale=zh-CN" });
    assert.equal(reply.status, 400);
    assert.equal(reply.error.code, "invalid_secret");
    assert.match(reply.error.message, CHINESE);
  });

  it("answers a body that is not JSON in Chinese too (415 unsupported_media_type)", async () => {
    const response = await fetch(`${baseUrl()}/api/complaints`, {
      method: "POST",
      headers: { "content-type": "text/plain", ...zh },
      body: "hello",
    });
    const body = (await response.json()) as Omit<Refusal, "status">;
    assert.equal(response.status, 415);
    assert.equal(body.error.code, "unsupported_media_type");
    assert.match(body.error.message, /请以 JSON 格式发送请求/);
  });

  it("answers an unknown complaint number in Chinese (GET, 404 complaint_not_found)", async () => {
    const response = await fetch(`${baseUrl()}/api/complaints/999999`, { headers: zh });
    const body = (await response.json()) as Omit<Refusal, "status">;
    assert.equal(response.status, 404);
    assert.equal(body.error.code, "complaint_not_found");
    assert.equal(body.error.message, "没有编号为 999999 的投诉。");
  });

  it("stays in English for a client that names neither language", async () => {
    const reply = await complain({ ...complete, code: "hello" }, {});
    assert.equal(reply.error.code, "invalid_code");
    assert.doesNotMatch(reply.error.message, CHINESE);
  });
});

describe("POST /api/locale (the header's language switch)", () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl()}/api/locale`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body,
      redirect: "manual",
    });

  it("refuses a language it does not speak with a named 400", async () => {
    const response = await post("locale=fr");
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "unknown_locale");
    assert.ok(body.error.message.length > 10);
    assert.equal(response.headers.get("set-cookie"), null);
  });

  it("sets the cookie and goes back to the page on this site it came from", async () => {
    const response = await post("locale=zh-CN", { referer: `${baseUrl()}/scan?from=test` });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), "/scan?from=test");
    assert.match(response.headers.get("set-cookie") ?? "", /^locale=zh-CN; Path=\/;/);
  });

  it("goes home, not to another site, when the Referer is foreign", async () => {
    const response = await post("locale=en", { referer: "https://evil.example/phish" });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), "/");
  });

  it("goes home when the Referer's path would lead to another site (//evil, /\\evil)", async () => {
    for (const path of ["//evil.example/phish", "/\\evil.example/phish", "//evil.example"]) {
      const response = await post("locale=en", { referer: `${baseUrl()}${path}` });
      assert.equal(response.status, 303);
      assert.equal(response.headers.get("location"), "/", path);
    }
  });
});

describe("pages and manifest", () => {
  it("serves the home page in Chinese, with <html lang=zh-CN>, to a Chinese browser", async () => {
    const html = await (await fetch(`${baseUrl()}/`, { headers: zh })).text();
    assert.match(html, /<html lang="zh-CN"/);
    assert.match(html, /这盒口罩是真的吗？/);
  });

  it("names the installed app in both languages", async () => {
    const manifest = (await (await fetch(`${baseUrl()}/manifest.webmanifest`)).json()) as { name: string };
    assert.match(manifest.name, /查验口罩/);
    assert.match(manifest.name, /check a mask box/);
  });
});
