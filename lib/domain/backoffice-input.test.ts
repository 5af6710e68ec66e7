import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { z } from "zod";
import {
  attestationInput,
  batchInput,
  isIsoDate,
  lotInput,
  sterilisationInput,
  testReportInput,
} from "./backoffice-input";
import type { Locale } from "./locale";
import { assertChinese } from "./chinese.test-helper";

const batch = {
  gtin: "09521234500018",
  lot: "261201A",
  produced: "2026-11-20",
  expiry: "2028-11-19",
  masks: 1000,
  masksPerBox: 50,
  serialStart: 100001,
  workshop: "A栋二层十万级洁净车间",
  materials: [{ lotId: 3, kg: 1 }],
};

const attestation = {
  manufacturer: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
  workshop: "A栋",
  from: "2026-12-01",
  until: "2027-11-30",
  particles05: 1,
  particles5: 1,
  airborneCfu: 1,
  settlingCfu: 1,
  temperatureC: 22,
  humidityPct: 50,
  pressurePa: 15,
  staffHealthChecked: true,
  staffTrained: true,
};

const sterilisation = {
  sterilizer: "清衡灭菌技术有限公司",
  start: "2026-11-20T08:00",
  end: "2026-11-20T14:00",
};

/** The first refusal of `input`, as the server answers it: the field's path and the sentence. */
function refusal(schema: (locale: Locale) => z.ZodType, input: unknown, locale: Locale) {
  const parsed = schema(locale).safeParse(input);
  assert.equal(parsed.success, false, `${JSON.stringify(input)} was accepted`);
  const issue = parsed.error!.issues[0]!;
  return { path: issue.path.join("."), message: issue.message };
}

describe("what the back office accepts", () => {
  it("reads real calendar dates only", () => {
    assert.equal(isIsoDate("2026-02-28"), true);
    assert.equal(isIsoDate("2026-02-30"), false);
    assert.equal(isIsoDate("26-02-28"), false);
  });

  it("accepts a batch and refuses a bad GTIN, a lot too long or an expiry before production, naming the field", () => {
    assert.equal(batchInput("en").safeParse(batch).success, true);
    assert.equal(refusal(batchInput, { ...batch, gtin: "09521234500019" }, "en").path, "gtin");
    assert.equal(refusal(batchInput, { ...batch, lot: "X".repeat(21) }, "en").path, "lot");
    assert.match(
      refusal(batchInput, { ...batch, expiry: "2026-11-20" }, "en").message,
      /expiry date must be after the production date/,
    );
    const twice = { ...batch, materials: [batch.materials[0], batch.materials[0]] };
    assert.match(refusal(batchInput, twice, "en").message, /each meltblown lot once/);
  });

  it("takes lab results in fixed-point units of known metrics", () => {
    const report = testReportInput("en");
    assert.equal(report.safeParse({ results: [{ metric: 1, value: 9120 }] }).success, true);
    assert.equal(report.safeParse({ results: [{ metric: 99, value: 1 }] }).success, false);
    assert.equal(report.safeParse({ results: [{ metric: 1, value: 91.2 }] }).success, false);
  });

  it("needs an attestation's validity to end after it starts", () => {
    assert.equal(attestationInput("en").safeParse(attestation).success, true);
    assert.equal(refusal(attestationInput, { ...attestation, until: "2026-11-30" }, "en").path, "until");
  });
});

