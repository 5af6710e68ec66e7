// The complaint form asks what the box cost, so it shows the retail cap per box beside the cap per
// piece, in the reader's language, from the cap in force in the server's region. Read-only.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, scenario } from "./world";

/** The form's page for a box, as text without tags or React's separators. */
async function formText(
  code: string,
  language: string,
): Promise<{ status: number; html: string; text: string }> {
  const response = await fetch(`${baseUrl()}/complaints/new?code=${encodeURIComponent(code)}`, {
    headers: { "accept-language": language },
  });
  const html = await response.text();
  const text = html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
  return { status: response.status, html, text };
}

describe("GET /complaints/new: the price cap per box beside the cap per piece", () => {
  it("shows 1.80 yuan a piece as 90.00 yuan for a surgical box of 50, in English", async () => {
    const { status, html, text } = await formText(scenario("genuine").code, "en-US,en;q=0.9");
    assert.equal(status, 200);
    assert.match(
      text,
      /The retail price cap here is 1\.80 yuan a piece: 90\.00 yuan for this box of 50 masks\./,
    );
    assert.match(html, /data-cap-per-box="9000"/);
    assert.match(html, /aria-describedby="pricePaid-cap pricePaid-hint"/);
  });

  it("shows the same in Chinese", async () => {
    const { text } = await formText(scenario("genuine").code, "zh-CN,zh;q=0.9");
    assert.match(text, /本地零售限价为每片 1\.80 元：这盒 50 片，最高 90\.00 元。/);
  });
});
