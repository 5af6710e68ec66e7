// Scan timings for scripts/bench-scan.ts. Recorded only when the page is opened with ?bench=1.

export interface ScanTimings {
  /** performance.now() when the first camera frame was handed to the decoder. */
  firstFrameAt: number | null;
  /** performance.now() when a code was read and the verdict page requested. */
  decodedAt: number | null;
  /** Time per frame from drawing it to the decoder's answer, ms. */
  decodeMs: number[];
}

declare global {
  interface Window {
    __scanTimings?: ScanTimings;
  }
}

export function benchTimings(): ScanTimings | null {
  if (new URLSearchParams(window.location.search).get("bench") !== "1") return null;
  const timings: ScanTimings = { firstFrameAt: null, decodedAt: null, decodeMs: [] };
  window.__scanTimings = timings;
  return timings;
}