describe("its refusals in the reader's language", () => {
  /** Malformed inputs of every form, each with what the refusal names in English and in Chinese. */
  const CASES: {
    schema: (locale: Locale) => z.ZodType;
    input: unknown;
    path: string;
    en: string;
    zh: string;
  }[] = [
    {
      schema: batchInput,
      input: { ...batch, produced: "2026-02-30" },
      path: "produced",
      en: "Give the production date as a date like 2026-11-24.",
      zh: "请按 2026-11-24 的格式填写生产日期。",
    },
    {
      schema: batchInput,
      input: { ...batch, masks: 5_000_000_000 },
      path: "masks",
      en: "The number of masks must be at most 4,000,000,000.",
      zh: "口罩数量不得大于 4,000,000,000。",
    },
    {
      schema: batchInput,
      input: { ...batch, masksPerBox: "fifty" },
      path: "masksPerBox",
      en: "Masks per box is a whole number.",
      zh: "每盒只数须为整数。",
    },
    {
      schema: batchInput,
      input: { ...batch, materials: [batch.materials[0], batch.materials[0]] },
      path: "materials",
      en: "Name each meltblown lot once.",
      zh: "每个熔喷布批次只能注明一次。",
    },
    {
      schema: batchInput,
      input: { ...batch, materials: [{ lotId: 3, kg: 0 }] },
      path: "materials.0.kg",
      en: "The meltblown used must be more than zero.",
      zh: "熔喷布用量须大于零。",
    },
    {
      schema: batchInput,
      input: { ...batch, gtin: "09521234500019" },
      path: "gtin",
      en: "The product number (GTIN) 09521234500019 has a wrong check digit: the last digit should be 8.",
      zh: "产品编号（GTIN）的校验位不对：按前面的数字，最后一位应为 8。请对照包装盒上印的号码逐位核对。",
    },
    {
      schema: batchInput,
      input: { ...batch, expiry: "2026-11-01" },
      path: "expiry",
      en: "The expiry date must be after the production date.",
      zh: "失效日期须晚于生产日期。",
    },
    {
      schema: lotInput,
      input: { code: " ", grade: "BFE99", kg: 5 },
      path: "code",
      en: "The lot code is required.",
      zh: "请填写批次编号。",
    },
    {
      schema: lotInput,
      input: { code: "MB-1", grade: "BFE99", kg: 5, manufacturer: "qinghe" },
      path: "manufacturer",
      en: "Choose the manufacturer receiving the lot.",
      zh: "请选择接收该批次的生产企业。",
    },
    {
      schema: sterilisationInput,
      input: { ...sterilisation, start: "soon" },
      path: "start",
      en: "Give the start of sterilisation as a time like 2026-11-20T08:00.",
      zh: "请按 2026-11-20T08:00 的格式填写灭菌开始时间。",
    },
    {
      schema: sterilisationInput,
      input: { ...sterilisation, sterilizer: "灭".repeat(65) },
      path: "sterilizer",
      en: "The sterilizer is at most 64 characters.",
      zh: "灭菌单位不得超过 64 个字符。",
    },
    {
      schema: testReportInput,
      input: { results: [{ metric: 1, value: 91.2 }] },
      path: "results.0.value",
      en: "Each result is a whole number in the metric's fixed-point units (BFE 98.6 % is 9860).",
      zh: "检验结果须按该项目的定点单位填写为整数（如 BFE 98.6 % 填 9860）。",
    },
    {
      schema: testReportInput,
      input: { results: [{ metric: 99, value: 1 }] },
      path: "results.0.metric",
      en: "That is not a known test metric.",
      zh: "这不是已知的检验项目。",
    },
    {
      schema: testReportInput,
      input: { results: [] },
      path: "results",
      en: "Give the results.",
      zh: "请填写检验结果。",
    },
    {
      schema: attestationInput,
      input: { ...attestation, temperatureC: 120 },
      path: "temperatureC",
      en: "The temperature must be at most 100.",
      zh: "温度不得大于 100。",
    },
    {
      schema: attestationInput,
      input: { ...attestation, particles05: -1 },
      path: "particles05",
      en: "Particles ≥0.5 µm must be at least 0.",
      zh: "≥0.5 µm 尘埃粒子数不得小于 0。",
    },
    {
      schema: attestationInput,
      input: { ...attestation, staffTrained: "yes" },
      path: "staffTrained",
      en: "Say whether the staff's training is on record.",
      zh: "请说明人员培训记录是否齐全。",
    },
    {
      schema: attestationInput,
      input: { ...attestation, until: "2026-11-30" },
      path: "until",
      en: "The attestation's validity must end after it starts.",
      zh: "审核证明的有效期截止日须晚于起始日。",
    },
  ];

  for (const { schema, input, path, en, zh } of CASES) {
    it(`${path}: "${en}" / "${zh}"`, () => {
      assert.deepEqual(refusal(schema, input, "en"), { path, message: en });
      assert.deepEqual(refusal(schema, input, "zh-CN"), { path, message: zh });
    });
  }

  it("words in Chinese every refusal of an input that breaks every rule at once, under the same paths", () => {
    const everythingWrong: [(locale: Locale) => z.ZodType, unknown][] = [
      [
        batchInput,
        {
          gtin: 9,
          lot: "",
          produced: "soon",
          expiry: 1,
          masks: 0.5,
          masksPerBox: 0,
          serialStart: "x",
          workshop: 3,
          materials: [{ lotId: 0, kg: 2_000_000 }, 7],
        },
      ],
      [batchInput, { ...batch, materials: Array(9).fill(batch.materials[0]) }],
      [lotInput, { code: "C".repeat(33), grade: null, kg: "much" }],
      [sterilisationInput, { sterilizer: "", method: "M".repeat(17), start: 1, end: "2026-13-40T99:99" }],
      [
        testReportInput,
        {
          results: [{ metric: "BFE", value: "high" }, { metric: 1, value: 2_000_000_000 }, 5],
          retest: "no",
          complaintId: 0,
        },
      ],
      [testReportInput, { results: Array(11).fill({ metric: 1, value: 1 }) }],
      [
        attestationInput,
        {
          manufacturer: "0x12",
          workshop: "",
          from: "2026-02-30",
          particles05: 5_000_000_000,
          particles5: "many",
          airborneCfu: 70_000,
          settlingCfu: 1.5,
          temperatureC: "warm",
          humidityPct: 101,
          pressurePa: -1,
          staffHealthChecked: "yes",
        },
      ],
    ];
    let refusals = 0;
    for (const [schema, input] of everythingWrong) {
      const en = schema("en").safeParse(input).error!.issues;
      const zh = schema("zh-CN").safeParse(input).error!.issues;
      refusals += zh.length;
      assert.deepEqual(
        zh.map((issue) => [issue.code, issue.path.join(".")]),
        en.map((issue) => [issue.code, issue.path.join(".")]),
      );
      for (const issue of zh) assertChinese(issue.message, issue.path.join(".") || "(input)");
    }
    assert.ok(refusals >= 30, `only ${refusals} refusals`);
  });
});
