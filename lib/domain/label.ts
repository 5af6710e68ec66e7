/**
 * How MedProof's codes are printed on a box, so that a phone held about 20 cm away still reads them.
 * The demo QR images, the browser-test fixtures and the label guidance of docs/desks.md all use these numbers.
 *
 * Why these numbers (measured with the in-browser decoder, see docs/desks.md, "Label printing"): at 20 cm a
 * phone's main camera (~70° wide) sees about 28 cm across; on the 1920-pixel stream the scanner asks
 * for, that is 0.146 mm per pixel. The decoder reads codes reliably from about 2.7 pixels per module
 * with focus blur, hence a module of at least 0.4 mm.
 */

/** The smallest module (one black or white square) for a phone at 20 cm. */
export const MIN_MODULE_MM = 0.4;

export const QR_LABEL = {
  /**
   * Level M (15 % recovery): a signed Digital Link is QR version 8–9 at M, 10–11 at Q. At the same
   * printed size, M keeps larger modules; it still read every blurred and scuffed sample at 0.4 mm,
   * where L failed the scuffed ones.
   */
  errorCorrectionLevel: "M",
  moduleMm: MIN_MODULE_MM,
  /** The quiet zone ISO/IEC 18004 requires around the symbol, in modules. */
  quietZoneModules: 4,
} as const;

export const DATAMATRIX_LABEL = {
  moduleMm: MIN_MODULE_MM,
  /** ISO/IEC 16022 asks for one module; GS1 recommends more on packaging. */
  quietZoneModules: 2,
} as const;

/** A run of dark modules on one row of a QR code: where it starts and how many modules it spans. */
export interface DarkRun {
  row: number;
  col: number;
  length: number;
}

/**
 * Every horizontal run of dark modules, row by row: what a label draws as one rectangle each, in the
 * browser's SVG sheet and the server's PDF alike. `modules` is a QR code's matrix (the qrcode package's
 * BitMatrix), read only through its size and `get`.
 */
export function darkRuns(modules: { size: number; get(row: number, col: number): number }): DarkRun[] {
  const runs: DarkRun[] = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push({ row, col: start, length: col - start });
        start = -1;
      }
    }
  }
  return runs;
}
