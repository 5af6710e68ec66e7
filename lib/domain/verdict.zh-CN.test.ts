// The Chinese catalogue on its own: what a Chinese reader is told for the genuine box and for the main
// ways a box goes wrong. (verdict.test.ts and timeline.test.ts also judge every one of their scenarios in
// Chinese and compare it with English; see assertSameInChinese there.)
import { describe, it } from "node:test";
import assert from "node:assert/strict";

import { CHECK_IDS, evaluateVerdict, type Verdict } from "./verdict";
import { buildTimeline } from "./timeline";
import { gs1ErrorMessage } from "./gs1-messages";
import { GS1_ERROR_CODES, parseScannedCode } from "./gs1";
import {
  FIXTURE_NOW,
  makeBoxRecord,
  makeEmptyRecord,
  makePharmacy,
  makeScannedCode,
  makeVerdictInput,
  type VerdictInputOverrides,
} from "./fixtures";
import { DAY } from "./time";
import { assertChinese, englishWords } from "./chinese.test-helper";

function bothLanguages(overrides: VerdictInputOverrides = {}): { en: Verdict; zh: Verdict } {
  const input = makeVerdictInput(overrides);
  return { en: evaluateVerdict(input), zh: evaluateVerdict(input, "zh-CN") };
}

const check = (verdict: Verdict, id: (typeof CHECK_IDS)[number]) => verdict.checks.find((c) => c.id === id)!;

describe("the test's own notion of English", () => {
  it("finds English words but leaves codes, acronyms and addresses alone", () => {
    assert.deepEqual(englishWords("Made in 中国, lot 260925A"), ["Made", "lot"]);
    assert.deepEqual(
      englishWords("GTIN 09521234500018，BFE 98.6 %，YY 0469-2011，0x2546…Ec30，3.2 µg/g"),
      [],
    );
  });
});

describe("the genuine box in Chinese", () => {
  const { en, zh } = bothLanguages();

  it("is genuine in both languages, with the same checks and statuses", () => {
    assert.equal(zh.verdict, "genuine");
    assert.equal(en.verdict, "genuine");
    assert.deepEqual(
      zh.checks.map((c) => `${c.id}:${c.status}`),
      en.checks.map((c) => `${c.id}:${c.status}`),
    );
  });

  it("says why in Chinese, with Chinese units and yuan", () => {
    assert.equal(zh.headline, "由持证企业生产、检验并放行，流向可追溯到货架");
    assert.equal(check(zh, "release").title, "解析 16 天后放行");
    assert.equal(check(zh, "price").title, "本地零售限价：1.80 元/片");
    assert.equal(check(zh, "expiry").title, "失效日期 2028-09-23");
    assert.equal(check(zh, "workshop").title, "在十万级（ISO 8）洁净车间生产");
    assert.match(check(zh, "tests").detail, /BFE 98\.6 %（应 ≥ 95 %）/);
    assert.match(check(zh, "material").detail, /200,000 只口罩/);
    for (const c of zh.checks) {
      assertChinese(c.title, `${c.id} title`);
      assertChinese(c.detail, `${c.id} detail`);
    }
  });

  it("tells the batch's history in Chinese", () => {
    const events = buildTimeline(makeBoxRecord(), "zh-CN");
    assert.deepEqual(
      events.map((e) => e.kind),
      buildTimeline(makeBoxRecord()).map((e) => e.kind),
    );
    assert.ok(events.some((e) => e.title === "生产 200,000 只口罩，装 4,000 盒"));
    for (const e of events) assertChinese(`${e.title}${e.detail}`, e.kind);
  });
});

describe("a box that is not what it claims, in Chinese", () => {
  it("a recalled lot is suspect, and the headline names the recall", () => {
    const { en, zh } = bothLanguages({
      record: { batch: { recall: { at: FIXTURE_NOW - DAY, reason: "细菌过滤效率抽检不合格" } } },
    });
    assert.equal(en.verdict, "suspect");
    assert.equal(zh.verdict, "suspect");
    assert.match(zh.headline, /^已于 \d{4}-\d{2}-\d{2} 召回$/);
    assert.match(check(zh, "recall").detail, /细菌过滤效率抽检不合格。请勿使用/);
  });

  it("a code already sold at a pharmacy says where and when", () => {
    const soldAt = FIXTURE_NOW - 3 * DAY;
    const { zh } = bothLanguages({ record: { serial: { sale: { seller: makePharmacy(), soldAt } } } });
    assert.equal(zh.verdict, "suspect");
    assert.match(zh.headline, /^此码已于 \d{4}-\d{2}-\d{2} 在仁心大药房售出$/);
  });

  it("an unregistered product is not found, in Chinese", () => {
    const zh = evaluateVerdict(
      {
        code: makeScannedCode(),
        record: makeEmptyRecord(),
        recoveredSigner: null,
        scans: null,
        now: FIXTURE_NOW,
        region: 0,
      },
      "zh-CN",
    );
    assert.equal(zh.verdict, "not_found");
    assert.equal(zh.headline, "没有登记的生产企业使用此产品编号");
    for (const c of zh.checks) assertChinese(`${c.title}${c.detail}`, c.id);
  });
});

describe("a code that cannot be read, in Chinese", () => {
  it("has a Chinese sentence for every GS1 error code", () => {
    for (const code of GS1_ERROR_CODES) {
      assertChinese(gs1ErrorMessage({ code, ai: "17", message: "English" }, "zh-CN"), code);
      assertChinese(gs1ErrorMessage({ code, ai: null, message: "English" }, "zh-CN"), code);
    }
  });

  it("keeps gs1.ts's own English sentence in English", () => {
    const parsed = parseScannedCode("hello");
    assert.ok(!parsed.ok);
    assert.equal(gs1ErrorMessage(parsed.error), parsed.error.message);
    assertChinese(gs1ErrorMessage(parsed.error, "zh-CN"), parsed.error.code);
  });
});
