// /api/verify answers in the reader's language: the `locale` cookie (the language switch), then
// Accept-Language, else English. Only the sentences change; codes, ids, statuses and levels do not.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, scenario } from "./world";

interface Answer {
  status: number;
  language: string | null;
  body: {
    verdict?: string;
    headline?: string;
    checks?: { id: string; status: string; title: string; detail: string }[];
    batch?: { timeline: { kind: string; title: string }[] };
    error?: { code: string; message: string };
  };
}

async function verifyIn(code: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${baseUrl()}/api/verify?code=${encodeURIComponent(code)}`, { headers });
  return {
    status: response.status,
    language: response.headers.get("content-language"),
    body: (await response.json()) as Answer["body"],
  };
}

const HAN = /\p{Script=Han}/u;
/** An English sentence: words of lower-case letters ("the", "was"). */
const ENGLISH = /\b(the|was|and|by|of|on)\b/;

describe("GET /api/verify in the reader's language", () => {
  const genuine = scenario("genuine").code;

  it("answers in Chinese to Accept-Language: zh-CN", async () => {
    const zh = await verifyIn(genuine, { "accept-language": "zh-CN,zh;q=0.9,en;q=0.8" });
    assert.equal(zh.status, 200);
    assert.equal(zh.language, "zh-CN");
    assert.equal(zh.body.verdict, "genuine");
    assert.equal(zh.body.headline, "由持证企业生产、检验并放行，流向可追溯到货架");
    for (const check of zh.body.checks!) {
      assert.match(`${check.title}${check.detail}`, HAN, check.id);
      assert.doesNotMatch(`${check.title} ${check.detail}`, ENGLISH, check.id);
    }
    assert.match(zh.body.checks!.find((c) => c.id === "price")!.title, /1\.80 元\/片/);
    assert.ok(zh.body.batch!.timeline.every((event) => HAN.test(event.title)));
  });

  it("answers in English otherwise, with the same verdict, check ids and statuses", async () => {
    const zh = await verifyIn(genuine, { "accept-language": "zh-CN" });
    const englishRequests: Record<string, string>[] = [
      {},
      { "accept-language": "en-US,en;q=0.9" },
      { "accept-language": "fr-FR" },
    ];
    for (const headers of englishRequests) {
      const en = await verifyIn(genuine, headers);
      assert.equal(en.status, 200);
      assert.equal(en.language, "en");
      assert.equal(
        en.body.headline,
        "Made, tested and released by licensed parties, and traced to the shelf",
      );
      // Names on the record stay Chinese in English; the sentences around them do not.
      assert.doesNotMatch(JSON.stringify(en.body.checks), /元\/片|批号|失效日期/);
      assert.deepEqual(
        en.body.checks!.map((c) => [c.id, c.status]),
        zh.body.checks!.map((c) => [c.id, c.status]),
      );
    }
  });

  it("follows the language switch's cookie before Accept-Language", async () => {
    const zh = await verifyIn(genuine, { cookie: "locale=zh-CN", "accept-language": "en-US" });
    assert.equal(zh.language, "zh-CN");
    assert.match(zh.body.headline!, HAN);
    const en = await verifyIn(genuine, { cookie: "other=1; locale=en", "accept-language": "zh-CN" });
    assert.equal(en.language, "en");
    assert.doesNotMatch(en.body.headline!, HAN);
  });

  it("says why a suspect box is suspect in Chinese", async () => {
    const zh = await verifyIn(scenario("recalled").code, { "accept-language": "zh-CN" });
    assert.equal(zh.body.verdict, "suspect");
    assert.match(zh.body.headline!, /召回/);
    assert.equal(zh.body.checks!.find((c) => c.id === "recall")!.status, "fail");
  });

  it("refuses a code it cannot read in Chinese, with the same error code", async () => {
    const zh = await verifyIn("not a code", { "accept-language": "zh-CN" });
    const en = await verifyIn("not a code", {});
    assert.equal(zh.status, 400);
    assert.equal(zh.body.error!.code, "invalid_code");
    assert.equal(en.body.error!.code, "invalid_code");
    assert.match(zh.body.error!.message, HAN);
    assert.doesNotMatch(en.body.error!.message, HAN);
  });
});
