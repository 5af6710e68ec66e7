// The geometry of the regulator's price chart: observed prices of one category in one region and
// channel over time, against the cap in force at each moment (a step line). Pure: the page renders the
// numbers computed here as an SVG on the server, with no chart library and no script.
import { DAY, secondsToIsoDate } from "./time";

export interface ChartObservation {
  recordId: number;
  observedAt: number;
  fenPerPiece: number;
  violation: boolean;
}

export interface ChartCap {
  effectiveFrom: number;
  fenPerPiece: number;
}

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

// Narrow enough that its 14-unit labels stay legible on a phone (about 9 px) and on a desktop (about 15 px).
export const PRICE_CHART_BOX: ChartBox = {
  width: 520,
  height: 260,
  left: 48,
  right: 26,
  top: 32,
  bottom: 30,
};

export interface ChartPoint extends ChartObservation {
  x: number;
  y: number;
}

export interface ChartTick {
  at: number;
  label: string;
}

export interface PriceChart {
  box: ChartBox;
  points: ChartPoint[];
  /** SVG path of the observations in time order ("" with fewer than two). */
  observedPath: string;
  /** SVG path of the cap in force over the chart's span, a step line ("" when no cap applies). */
  capPath: string;
  /** Caps in force at some moment of the span, in time order (what the cap line is drawn from). */
  capsShown: ChartCap[];
  xTicks: (ChartTick & { x: number })[];
  yTicks: (ChartTick & { y: number })[];
  from: number;
  to: number;
}

const Y_STEPS_FEN = [5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000];
const MONTH_STEPS = [1, 2, 3, 6, 12, 24];
const round = (value: number) => Math.round(value * 10) / 10;

/** The cap in force at `at`: the one with the latest effective date on or before it. */
export function capInForceAt(caps: readonly ChartCap[], at: number): ChartCap | null {
  let found: ChartCap | null = null;
  for (const cap of caps) {
    if (cap.effectiveFrom <= at && (found === null || cap.effectiveFrom >= found.effectiveFrom)) found = cap;
  }
  return found;
}

/** "0.50" for 50 fen: axis labels are yuan with two decimals, language-neutral. */
export const yuanLabel = (fen: number) => (fen / 100).toFixed(2);

/** First days of months (China time) after `from` up to `to`, as "2024-05": every `step`-th month of the
 * calendar (step 3: January, April, July, October). */
function monthTicks(from: number, to: number, step: number): ChartTick[] {
  const ticks: ChartTick[] = [];
  const [startYear, startMonth] = secondsToIsoDate(from).split("-").map(Number) as [number, number];
  for (let index = 1; ; index += 1) {
    const total = startYear * 12 + (startMonth - 1) + index;
    if (total % step !== 0) continue;
    const year = Math.floor(total / 12);
    const month = (total % 12) + 1;
    const label = `${year}-${String(month).padStart(2, "0")}`;
    const at = Date.parse(`${label}-01T00:00:00+08:00`) / 1000;
    if (at > to) return ticks;
    ticks.push({ at, label });
  }
}

/** Lays out one chart; `now` ends the time axis (a scheduled cap is not drawn, it is listed). */
export function layoutPriceChart(
  observations: readonly ChartObservation[],
  caps: readonly ChartCap[],
  now: number,
  box: ChartBox = PRICE_CHART_BOX,
): PriceChart {
  const ordered = [...observations].sort((a, b) => a.observedAt - b.observedAt || a.recordId - b.recordId);
  const firstSeen = ordered[0]?.observedAt ?? now - 30 * DAY;
  const to = Math.max(now, ordered[ordered.length - 1]?.observedAt ?? now);
  // A fortnight of margin before the first observation, so its point does not sit on the axis.
  const from = Math.min(firstSeen, to - 30 * DAY) - 14 * DAY;
  const sortedCaps = [...caps].sort((a, b) => a.effectiveFrom - b.effectiveFrom);
  const capsShown = sortedCaps.filter(
    (cap, index) => cap.effectiveFrom <= to && (sortedCaps[index + 1]?.effectiveFrom ?? Infinity) > from,
  );

  const highest = Math.max(1, ...ordered.map((o) => o.fenPerPiece), ...capsShown.map((c) => c.fenPerPiece));
  const yStep = Y_STEPS_FEN.find((step) => (highest * 1.1) / step <= 6) ?? 10_000;
  const yMax = Math.ceil((highest * 1.1) / yStep) * yStep;
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const x = (at: number) => round(box.left + ((at - from) / (to - from)) * plotWidth);
  const y = (fen: number) => round(box.top + plotHeight - (fen / yMax) * plotHeight);

  const points = ordered.map((o) => ({ ...o, x: x(o.observedAt), y: y(o.fenPerPiece) }));
  const observedPath =
    points.length < 2 ? "" : points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" ");

  let capPath = "";
  capsShown.forEach((cap, index) => {
    const start = x(Math.max(from, cap.effectiveFrom));
    const end = x(Math.min(to, capsShown[index + 1]?.effectiveFrom ?? to));
    const level = y(cap.fenPerPiece);
    capPath += `${capPath === "" ? "M" : "L"}${start} ${level} L${end} ${level} `;
  });

  const months = (to - from) / (30 * DAY);
  const monthStep = MONTH_STEPS.find((step) => months / step <= 6) ?? 48;
  return {
    box,
    points,
    observedPath,
    capPath: capPath.trim(),
    capsShown,
    xTicks: monthTicks(from, to, monthStep).map((tick) => ({ ...tick, x: x(tick.at) })),
    yTicks: Array.from({ length: yMax / yStep + 1 }, (_, i) => i * yStep).map((fen) => ({
      at: fen,
      label: yuanLabel(fen),
      y: y(fen),
    })),
    from,
    to,
  };
}

interface SeriesKey {
  region: number;
  category: number;
  channel: string;
}

export interface PriceSeries<O extends SeriesKey, C> extends SeriesKey {
  channel: O["channel"];
  observations: O[];
  caps: C[];
}

/** Observations grouped per region, category and channel (most observed first), each with its caps. */
export function groupPriceSeries<O extends SeriesKey, C extends SeriesKey>(
  observations: readonly O[],
  caps: readonly C[],
): PriceSeries<O, C>[] {
  const keyOf = (item: SeriesKey) => `${item.region}|${item.category}|${item.channel}`;
  const groups = new Map<string, PriceSeries<O, C>>();
  for (const observation of observations) {
    const key = keyOf(observation);
    const group: PriceSeries<O, C> = groups.get(key) ?? {
      region: observation.region,
      category: observation.category,
      channel: observation.channel,
      observations: [],
      caps: caps.filter((cap) => keyOf(cap) === key),
    };
    group.observations.push(observation);
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) => b.observations.length - a.observations.length || a.region - b.region || a.category - b.category,
  );
}
