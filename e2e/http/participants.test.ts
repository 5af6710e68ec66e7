// Public participant profiles and the shop QR, against the seeded local chain (read-only).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { baseUrl } from "./world";

const BIANMIN = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";
const LINJIANG = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const QINGHE = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const RENXIN = "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955";

/** The page's text without tags or React's text separators, spaces collapsed. */
async function page(path: string): Promise<{ status: number; html: string; text: string }> {
  const response = await fetch(`${baseUrl()}${path}`);
  const html = await response.text();
  const text = html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
  return { status: response.status, html, text };
}

describe("GET /participants/<address>", () => {
  it("shows 便民大药房's filing, its price violation of 3.00 yuan against the 1.80 cap, and its score", async () => {
    const { status, text, html } = await page(`/participants/${BIANMIN}`);
    assert.equal(status, 200);
    assert.match(text, /便民大药房（石路店）/);
    assert.match(text, /92320508MA1Y5HN72R/);
    assert.match(text, /苏苏药监械经营备20190811号/);
    assert.match(text, /asked 3\.00 yuan\/piece against a cap of 1\.80 yuan\/piece/);
    assert.match(text, /Credit summary/);
    assert.match(text, /per price above the cap recorded/);
    assert.match(html, /data-credit-score="\d+"/);
  });

  it("shows 临江卫材's production licence revoked, with the date and the reason", async () => {
    const { status, text } = await page(`/participants/${LINJIANG}`);
    assert.equal(status, 200);
    assert.match(text, /临江卫材制品有限公司/);
    assert.match(
      text,
      /苏药监械生产许20200417号 Valid [A-Z][a-z]{2} \d{1,2}, \d{4} to [A-Z][a-z]{2} \d{1,2}, \d{4} ; revoked on [A-Z][a-z]{2} \d{1,2}, \d{4}: 飞行检查发现洁净车间环境监测数据不真实，吊销生产许可/,
    );
  });

  it("scores the seeded parties by severity: clean shop, then 3-yuan pharmacy, maker with a recall, revoked maker", async () => {
    const credit = async (address: string) => {
      const { html } = await page(`/participants/${address}`);
      return {
        score: Number(/data-credit-score="(\d+)"/.exec(html)?.[1]),
        grade: /data-credit-badge="(\w+)"/.exec(html)?.[1],
      };
    };
    const renxin = await credit(RENXIN);
    const bianmin = await credit(BIANMIN);
    const qinghe = await credit(QINGHE);
    const linjiang = await credit(LINJIANG);
    assert.ok(renxin.score > bianmin.score, "a clean shop above the one recorded at 3.00 yuan against 1.80");
    assert.ok(bianmin.score > qinghe.score, "overcharging below a recalled batch and an upheld complaint");
    assert.ok(qinghe.score > linjiang.score, "a maker whose production licence was revoked lowest");
    assert.deepEqual(
      [renxin.grade, bianmin.grade, linjiang.grade],
      ["good", "fair", "bad"],
      "the 3-yuan pharmacy is not in good standing",
    );
  });

  it("accepts the address in lower case", async () => {
    assert.equal((await page(`/participants/${BIANMIN.toLowerCase()}`)).status, 200);
  });

  it("answers 404 for an address no one registered, and for a text that is not an address", async () => {
    assert.equal((await page("/participants/0x000000000000000000000000000000000000dEaD")).status, 404);
    assert.equal((await page("/participants/not-an-address")).status, 404);
    assert.equal((await page("/participants/0x000000000000000000000000000000000000dEaD/qr")).status, 404);
  });
});

describe("GET /participants/<address>/qr", () => {
  it("is a printable page with the QR as an SVG data image and a link to the profile", async () => {
    const { status, html } = await page(`/participants/${BIANMIN}/qr`);
    assert.equal(status, 200);
    const src = /<img[^>]+src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html)?.[1];
    assert.ok(src, "an SVG data image");
    const svg = Buffer.from(src, "base64").toString("utf8");
    assert.match(svg, /^<svg[^>]*viewBox="0 0 \d+ \d+"/);
    assert.match(svg, /<path[^>]+d="M/);
    const profile = new URL(`/participants/${BIANMIN}`, baseUrl()).pathname;
    assert.match(html, new RegExp(`<a href="[^"]*${profile}"`));
  });

  it("refuses to print a QR that leads to a loopback address, naming the variable to set", async () => {
    // The test server's DIGITAL_LINK_BASE is http://127.0.0.1:<port>, which no shopper's phone can open.
    const { status, html, text } = await page(`/participants/${BIANMIN}/qr`);
    assert.equal(status, 200);
    assert.match(html, /data-print-refused="local_only_base_url"/);
    assert.match(
      text,
      /This sheet will not print: its QR code leads to http:\/\/127\.0\.0\.1:\d+\/participants\//,
    );
    assert.match(text, /Set DIGITAL_LINK_BASE to the site&#x27;s public address/);
    assert.doesNotMatch(html, /data-print=""/, "no Print button");
  });
});
