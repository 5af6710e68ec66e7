import { describe, it } from "node:test";
import assert from "node:assert/strict";

import {
  UNKNOWN_DATE,
  categoryName,
  formatBoxes,
  formatCleanClass,
  formatDate,
  formatDateTime,
  formatDays,
  formatDecimal,
  formatHumidity,
  formatInteger,
  formatKg,
  formatList,
  formatMasks,
  formatMasksPerKg,
  formatMetricAgainstLimit,
  formatMetricLimit,
  formatMetricValue,
  formatPressure,
  formatSerialRange,
  formatTemperature,
  formatTimes,
  formatYuan,
  formatYuanPerPiece,
  isWithinLimits,
  metricLabel,
  metricShortName,
  shortAddress,
  shortPartyName,
  sterilisationMethodName,
} from "./format";
import { isoDateToSeconds } from "./time";

describe("money", () => {
  it("shows yuan from fen with two decimals, as on a price tag", () => {
    assert.equal(formatYuan(180), "1.80 yuan");
    assert.equal(formatYuan(300), "3.00 yuan");
    assert.equal(formatYuan(5), "0.05 yuan");
    assert.equal(formatYuan(0), "0.00 yuan");
    assert.equal(formatYuan(123_456), "1,234.56 yuan");
    assert.equal(formatYuan(-150), "-1.50 yuan");
  });

  it("shows caps and prices per piece", () => {
    assert.equal(formatYuanPerPiece(180), "1.80 yuan/piece");
  });

  it("says 'unknown' rather than NaN", () => {
    assert.equal(formatYuan(Number.NaN), "unknown yuan");
  });
});

describe("dates", () => {
  it("shows dates in China time", () => {
    assert.equal(formatDate(isoDateToSeconds("2026-09-25")), "2026-09-25");
    // 17:00 UTC is already the next day in China.
    assert.equal(formatDate(Date.parse("2026-09-24T17:00:00Z") / 1000), "2026-09-25");
  });

  it("shows date and time to the minute in China time", () => {
    assert.equal(formatDateTime(isoDateToSeconds("2026-11-21") + 15 * 3600 + 2 * 60), "2026-11-21 15:02");
  });

  it("says so when a date cannot be shown instead of throwing", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 1e20]) {
      assert.equal(formatDate(bad), UNKNOWN_DATE);
      assert.equal(formatDateTime(bad), UNKNOWN_DATE);
    }
  });
});

describe("numbers and counts", () => {
  it("groups thousands and rounds integers", () => {
    assert.equal(formatInteger(200_000), "200,000");
    assert.equal(formatInteger(999), "999");
    assert.equal(formatInteger(1230.77), "1,231");
    assert.equal(formatInteger(-1234), "-1,234");
    assert.equal(formatInteger(Number.NaN), "unknown");
  });

  it("shows decimals without trailing zeros", () => {
    assert.equal(formatDecimal(98.6, 2), "98.6");
    assert.equal(formatDecimal(38, 1), "38");
    assert.equal(formatDecimal(1230.77, 1), "1,230.8");
    assert.equal(formatDecimal(-0.01, 1), "0");
    assert.equal(formatDecimal(-2.5, 1), "-2.5");
  });

  it("uses singular and plural", () => {
    assert.equal(formatMasks(1), "1 mask");
    assert.equal(formatMasks(200_000), "200,000 masks");
    assert.equal(formatBoxes(1), "1 box");
    assert.equal(formatBoxes(4000), "4,000 boxes");
    assert.equal(formatDays(16), "16 days");
    assert.equal(formatDays(1), "1 day");
  });

  it("says once, twice, then n times", () => {
    assert.equal(formatTimes(1), "once");
    assert.equal(formatTimes(2), "twice");
    assert.equal(formatTimes(3), "3 times");
  });

  it("shows masses in kg and yields in masks per kg", () => {
    assert.equal(formatKg(190_000), "190 kg");
    assert.equal(formatKg(500), "0.5 kg");
    assert.equal(formatKg(209_250), "209.3 kg");
    assert.equal(formatMasksPerKg(240_000 / 195), "1,231 masks per kg");
  });

  it("shows serial ranges without separators", () => {
    assert.equal(formatSerialRange(100_001, 4000), "100001–104000");
    assert.equal(formatSerialRange(100_001, 0), "none");
  });

  it("joins lists in plain English", () => {
    assert.equal(formatList([]), "");
    assert.equal(formatList(["a"]), "a");
    assert.equal(formatList(["a", "b"]), "a and b");
    assert.equal(formatList(["a", "b", "c"]), "a, b and c");
  });
});

