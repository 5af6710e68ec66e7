// Generates the camera fixtures from the demo scenarios of this run (their codes change with every
// seed): QR and GS1 DataMatrix images printed as lib/domain/label.ts says, and fake-camera videos of
// them, some rotated, blurred or low in contrast. Skips the work when the scenarios have not changed.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import QRCode from "qrcode";
import bwipjs from "bwip-js/node";
import { parseScannedCode, toBracketed } from "../../lib/domain/gs1";
import { DATAMATRIX_LABEL, QR_LABEL } from "../../lib/domain/label";
import {
  FIXTURE_DIR,
  noCodeVideo,
  codeFixtures,
  readScenarios,
  type CodeFixture,
  type Scenario,
  type Variant,
} from "./fixture-list";

const run = promisify(execFile);

/** Bump when the images or videos change, so cached fixtures are made again. */
const GENERATOR_VERSION = 1;
const FRAME = { width: 640, height: 480 };
/** The code's side in the frame (px): inside the viewfinder square, which is 70 % of the frame's height. */
const CODE_SIDE = 300;
/** Rotated, the code's corners must stay inside the viewfinder square too. */
const ROTATED_SIDE = 260;
const ROTATION_DEGREES = 25;
/** About a third of a module: focus blur at the edge of what a phone delivers. */
const BLUR_SIGMA = 1.6;
/** Grey ink (120) on light grey card (210): a faded or low-quality print. */
const LOW_CONTRAST = { dark: 120, light: 210 };
/** Chromium loops the file; a still code needs only a few frames. */
const FRAMES = 3;
const FPS = 15;
const PIXELS_PER_MODULE = 8;

async function writeImage(fixture: CodeFixture): Promise<void> {
  if (fixture.symbology === "qr") {
    await QRCode.toFile(fixture.image, fixture.scenario.code, {
      errorCorrectionLevel: QR_LABEL.errorCorrectionLevel,
      margin: QR_LABEL.quietZoneModules,
      scale: PIXELS_PER_MODULE,
    });
    return;
  }
  const parsed = parseScannedCode(fixture.scenario.code);
  if (!parsed.ok)
    throw new Error(`Scenario ${fixture.scenario.id} has an unreadable code: ${parsed.error.message}`);
  // bwip-js measures in points, two per module at scale 1.
  const padding = DATAMATRIX_LABEL.quietZoneModules * 2;
  const png = await bwipjs.toBuffer({
    bcid: "gs1datamatrix",
    text: toBracketed(parsed.code),
    scale: PIXELS_PER_MODULE / 2,
    paddingwidth: padding,
    paddingheight: padding,
    backgroundcolor: "FFFFFF",
  });
  writeFileSync(fixture.image, png);
}

function variantFilter(variant: Variant): string {
  const side = variant === "rotated" ? ROTATED_SIDE : CODE_SIDE;
  const placed = `scale=${side}:${side}:flags=area,pad=${FRAME.width}:${FRAME.height}:(ow-iw)/2:(oh-ih)/2:white`;
  switch (variant) {
    case "plain":
      return placed;
    case "rotated":
      return `${placed},rotate=${ROTATION_DEGREES}*PI/180:fillcolor=white`;
    case "blurred":
      return `${placed},gblur=sigma=${BLUR_SIGMA}`;
    case "low-contrast": {
      const { dark, light } = LOW_CONTRAST;
      const channel = `val*${(light - dark) / 255}+${dark}`;
      return `${placed},lutrgb=r='${channel}':g='${channel}':b='${channel}'`;
    }
  }
}

async function ffmpeg(args: string[]): Promise<void> {
  await run("ffmpeg", ["-v", "error", "-y", ...args]);
}

function writeVideo(input: string[], filter: string, output: string): Promise<void> {
  return ffmpeg([
    ...input,
    "-vf",
    `${filter},format=yuv420p`,
    "-frames:v",
    String(FRAMES),
    "-r",
    String(FPS),
    output,
  ]);
}

/** A plain carton side with a printed band and text-like bars, and no code anywhere. */
function writeNoCodeVideo(output: string): Promise<void> {
  const bars = [0, 1, 2, 3]
    .map((i) => `drawbox=x=140:y=${250 + i * 28}:w=${360 - i * 50}:h=12:color=0x475569:t=fill`)
    .join(",");
  return writeVideo(
    ["-f", "lavfi", "-i", `color=c=0xe7e2d6:s=${FRAME.width}x${FRAME.height}:r=${FPS}`],
    `drawbox=x=0:y=60:w=iw:h=90:color=0x0f766e:t=fill,${bars}`,
    output,
  );
}

/** What the fixtures are made from: every fixture's name and code (some are not a scenario's own). */
function fingerprint(fixtures: readonly CodeFixture[]): string {
  return createHash("sha256")
    .update(JSON.stringify({ GENERATOR_VERSION, codes: fixtures.map((f) => [f.name, f.scenario.code]) }))
    .digest("hex");
}

/** Makes every fixture of `codeFixtures()` in `dir`; returns how many videos were written (0 when cached). */
export async function makeScanFixtures(
  scenarios: readonly Scenario[] = readScenarios(),
  dir: string = FIXTURE_DIR,
): Promise<number> {
  const stamp = join(dir, "fingerprint.txt");
  const fixtures = codeFixtures(scenarios, dir);
  const expected = fingerprint(fixtures);
  const cached =
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === expected &&
    fixtures.every((f) => existsSync(f.video)) &&
    existsSync(noCodeVideo(dir));
  if (cached) return 0;

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const images = [...new Map(fixtures.map((f) => [f.image, f])).values()];
  await Promise.all(images.map(writeImage));
  // ffmpeg is single-threaded for these filters: two at a time on two cores.
  const jobs: Array<() => Promise<void>> = [
    () => writeNoCodeVideo(noCodeVideo(dir)),
    ...fixtures.map(
      (f) => () => writeVideo(["-loop", "1", "-i", f.image], variantFilter(f.variant), f.video),
    ),
  ];
  await Promise.all(
    [0, 1].map(async () => {
      for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) await job();
    }),
  );
  writeFileSync(stamp, expected);
  return fixtures.length + 1;
}
