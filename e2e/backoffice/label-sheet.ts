// Reads a label sheet as a printer and a phone would: MuPDF renders the PDF's first page to pixels
// (and a PNG, kept with the test's output), and ZXing decodes the QR code of the first label.
import {
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
} from "@zxing/library";

const DPI = 300;
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
  const png = page.toPixmap(scale, mupdf.ColorSpace.DeviceRGB, false, true).asPNG();
  const width = gray.getWidth();
  const height = gray.getHeight();
  const luminance = new Uint8ClampedArray(gray.getPixels());
  // The first label's QR code: the top-left cell, inside the 10 mm margin, about 31 mm square.
  const source = new RGBLuminanceSource(luminance, width, height).crop(
    Math.round(8 * PX_PER_MM),
    Math.round(8 * PX_PER_MM),
    Math.round(36 * PX_PER_MM),
    Math.round(36 * PX_PER_MM),
  );
  const hints = new Map([[DecodeHintType.TRY_HARDER, true]]);
  const result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
  return {
    code: result.getText(),
    text: page.toStructuredText("preserve-whitespace").asText(),
    png,
    pages: document.countPages(),
  };
}
