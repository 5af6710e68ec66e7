// Dates on the record are read in China Standard Time (UTC+8), where the regulation applies.
export const DAY = 86_400;
const CST_OFFSET = 8 * 3600;

/** "2024-03-15" → unix seconds at 00:00 China Standard Time. Throws RangeError on a malformed date. */
export function isoDateToSeconds(isoDate: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`Not an ISO date: ${isoDate}`);
  const ms = Date.parse(`${isoDate}T00:00:00+08:00`);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO date: ${isoDate}`);
  return ms / 1000;
}

/** Unix seconds → "2024-03-15" in China Standard Time. */
export function secondsToIsoDate(seconds: number): string {
  return new Date((seconds + CST_OFFSET) * 1000).toISOString().slice(0, 10);
}

/** Unix seconds → "2024-03-15 14:02" in China Standard Time. */
export function secondsToIsoMinute(seconds: number): string {
  return new Date((seconds + CST_OFFSET) * 1000).toISOString().slice(0, 16).replace("T", " ");
}

/** Start of the CST day containing `seconds`. */
export function startOfDay(seconds: number): number {
  return Math.floor((seconds + CST_OFFSET) / DAY) * DAY - CST_OFFSET;
}

/** Whole days from `from` to `to` (floored). */
export function daysBetween(from: number, to: number): number {
  return Math.floor((to - from) / DAY);
}

/** China Standard Time as an ISO 8601 offset, the zone every time on the record is told in. */
export const CST_OFFSET_ISO = "+08:00";

/** Unix seconds → "2024-03-15T14:02:05+08:00" (ISO 8601 / RFC 3339 in China Standard Time). */
export function secondsToIsoDateTime(seconds: number): string {
  return `${new Date((seconds + CST_OFFSET) * 1000).toISOString().slice(0, 19)}${CST_OFFSET_ISO}`;
}

/**
 * Items with a finite time, oldest first. Stable: items at the same moment keep the order they were
 * given in, so a story told in order (made, then sterilised …) stays in order.
 */
export function inTimeOrder<T>(items: readonly T[], timeOf: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, at: timeOf(item) }))
    .filter(({ at }) => Number.isFinite(at))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ item }) => item);
}
