// Finds and reads the code in one camera frame or photo. Only the symbologies printed on mask boxes are
// tried: QR (GS1 Digital Link), GS1 DataMatrix, and the retail EAN-13 / UPC-A / EAN-8 barcode.
import {
  BarcodeFormat,
  BinaryBitmap,
  DataMatrixReader,
  DataMatrixWriter,
  DecodeHintType,
  GlobalHistogramBinarizer,
  HybridBinarizer,
  MultiFormatOneDReader,
  QRCodeReader,
  QRCodeWriter,
  RGBLuminanceSource,
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
 * quarters of it, with the other binarizer and at half size: a code one way misses is read a frame or
 * three later. Each frame still costs one attempt. The linear (EAN/UPC) reader runs on one frame in four:
 * on a frame without a barcode it costs several times the QR and DataMatrix readers together (in
 * Chromium, mostly the exceptions zxing throws for every row it tries), and a retail barcode is still
 * read within a seventh of a second at 30 frames per second.
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
  // Half size: one test run's demo QR (a still video, 5.3 pixels a module in the viewfinder) was missed
  // all three ways above, frame after frame, and reads at half (e2e/scan/fixture-list.ts keeps it).
  { scale: 0.5, binarizer: (source) => new HybridBinarizer(source), retail: false },
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

/** A square of grey levels, `stride` bytes from one row to the next. */
interface Luma {
  data: Uint8ClampedArray;
  side: number;
  stride: number;
}

/** Formats whose first plane is the luma (Y), which is all a decoder needs. */
const PLANAR_YUV: ReadonlySet<string> = new Set(["I420", "I420A", "I422", "I444", "NV12"]);

/**
 * The luma under the crop, copied straight out of the camera frame (WebCodecs). Drawing the video on a
 * canvas instead converts the whole frame to RGB and reads it back, which at 1920 × 1080 cost more than
 * the decoding itself. Null where the browser cannot (no WebCodecs, an RGB frame, a rotated frame whose
 * pixels do not line up with the video element's): the canvas does it then.
 */
async function videoLuma(video: HTMLVideoElement, crop: Crop): Promise<Luma | null> {
  if (typeof VideoFrame !== "function") return null;
  let frame: VideoFrame;
  try {
    frame = new VideoFrame(video);
  } catch {
    return null;
  }
  try {
    const visible = frame.visibleRect;
    const aligned =
      frame.format !== null &&
      PLANAR_YUV.has(frame.format) &&
      visible !== null &&
      visible.width === video.videoWidth &&
      visible.height === video.videoHeight;
    if (!aligned) return null;
    // Chroma is subsampled two to one: the rectangle starts and ends on even pixels.
    const side = crop.side & ~1;
    const rect = { x: visible.x + (crop.x & ~1), y: visible.y + (crop.y & ~1), width: side, height: side };
    const buffer = new Uint8Array(frame.allocationSize({ rect }));
    const [luma] = await frame.copyTo(buffer, { rect });
    if (luma === undefined) return null;
    return {
      data: new Uint8ClampedArray(buffer.buffer, luma.offset, luma.stride * (side - 1) + side),
      side,
      stride: luma.stride,
    };
  } catch {
    return null;
  } finally {
    frame.close();
  }
}

/** Bilinear resampling of a luma square to `side` pixels across. */
function resample(source: Luma, side: number): Luma {
  const { data: from, stride } = source;
  const data = new Uint8ClampedArray(side * side);
  const ratio = source.side / side;
  const last = source.side - 1;
  const clamp = (v: number) => Math.min(last, Math.max(0, v));
  for (let y = 0; y < side; y++) {
    const sy = clamp((y + 0.5) * ratio - 0.5);
    const row0 = Math.floor(sy) * stride;
    const row1 = Math.min(last, Math.floor(sy) + 1) * stride;
    const fy = sy - Math.floor(sy);
    for (let x = 0; x < side; x++) {
      const sx = clamp((x + 0.5) * ratio - 0.5);
      const x0 = Math.floor(sx);
      const x1 = Math.min(last, x0 + 1);
      const fx = sx - x0;
      const top = (from[row0 + x0] ?? 0) * (1 - fx) + (from[row0 + x1] ?? 0) * fx;
      const bottom = (from[row1 + x0] ?? 0) * (1 - fx) + (from[row1 + x1] ?? 0) * fx;
      data[y * side + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { data, side, stride: side };
}

export interface FrameDecoder {
  /** The text of the code in the `crop` square of `frame`, or null when there is none this frame. */
  decode(frame: HTMLVideoElement | HTMLCanvasElement, crop: Crop): Promise<string | null>;
}

/** Side of the sample codes read while the camera starts (pixels). */
const WARM_UP_SIDE = 240;
const WARM_UP_QUIET_ZONE = 16;

/** A QR code and a DataMatrix like the ones on boxes, drawn as luma squares. */
function sampleCodes(): Luma[] {
  const qr = new QRCodeWriter().encode(
    "https://id.example/01/09521234500018/10/SAMPLE/21/1?17=300101",
    BarcodeFormat.QR_CODE,
    WARM_UP_SIDE,
    WARM_UP_SIDE,
    new Map(),
  );
  const dataMatrix = new DataMatrixWriter().encode(
    "0109521234500018173001011 0SAMPLE",
    BarcodeFormat.DATA_MATRIX,
    WARM_UP_SIDE,
    WARM_UP_SIDE,
  );
  return [qr, dataMatrix].map((matrix) => {
    const side = Math.max(matrix.getWidth(), matrix.getHeight()) + 2 * WARM_UP_QUIET_ZONE;
    const data = new Uint8ClampedArray(side * side).fill(255);
    for (let y = 0; y < matrix.getHeight(); y++) {
      for (let x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) data[(y + WARM_UP_QUIET_ZONE) * side + x + WARM_UP_QUIET_ZONE] = 0;
      }
    }
    return { data, side, stride: side };
  });
}

/**
 * A decoder for successive camera frames. Before it is ready it reads a sample QR code and DataMatrix
 * every way it will read frames: a page's first frames otherwise run zxing's code cold (parsed,
 * compiled and optimised on the way), several times slower, and this way that happens while the
 * camera starts rather than on the frame that holds the code.
 */
export function createFrameDecoder(): FrameDecoder {
  const square = squareReaders();
  const all = [...square, retailReader()];
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  let frame = 0;

  /** The canvas way: draw (and scale) the crop, then let zxing convert the pixels to grey. */
  const canvasSource = (source: CanvasImageSource, crop: Crop, scale: number): LuminanceSource | null => {
    if (context === null) return null;
    const side = Math.round(crop.side * scale);
    if (canvas.width !== side) {
      canvas.width = side;
      canvas.height = side;
    }
    context.drawImage(source, crop.x, crop.y, crop.side, crop.side, 0, 0, side, side);
    return new HTMLCanvasElementLuminanceSource(canvas);
  };

  const read = (luma: Luma, attempt: Attempt): string | null => {
    const scaled = attempt.scale === 1 ? luma : resample(luma, Math.round(luma.side * attempt.scale));
    const source = new RGBLuminanceSource(scaled.data, scaled.side, scaled.side, scaled.stride, scaled.side);
    return tryReaders(new BinaryBitmap(attempt.binarizer(source)), attempt.retail ? all : square, FAST);
  };

  for (const sample of sampleCodes()) for (const attempt of CYCLE) read(sample, attempt);

  return {
    async decode(source, crop) {
      const attempt = CYCLE[frame % CYCLE.length];
      frame += 1;
      if (attempt === undefined) return null;
      const luma = source instanceof HTMLVideoElement ? await videoLuma(source, crop) : null;
      if (luma !== null) return read(luma, attempt);
      const luminance = canvasSource(source, crop, attempt.scale);
      if (luminance === null) return null;
      return tryReaders(new BinaryBitmap(attempt.binarizer(luminance)), attempt.retail ? all : square, FAST);
    },
  };
}

/** Photo sizes tried in turn (longest side, px): small first because it is fast and usually enough. */
const STILL_SIZES = [1280, 2560];

/**
 * Fractions of the first photo size tried after the photo sizes. ZXing's QR detector misses some codes at
 * one module size and reads them at another: of 720 clean demo QR images with random ports (456 px), full
 * size and half missed 9; with two fifths and three tenths too, none (e2e/scan-page.spec.ts keeps some).
 */
const STILL_FRACTIONS = [1 / 2, 2 / 5, 3 / 10];

/** The photo sizes a still is read at, as scales of it: never enlarged, each once. */
function stillScales(longest: number): number[] {
  return [...new Set(STILL_SIZES.map((size) => Math.min(1, size / longest)))];
}

interface Grey {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The canvas's pixels as grey levels, over white (a transparent image's background is the paper). */
function canvasGrey(context: CanvasRenderingContext2D, width: number, height: number): Grey {
  const rgba = context.getImageData(0, 0, width, height).data;
  const data = new Uint8ClampedArray(width * height);
  for (let i = 0; i < data.length; i++) {
    const alpha = (rgba[i * 4 + 3] ?? 255) / 255;
    const grey = ((rgba[i * 4] ?? 0) + 2 * (rgba[i * 4 + 1] ?? 0) + (rgba[i * 4 + 2] ?? 0)) / 4;
    data[i] = grey * alpha + 255 * (1 - alpha);
  }
  return { data, width, height };
}

/**
 * The image shrunk by `fraction`, each pixel the mean of the area it covers: the same in every browser,
 * where a canvas's own shrinking samples (and Chromium's missed codes this reads).
 */
function shrink(image: Grey, fraction: number): Grey {
  const width = Math.max(1, Math.round(image.width * fraction));
  const height = Math.max(1, Math.round(image.height * fraction));
  const data = new Uint8ClampedArray(width * height);
  const step = image.width / width;
  for (let y = 0; y < height; y++) {
    const top = Math.floor(y * step);
    const bottom = Math.max(top + 1, Math.min(image.height, Math.floor((y + 1) * step)));
    for (let x = 0; x < width; x++) {
      const left = Math.floor(x * step);
      const right = Math.max(left + 1, Math.min(image.width, Math.floor((x + 1) * step)));
      let sum = 0;
      for (let row = top; row < bottom; row++)
        for (let column = left; column < right; column++)
          sum += image.data[row * image.width + column] ?? 255;
      data[y * width + x] = sum / ((bottom - top) * (right - left));
    }
  }
  return { data, width, height };
}

/** Reads a code from a still image, such as a photo of the box. */
export function decodeStill(image: CanvasImageSource & { width: number; height: number }): string | null {
  const readers = [...squareReaders(), retailReader()];
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (context === null) return null;
  const read = (source: LuminanceSource) =>
    tryReaders(new BinaryBitmap(new HybridBinarizer(source)), readers, THOROUGH) ??
    tryReaders(new BinaryBitmap(new GlobalHistogramBinarizer(source)), readers, THOROUGH);
  const scales = stillScales(Math.max(image.width, image.height));
  for (const scale of scales) {
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const text = read(new HTMLCanvasElementLuminanceSource(canvas));
    if (text !== null) return text;
  }
  // Smaller still, from the first size: drawn once, shrunk here.
  const [first = 1] = scales;
  canvas.width = Math.round(image.width * first);
  canvas.height = Math.round(image.height * first);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const grey = canvasGrey(context, canvas.width, canvas.height);
  for (const fraction of STILL_FRACTIONS) {
    const small = shrink(grey, fraction);
    const text = read(
      new RGBLuminanceSource(small.data, small.width, small.height, small.width, small.height),
    );
    if (text !== null) return text;
  }
  return null;
}
