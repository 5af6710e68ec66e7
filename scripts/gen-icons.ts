// The app's PNG icons (web app manifest, iOS home screen), drawn from the two SVGs in public/icons/.
// Run after changing an SVG: `npx tsx scripts/gen-icons.ts`; the PNGs are committed.
import { join } from "node:path";
import sharp from "sharp";

const ICONS_DIR = join(process.cwd(), "public", "icons");
/** The SVGs' viewBox side: rendering at size/512 × 72 dpi draws them at exactly `size` pixels. */
const SVG_SIDE = 512;

const OUTPUTS: { source: string; file: string; size: number }[] = [
  { source: "icon.svg", file: "icon-192.png", size: 192 },
  { source: "icon.svg", file: "icon-512.png", size: 512 },
  { source: "icon-maskable.svg", file: "icon-maskable-512.png", size: 512 },
  // iOS ignores the manifest's icons and rounds the corners itself: a full square.
  { source: "icon-maskable.svg", file: "apple-touch-icon.png", size: 180 },
];

async function main(): Promise<void> {
  for (const { source, file, size } of OUTPUTS) {
    await sharp(join(ICONS_DIR, source), { density: (72 * size) / SVG_SIDE })
      .resize(size, size)
      .png({ compressionLevel: 9, palette: true })
      .toFile(join(ICONS_DIR, file));
    console.log(`public/icons/${file}: ${size} × ${size}`);
  }
}

void main();
