import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { capInForceAt, groupPriceSeries, layoutPriceChart, PRICE_CHART_BOX } from "./price-chart";
import { DAY, isoDateToSeconds } from "./time";

const at = (date: string) => isoDateToSeconds(date) + 10 * 3600;
const observation = (recordId: number, date: string, fen: number, violation = false) => ({
  recordId,
  observedAt: at(date),
  fenPerPiece: fen,
  violation,
});
const NOW = at("2026-12-01");

describe("the cap in force at a moment", () => {
  const caps = [
    { effectiveFrom: at("2024-02-01"), fenPerPiece: 180 },
    { effectiveFrom: at("2026-06-01"), fenPerPiece: 160 },
    { effectiveFrom: at("2027-01-01"), fenPerPiece: 150 },
  ];
  it("is the latest one effective on or before it", () => {
    assert.equal(capInForceAt(caps, at("2025-01-01"))?.fenPerPiece, 180);
    assert.equal(capInForceAt(caps, at("2026-06-01"))?.fenPerPiece, 160);
    assert.equal(capInForceAt(caps, NOW)?.fenPerPiece, 160);
  });
  it("is none before the first", () => {
    assert.equal(capInForceAt(caps, at("2023-01-01")), null);
  });
});

describe("the price chart's layout", () => {
  const observations = [
    observation(3, "2025-05-01", 300, true),
    observation(1, "2024-05-20", 150),
    observation(2, "2024-11-18", 160),
  ];
  const caps = [
    { effectiveFrom: at("2024-02-01"), fenPerPiece: 180 },
    { effectiveFrom: at("2025-03-01"), fenPerPiece: 200 },
    { effectiveFrom: at("2027-01-01"), fenPerPiece: 150 },
  ];
  const chart = layoutPriceChart(observations, caps, NOW);
  const { box } = chart;

  it("puts every observation inside the plot, in time order, higher prices higher up", () => {
    assert.deepEqual(
      chart.points.map((p) => p.recordId),
      [1, 2, 3],
    );
    for (const p of chart.points) {
      assert.ok(p.x >= box.left && p.x <= box.width - box.right, `x ${p.x}`);
      assert.ok(p.y >= box.top && p.y <= box.height - box.bottom, `y ${p.y}`);
    }
    const [a, b, c] = chart.points;
    assert.ok(a!.x < b!.x && b!.x < c!.x);
    assert.ok(c!.y < b!.y && b!.y < a!.y, "300 fen is drawn above 160, above 150");
    assert.equal(c!.violation, true);
    assert.match(chart.observedPath, /^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
  });

  it("draws the cap as a step line of the caps in force over the span, not a scheduled one", () => {
    assert.deepEqual(
      chart.capsShown.map((c) => c.fenPerPiece),
      [180, 200],
    );
    const segments = chart.capPath.match(/L[\d.]+ [\d.]+/g) ?? [];
    assert.equal(segments.length, 3, chart.capPath);
    assert.ok(chart.capPath.startsWith(`M${box.left} `), "the first cap was in force before the span");
  });

  it("labels the price axis in yuan from 0 past the highest value, and months on the time axis", () => {
    assert.equal(chart.yTicks[0]!.label, "0.00");
    assert.ok(chart.yTicks[chart.yTicks.length - 1]!.at >= 300);
    assert.ok(chart.yTicks.length <= 8);
    assert.ok(chart.xTicks.length >= 2 && chart.xTicks.length <= 7, `${chart.xTicks.length} ticks`);
    for (const tick of chart.xTicks) assert.match(tick.label, /^\d{4}-\d{2}$/);
  });

  it("draws a single observation and no cap without failing", () => {
    const lone = layoutPriceChart([observation(9, "2026-11-20", 850)], [], NOW, PRICE_CHART_BOX);
    assert.equal(lone.points.length, 1);
    assert.equal(lone.observedPath, "");
    assert.equal(lone.capPath, "");
    assert.ok(lone.to - lone.from >= 30 * DAY);
  });
});

describe("grouping observations into charts", () => {
  it("makes one series per region, category and channel, the most observed first, each with its caps", () => {
    const base = { channel: "retail", violation: false, fenPerPiece: 150, observedAt: NOW };
    const series = groupPriceSeries(
      [
        { ...base, recordId: 1, region: 320500, category: 2 },
        { ...base, recordId: 2, region: 320500, category: 1 },
        { ...base, recordId: 3, region: 320500, category: 1 },
        { ...base, recordId: 4, region: 320500, category: 1, channel: "wholesale" },
      ],
      [
        { region: 320500, category: 1, channel: "retail", effectiveFrom: 0, fenPerPiece: 180 },
        { region: 320100, category: 1, channel: "retail", effectiveFrom: 0, fenPerPiece: 150 },
      ],
    );
    assert.deepEqual(
      series.map((s) => [s.region, s.category, s.channel, s.observations.length, s.caps.length]),
      [
        [320500, 1, "retail", 2, 1],
        [320500, 1, "wholesale", 1, 0],
        [320500, 2, "retail", 1, 0],
      ],
    );
  });
});