describe("test metrics", () => {
  it("shows fixed-point values with their scale and unit", () => {
    assert.equal(formatMetricValue(1, 9860), "98.6 %");
    assert.equal(formatMetricValue(2, 4100), "41 %");
    assert.equal(formatMetricValue(3, 380), "38 Pa");
    assert.equal(formatMetricValue(4, 120), "120 mmHg");
    assert.equal(formatMetricValue(5, 0), "0 s");
    assert.equal(formatMetricValue(6, 20), "20 CFU/g");
    assert.equal(formatMetricValue(7, 32), "3.2 µg/g");
    assert.equal(formatMetricValue(9, 3432), "343.2 Pa");
    assert.equal(formatMetricValue(8, 9997), "99.97 %");
  });

  it("shows limits as ≥, ≤ or a range", () => {
    assert.equal(formatMetricLimit(1, 9500, null), "≥ 95 %");
    assert.equal(formatMetricLimit(3, null, 490), "≤ 49 Pa");
    assert.equal(formatMetricLimit(1, 9500, 9999), "between 95 % and 99.99 %");
    assert.equal(formatMetricLimit(1, null, null), "no limit");
  });

  it("shows a value against its limit by the short name on test reports", () => {
    assert.equal(formatMetricAgainstLimit(1, 9120, 9500, null), "BFE 91.2 % (must be ≥ 95 %)");
    assert.equal(formatMetricAgainstLimit(3, 380, null, 490), "Δp 38 Pa (must be ≤ 49 Pa)");
    assert.equal(formatMetricAgainstLimit(7, null, null, 100), "EO residue not measured (must be ≤ 10 µg/g)");
    assert.equal(formatMetricAgainstLimit(6, 20, null, null), "bacteria 20 CFU/g");
  });

  it("names metrics, including ones this app does not know yet", () => {
    assert.equal(metricLabel(1), "Bacterial filtration efficiency (BFE)");
    assert.equal(metricShortName(3), "Δp");
    assert.equal(metricShortName(99), "metric 99");
    assert.equal(formatMetricValue(99, 5), "5");
  });

  it("reads limits as inclusive", () => {
    assert.equal(isWithinLimits(9500, 9500, null), true);
    assert.equal(isWithinLimits(9499, 9500, null), false);
    assert.equal(isWithinLimits(490, null, 490), true);
    assert.equal(isWithinLimits(491, null, 490), false);
  });
});

describe("workshop and parties", () => {
  it("shows climate readings from tenths", () => {
    assert.equal(formatTemperature(225), "22.5 °C");
    assert.equal(formatHumidity(520), "52 % RH");
    assert.equal(formatPressure(150), "15 Pa");
  });

  it("shows clean classes with their ISO equivalent", () => {
    assert.equal(formatCleanClass(100_000), "class 100,000 (ISO 8)");
    assert.equal(formatCleanClass(10_000), "class 10,000 (ISO 7)");
    assert.equal(formatCleanClass(300_000), "class 300,000");
  });

  it("shortens addresses to compare at a glance", () => {
    assert.equal(shortAddress("0x976EA74026E726554dB657fA54763abd0C3a0aa9"), "0x976E…0aa9");
    assert.equal(shortAddress("0x12"), "0x12");
    assert.equal(shortAddress(""), "an unnamed account");
  });

  it("gives the name people use for a company or a pharmacy branch", () => {
    assert.equal(shortPartyName("苏州康达医药有限公司"), "苏州康达医药");
    assert.equal(shortPartyName("仁心大药房（观前店）"), "仁心大药房");
    assert.equal(shortPartyName("某某股份有限公司"), "某某");
    assert.equal(shortPartyName("有限公司"), "有限公司");
    assert.equal(shortPartyName("Acme (Suzhou)"), "Acme");
  });

  it("names categories and sterilisation methods in words", () => {
    assert.equal(categoryName(1), "Medical surgical mask");
    assert.equal(categoryName(9), "mask category 9");
    assert.equal(sterilisationMethodName("EO"), "ethylene oxide (EO)");
    assert.equal(sterilisationMethodName("steam"), "steam");
    assert.equal(sterilisationMethodName(""), "an unrecorded method");
  });
});

