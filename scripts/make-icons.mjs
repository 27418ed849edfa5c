#!/usr/bin/env node
/**
 * Writes the add-in's ribbon and store icons (assets/icon-<size>.png): a gold star over a gold fringe
 * on a red rounded square, after the emulation flag (Cờ thi đua) a cluster awards its leading unit. No image library: the PNG bytes are written
 * here with node:zlib, so the icons can be regenerated on any machine and come out byte-identical.
 *
 *   node scripts/make-icons.mjs            write the icons
 *   node scripts/make-icons.mjs --check    exit 1 when a committed icon differs from what this draws
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every size Office asks for: 16/32/80 ribbon, 32/64 add-in icon, 128 store listing. */
export const ICON_SIZES = [16, 32, 64, 80, 128];

const RED = [218, 37, 29];
const GOLD = [255, 205, 0];
/** Each pixel is sampled SS x SS times so that small sizes keep a smooth star edge. */
const SS = 4;

/** The ten corners of a five-pointed star, point up, centred on (cx, cy). */
function starPolygon(cx, cy, outer, inner) {
  const points = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  return points;
}

function insidePolygon(x, y, polygon) {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare(x, y, size, radius) {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
}

/** RGBA pixels, row by row. */
export function drawIcon(size) {
  const star = starPolygon(size / 2, size * 0.45, size * 0.34, size * 0.34 * 0.382);
  // The fringe keeps a red gap under the star even at 16 px, so it reads as a stripe, not a blur.
  const fringeTop = size * 0.8;
  const fringeBottom = size * 0.92;
  const corner = size * 0.18;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let gold = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = px + (sx + 0.5) / SS;
          const y = py + (sy + 0.5) / SS;
          if (!insideRoundedSquare(x, y, size, corner)) continue;
          background++;
          if (insidePolygon(x, y, star) || (y >= fringeTop && y < fringeBottom)) gold++;
        }
      }
      const o = (py * size + px) * 4;
      const goldShare = background === 0 ? 0 : gold / background;
      for (let ch = 0; ch < 3; ch++) pixels[o + ch] = Math.round(RED[ch] * (1 - goldShare) + GOLD[ch] * goldShare);
      pixels[o + 3] = Math.round((255 * background) / (SS * SS));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** An 8-bit RGBA, non-interlaced PNG; every scanline uses filter 0 (none), which is all Office needs. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    rgba.copy(raw, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  const check = process.argv.includes('--check');
  let stale = 0;
  mkdirSync(assets, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(assets, `icon-${size}.png`);
    const png = encodePng(size, size, drawIcon(size));
    if (check) {
      let current = null;
      try {
        current = readFileSync(file);
      } catch {
        // a missing icon counts as stale
      }
      if (!current || !current.equals(png)) {
        stale++;
        console.error(`stale: ${file}`);
      }
    } else {
      writeFileSync(file, png);
      console.log(`${file} (${size}x${size}, ${png.length} bytes)`);
    }
  }
  if (stale > 0) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
