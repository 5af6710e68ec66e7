// Finds and reads the code in one camera frame or photo. Only the symbologies printed on mask boxes are
// tried: QR (GS1 Digital Link), GS1 DataMatrix, and the retail EAN-13 / UPC-A / EAN-8 barcode.
import {
  BarcodeFormat,
  BinaryBitmap,
  DataMatrixReader,
  DecodeHintType,
  GlobalHistogramBinarizer,
  HybridBinarizer,
  MultiFormatOneDReader,
  QRCodeReader,
  type Binarizer,
  type LuminanceSource,
  type Reader,
} from "@zxing/library";
import { HTMLCanvasElementLuminanceSource } from "@zxing/browser";

const RETAIL_FORMATS = [BarcodeFormat.EAN_13, BarcodeFormat.UPC_A, BarcodeFormat.EAN_8];

type Hints = Map<DecodeHintType, unknown>;

const FAST: Hints = new Map();
/** For photos only: a single image is worth the extra rows and rotations. */
const THOROUGH: Hints = new Map([[DecodeHintType.TRY_HARDER, true]]);

/**
 * zxing's detector misses some codes at particular sizes in pixels (a QR at exactly 5.3 pixels per
 * module, say) and its binarizers fail on different images. A real camera never shows the same frame
 * twice, but a steady hand comes close, so successive frames are read in turn at full size, at three
 * quarters of it, and with the other binarizer: a code one way misses is read a frame later. Each frame
 * still costs one attempt. The linear (EAN/UPC) reader walks many rows in both directions and costs
 * several times the others on a frame with no barcode, so it runs on one frame in three only.
 */
interface Attempt {
  scale: number;
  binarizer: (source: LuminanceSource) => Binarizer;
  retail: boolean;
}

const CYCLE: readonly Attempt[] = [
  { scale: 1, binarizer: (source) => new HybridBinarizer(source), retail: false },
  { scale: 0.75, binarizer: (source) => new HybridBinarizer(source), retail: false },
  { scale: 1, binarizer: (source) => new GlobalHistogramBinarizer(source), retail: true },
];

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

function squareReaders(): Reader[] {
  return [new QRCodeReader(), new DataMatrixReader()];
}

function retailReader(): Reader {
  return new MultiFormatOneDReader(new Map([[DecodeHintType.POSSIBLE_FORMATS, RETAIL_FORMATS]]));
}

export interface Crop {
  x: number;
  y: number;
  side: number;
}

export interface FrameDecoder {
  /** The text of the code in the `crop` square of `frame`, or null when there is none this frame. */
  decode(frame: CanvasImageSource, crop: Crop): string | null;
}

export function createFrameDecoder(): FrameDecoder {
  const square = squareReaders();
  const retail = [retailReader()];
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  let frame = 0;
  return {
    decode(source, crop) {
      const attempt = CYCLE[frame % CYCLE.length];
      frame += 1;
      if (context === null || attempt === undefined) return null;
      const side = Math.round(crop.side * attempt.scale);
      if (canvas.width !== side) {
        canvas.width = side;
        canvas.height = side;
      }
      context.drawImage(source, crop.x, crop.y, crop.side, crop.side, 0, 0, side, side);
      const bitmap = new BinaryBitmap(attempt.binarizer(new HTMLCanvasElementLuminanceSource(canvas)));
      return tryReaders(bitmap, square, FAST) ?? (attempt.retail ? tryReaders(bitmap, retail, FAST) : null);
    },
  };
}

/** Photo sizes tried in turn (longest side, px): small first because it is fast and usually enough. */
const STILL_SIZES = [1280, 2560];

/** Reads a code from a still image, such as a photo of the box. */
export function decodeStill(image: CanvasImageSource & { width: number; height: number }): string | null {
  const readers = [...squareReaders(), retailReader()];
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (context === null) return null;
  const longest = Math.max(image.width, image.height);
  for (const size of STILL_SIZES) {
    const scale = Math.min(1, size / longest);
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const source = new HTMLCanvasElementLuminanceSource(canvas);
    const text =
      tryReaders(new BinaryBitmap(new HybridBinarizer(source)), readers, THOROUGH) ??
      tryReaders(new BinaryBitmap(new GlobalHistogramBinarizer(source)), readers, THOROUGH);
    if (text !== null || scale === 1) return text;
  }
  return null;
}