describe("in Chinese", () => {
  const zh = "zh-CN";

  it("writes money in yuan with 元, per piece as 元/片", () => {
    assert.equal(formatYuan(180, zh), "1.80 元");
    assert.equal(formatYuan(123_456_789, zh), "1,234,567.89 元");
    assert.equal(formatYuanPerPiece(180, zh), "1.80 元/片");
    assert.equal(formatYuan(Number.NaN, zh), "未知 元");
  });

  it("writes dates as on Chinese labels, in China time, and says so when one is unknown", () => {
    assert.equal(formatDate(isoDateToSeconds("2026-09-25"), zh), "2026-09-25");
    assert.equal(formatDateTime(isoDateToSeconds("2026-09-25") + 14 * 3600 + 120, zh), "2026-09-25 14:02");
    assert.equal(formatDate(Number.POSITIVE_INFINITY, zh), "日期不详");
  });

  it("counts with Chinese measure words", () => {
    assert.equal(formatBoxes(4000, zh), "4,000 盒");
    assert.equal(formatBoxes(1, zh), "1 盒");
    assert.equal(formatMasks(500_000, zh), "500,000 只口罩");
    assert.equal(formatDays(14, zh), "14 天");
    assert.equal(formatTimes(1, zh), "1 次");
    assert.equal(formatTimes(2, zh), "2 次");
    assert.equal(formatInteger(Number.NaN, zh), "未知");
  });

  it("writes masses, yields and workshop conditions with Chinese units", () => {
    assert.equal(formatKg(190_000, zh), "190 千克");
    assert.equal(formatMasksPerKg(1230.77, zh), "每千克 1,231 只");
    assert.equal(formatHumidity(520, zh), "相对湿度 52 %");
    assert.equal(formatTemperature(225, zh), "22.5 °C");
    assert.equal(formatPressure(150, zh), "15 Pa");
    assert.equal(formatCleanClass(100_000, zh), "十万级（ISO 8）");
    assert.equal(formatCleanClass(300, zh), "300 级");
  });

  it("names metrics, limits and results as a Chinese test report does", () => {
    assert.equal(metricLabel(1, zh), "细菌过滤效率（BFE）");
    assert.equal(metricShortName(7, zh), "环氧乙烷残留量");
    assert.equal(metricShortName(99, zh), "指标 99");
    assert.equal(formatMetricLimit(3, 180, 280, zh), "18 Pa 至 28 Pa");
    assert.equal(formatMetricLimit(1, null, null, zh), "无限值");
    assert.equal(formatMetricAgainstLimit(1, 9860, 9500, null, zh), "BFE 98.6 %（应 ≥ 95 %）");
    assert.equal(formatMetricAgainstLimit(3, null, null, 490, zh), "压力差 未检测（应 ≤ 49 Pa）");
  });

  it("names categories, lists and sterilisation methods in Chinese", () => {
    assert.equal(categoryName(1, zh), "医用外科口罩");
    assert.equal(categoryName(9, zh), "口罩类别 9");
    assert.equal(formatList(["生产许可证", "注册证"], zh), "生产许可证和注册证");
    assert.equal(formatList(["甲", "乙", "丙"], zh), "甲、乙和丙");
    assert.equal(sterilisationMethodName("EO", zh), "环氧乙烷（EO）");
    assert.equal(sterilisationMethodName("", zh), "未记录的方法");
    assert.equal(formatSerialRange(100_001, 0, zh), "无");
  });

  it("keeps English as it was when no locale is given", () => {
    assert.equal(formatYuanPerPiece(180), "1.80 yuan/piece");
    assert.equal(formatBoxes(4000), formatBoxes(4000, "en"));
    assert.equal(formatBoxes(4000), "4,000 boxes");
  });
});
