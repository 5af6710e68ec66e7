// Reads a label sheet as a printer and a phone would: MuPDF renders the PDF's first page to pixels
// (and a PNG, kept with the test's output), and ZXing decodes the QR code of the first label.
import {
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
  type Result,
} from "@zxing/library";

/** A laser printer's resolution: at 300 dpi (5.9 pixels a module) the pure reading below also misses some. */
const DPI = 600;
const PX_PER_MM = DPI / 25.4;

export interface FirstLabel {
  /** What the first label's QR code says. */
  code: string;
  /** The page's text (product, lot, serials, secrets), as MuPDF extracts it. */
  text: string;
  png: Uint8Array;
  pages: number;
}

export async function readFirstLabel(pdf: Uint8Array): Promise<FirstLabel> {
  // MuPDF is an ES module with top-level await: imported, not required.
  const mupdf = await import("mupdf");
  const document = mupdf.Document.openDocument(pdf, "application/pdf");
  const page = document.loadPage(0);
  const scale = mupdf.Matrix.scale(DPI / 72, DPI / 72);
  const gray = page.toPixmap(scale, mupdf.ColorSpace.DeviceGray, false, true);
  const width = gray.getWidth();
  const height = gray.getHeight();
  // Copied out before anything else renders: the pixels are a view of MuPDF's WebAssembly memory, which
  // another allocation may move.
  const luminance = new Uint8ClampedArray(gray.getPixels());
  const png = page.toPixmap(scale, mupdf.ColorSpace.DeviceRGB, false, true).asPNG();
  // The first label's QR code with its quiet zone, from the 10 mm margin (1 mm lower): about 30–33 mm square
  // by the symbol's version, its text column 1 mm to the right. The square grows until it decodes, so the
  // text stays out of the crop. The rendering is exact and square to the page, so the crop is read as a
  // pure barcode first: ZXing's finder-pattern detector fails on some symbols at every resolution (about
  // 1 in 12 of these labels; measured over 200 random lots), where reading the pure symbol does not.
  const readings = [
    new Map([[DecodeHintType.PURE_BARCODE, true]]),
    new Map([[DecodeHintType.TRY_HARDER, true]]),
  ];
  let result: Result | null = null;
  let lastError: unknown;
  for (let sizeMm = 28; sizeMm <= 36 && result === null; sizeMm += 1) {
    const source = new RGBLuminanceSource(luminance, width, height).crop(
      Math.round(9.5 * PX_PER_MM),
      Math.round(10.5 * PX_PER_MM),
      Math.round(sizeMm * PX_PER_MM),
      Math.round(sizeMm * PX_PER_MM),
    );
    for (const hints of readings) {
      if (result !== null) break;
      try {
        result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
      } catch (error) {
        lastError = error;
      }
    }
  }
  if (result === null) throw lastError;
  return {
    code: result.getText(),
    text: page.toStructuredText("preserve-whitespace").asText(),
    png,
    pages: document.countPages(),
  };
}
