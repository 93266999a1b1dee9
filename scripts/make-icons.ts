/**
 * Draws the app icons (home screen, install prompt, iOS) from one SVG and writes them to
 * web/public/icons/. Run after changing the drawing: `node --import tsx scripts/make-icons.ts`.
 * The PNGs are committed, so a build never needs sharp.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const NAVY = '#0f3d5e';
const AMBER = '#f5b301';
const OUT = path.join(import.meta.dirname, '..', 'web', 'public', 'icons');

/**
 * The beacon: an amber light with two rings of signal on navy. `scale` shrinks the drawing towards the
 * centre (a maskable icon keeps everything inside the middle 80%); `fullBleed` paints the whole square
 * (a launcher crops it to its own shape) instead of a rounded tile.
 */
function iconSvg({ scale = 1, fullBleed = false }: { scale?: number; fullBleed?: boolean } = {}): string {
  const s = 512;
  const c = s / 2;
  const r = (f: number) => (f * s * scale).toFixed(1);
  const background = fullBleed
    ? `<rect width="${s}" height="${s}" fill="${NAVY}"/>`
    : `<rect width="${s}" height="${s}" rx="${s * 0.22}" fill="${NAVY}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s} ${s}" width="${s}" height="${s}">
  ${background}
  <circle cx="${c}" cy="${c}" r="${r(0.36)}" fill="none" stroke="#ffffff" stroke-opacity="0.45" stroke-width="${r(0.035)}"/>
  <circle cx="${c}" cy="${c}" r="${r(0.25)}" fill="none" stroke="#ffffff" stroke-width="${r(0.045)}"/>
  <circle cx="${c}" cy="${c}" r="${r(0.13)}" fill="${AMBER}"/>
</svg>
`;
}

const TARGETS: { file: string; size: number; svg: string }[] = [
  { file: 'icon-192.png', size: 192, svg: iconSvg() },
  { file: 'icon-512.png', size: 512, svg: iconSvg() },
  { file: 'icon-maskable-192.png', size: 192, svg: iconSvg({ scale: 0.8, fullBleed: true }) },
  { file: 'icon-maskable-512.png', size: 512, svg: iconSvg({ scale: 0.8, fullBleed: true }) },
  // iOS draws its own rounded corners over a full square.
  { file: 'apple-touch-icon.png', size: 180, svg: iconSvg({ scale: 0.9, fullBleed: true }) },
];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, 'icon.svg'), iconSvg());
  for (const t of TARGETS) {
    const png = await sharp(Buffer.from(t.svg)).resize(t.size, t.size).png({ compressionLevel: 9 }).toBuffer();
    writeFileSync(path.join(OUT, t.file), png);
    console.log(`${t.file.padEnd(24)} ${t.size}x${t.size} ${png.length} bytes`);
  }
}

await main();
