#!/usr/bin/env node
// Draws the Clashless icon — a calendar card with two overlapping session blocks (the clash) on a
// rounded indigo square — and writes every format the packagers need, from ONE list of shapes:
//   icon.svg, icon.png (1024), icons/<N>x<N>.png (16…1024, for Linux), icon.ico, icon.icns.
// No dependencies: a small supersampling rasterizer and PNG/ICO/ICNS writers over node:zlib.
// Run `node resources/make-icons.mjs` after changing the design; the outputs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const OUT = dirname(fileURLToPath(import.meta.url));
const CANVAS = 1024;

// Shapes in a 1024×1024 design space, painted in order. `minSize`: left out of smaller renders,
// where the detail would only be mud.
const SHAPES = [
  { x: 56, y: 56, w: 912, h: 912, r: 208, fill: { top: '#5b63e6', bottom: '#3a3fb8' } },
  { x: 184, y: 232, w: 656, h: 600, r: 76, fill: '#ffffff' },
  { x: 184, y: 232, w: 656, h: 600, r: 76, fill: '#262a6b', clipBottom: 364 },
  { x: 322, y: 178, w: 52, h: 112, r: 26, fill: '#d9dcf7', minSize: 48 },
  { x: 650, y: 178, w: 52, h: 112, r: 26, fill: '#d9dcf7', minSize: 48 },
  // Day columns and hour rules.
  { x: 402, y: 392, w: 8, h: 410, r: 4, fill: '#e4e6f2', minSize: 64 },
  { x: 614, y: 392, w: 8, h: 410, r: 4, fill: '#e4e6f2', minSize: 64 },
  { x: 216, y: 500, w: 592, h: 8, r: 4, fill: '#e4e6f2', minSize: 64 },
  { x: 216, y: 640, w: 592, h: 8, r: 4, fill: '#e4e6f2', minSize: 64 },
  // The two sessions that clash.
  { x: 262, y: 414, w: 300, h: 270, r: 40, fill: '#f59e0b', opacity: 0.95 },
  { x: 462, y: 544, w: 300, h: 252, r: 40, fill: '#e23d74', opacity: 0.85 }
];

function hex(color) {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Signed distance from (px, py) to a rounded rectangle; negative inside. */
function roundedRectDistance(s, px, py) {
  const hw = s.w / 2;
  const hh = s.h / 2;
  const qx = Math.abs(px - (s.x + hw)) - (hw - s.r);
  const qy = Math.abs(py - (s.y + hh)) - (hh - s.r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - s.r;
}

function shapeColor(s, py) {
  if (typeof s.fill === 'string') return hex(s.fill);
  const t = Math.min(1, Math.max(0, (py - s.y) / s.h));
  const a = hex(s.fill.top);
  const b = hex(s.fill.bottom);
  return [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * t);
}

/** Render at `size` px with n×n samples per pixel; returns straight-alpha RGBA bytes. */
function render(size, samples = size <= 64 ? 8 : 4) {
  const shapes = SHAPES.filter((s) => (s.minSize ?? 0) <= size);
  const scale = CANVAS / size;
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0; // accumulated premultiplied colour over all samples
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = (x + (sx + 0.5) / samples) * scale;
          const py = (y + (sy + 0.5) / samples) * scale;
          let cr = 0, cg = 0, cb = 0, ca = 0;
          for (const s of shapes) {
            if (s.clipBottom !== undefined && py > s.clipBottom) continue;
            if (roundedRectDistance(s, px, py) > 0) continue;
            const alpha = s.opacity ?? 1;
            const [sr, sg, sb] = shapeColor(s, py);
            cr = sr * alpha + cr * (1 - alpha);
            cg = sg * alpha + cg * (1 - alpha);
            cb = sb * alpha + cb * (1 - alpha);
            ca = alpha + ca * (1 - alpha);
          }
          r += cr; g += cg; b += cb; a += ca;
        }
      }
      const n = samples * samples;
      const i = (y * size + x) * 4;
      const alpha = a / n;
      rgba[i + 3] = Math.round(alpha * 255);
      if (alpha > 0) {
        rgba[i] = Math.round(r / n / alpha);
        rgba[i + 1] = Math.round(g / n / alpha);
        rgba[i + 2] = Math.round(b / n / alpha);
      }
    }
  }
  return rgba;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

/** Windows .ico holding PNG images (supported since Vista). */
function encodeIco(images) {
  const header = Buffer.alloc(6 + images.length * 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const e = 6 + i * 16;
    header[e] = size >= 256 ? 0 : size;
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** macOS .icns with PNG payloads, keyed by Apple's OSType for each size/scale. */
function encodeIcns(pngBySize) {
  const types = [
    ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512],
    ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512], ['ic10', 1024]
  ];
  const entries = types.map(([type, size]) => {
    const png = pngBySize.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

function svg() {
  const defs = [];
  const body = SHAPES.map((s, i) => {
    let fill = s.fill;
    if (typeof fill !== 'string') {
      defs.push(
        `<linearGradient id="g${i}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${fill.top}"/><stop offset="1" stop-color="${fill.bottom}"/></linearGradient>`
      );
      fill = `url(#g${i})`;
    }
    let clip = '';
    if (s.clipBottom !== undefined) {
      defs.push(`<clipPath id="c${i}"><rect x="0" y="0" width="${CANVAS}" height="${s.clipBottom}"/></clipPath>`);
      clip = ` clip-path="url(#c${i})"`;
    }
    const opacity = s.opacity === undefined ? '' : ` fill-opacity="${s.opacity}"`;
    return `  <rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${fill}"${opacity}${clip}/>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CANVAS}" height="${CANVAS}" viewBox="0 0 ${CANVAS} ${CANVAS}">`,
    `  <title>Clashless</title>`,
    `  <defs>${defs.join('')}</defs>`,
    ...body,
    '</svg>',
    ''
  ].join('\n');
}

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const pngBySize = new Map();
mkdirSync(join(OUT, 'icons'), { recursive: true });
for (const size of SIZES) {
  const png = encodePng(size, render(size));
  pngBySize.set(size, png);
  writeFileSync(join(OUT, 'icons', `${size}x${size}.png`), png);
}
writeFileSync(join(OUT, 'icon.png'), pngBySize.get(1024));
writeFileSync(join(OUT, 'icon.svg'), svg());
writeFileSync(join(OUT, 'icon.ico'), encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngBySize.get(size) }))));
writeFileSync(join(OUT, 'icon.icns'), encodeIcns(pngBySize));
console.log(`icons written to ${OUT}`);
