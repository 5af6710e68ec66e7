// Finds and reads the code in one camera frame or photo. Only the symbologies printed on mask boxes are
// tried: QR (GS1 Digital Link), GS1 DataMatrix, and the retail EAN-13 / UPC-A / EAN-8 barcode.
import {
  BarcodeFormat,
  BinaryBitmap,
  DataMatrixReader,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatOneDReader,
  QRCodeReader,
  type Reader,
} from "@zxing/library";
import { HTMLCanvasElementLuminanceSource } from "@zxing/browser";

/**
 * The linear (EAN/UPC) reader costs several times what the QR and DataMatrix readers cost on a frame
 * with no barcode (it walks many rows in both directions), so the camera loop runs it on every third
 * frame only: a retail barcode still reads within a tenth of a second at 30 frames per second.
 */
const RETAIL_EVERY_NTH_FRAME = 3;
const RETAIL_FORMATS = [BarcodeFormat.EAN_13, BarcodeFormat.UPC_A, BarcodeFormat.EAN_8];

type Hints = Map<DecodeHintType, unknown>;

const FAST: Hints = new Map();
/** For photos only: a single image is worth the extra rows and rotations. */
const THOROUGH: Hints = new Map([[DecodeHintType.TRY_HARDER, true]]);

/**
 * Readers are tried one by one rather than through zxing's MultiFormatReader, which in
 * @zxing/library 0.23 logs a console warning for every reader that finds nothing (its
 * NotFoundException is not a ReaderException) — several warnings a frame.
 */
function tryReaders(bitmap: BinaryBitmap, readers: readonly Reader[], hints: Hints): string | null {
  for (const reader of readers) {
    try {
      return reader.decode(bitmap, hints).getText();
    } catch {
      // Nothing readable for this symbology in this image (not found, checksum or format error).
    }
  }
  return null;
}

function bitmapOf(canvas: HTMLCanvasElement): BinaryBitmap {
  return new BinaryBitmap(new HybridBinarizer(new HTMLCanvasElementLuminanceSource(canvas)));
}

export interface FrameDecoder {
  /** The text of the code in the canvas, or null when there is none this frame. */
  decode(canvas: HTMLCanvasElement): string | null;
}

export function createFrameDecoder(): FrameDecoder {
  const square: Reader[] = [new QRCodeReader(), new DataMatrixReader()];
  const retail: Reader[] = [
    new MultiFormatOneDReader(new Map([[DecodeHintType.POSSIBLE_FORMATS, RETAIL_FORMATS]])),
  ];
  let frame = 0;
  return {
    decode(canvas) {
      frame += 1;
      const bitmap = bitmapOf(canvas);
      return (
        tryReaders(bitmap, square, FAST) ??
        (frame % RETAIL_EVERY_NTH_FRAME === 0 ? tryReaders(bitmap, retail, FAST) : null)
      );
    },
  };
}

/** Photo sizes tried in turn (longest side, px): small first because it is fast and usually enough. */
const STILL_SIZES = [1280, 2560];

/** Reads a code from a still image, such as a photo of the box. */
export function decodeStill(image: CanvasImageSource & { width: number; height: number }): string | null {
  const readers: Reader[] = [
    new QRCodeReader(),
    new DataMatrixReader(),
    new MultiFormatOneDReader(new Map([[DecodeHintType.POSSIBLE_FORMATS, RETAIL_FORMATS]])),
  ];
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (context === null) return null;
  const longest = Math.max(image.width, image.height);
  for (const size of STILL_SIZES) {
    const scale = Math.min(1, size / longest);
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const text = tryReaders(bitmapOf(canvas), readers, THOROUGH);
    if (text !== null || scale === 1) return text;
  }
  return null;
}
