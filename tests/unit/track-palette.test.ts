// Track colours: the same track always gets the same colour, different tracks spread over the
// palette, and every colour is legible in both themes (text on it at least 4.5:1, the swatch itself
// at least 3:1 against the surfaces it is drawn on).
import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  relativeLuminance,
  TRACK_PALETTE,
  trackColor,
  trackColorIndex,
  trackStyle
} from '../../src/renderer/src/lib/views/track-palette.ts';

// The surfaces a swatch or block edge sits on, from app.css: page, panel, and a planned block.
const LIGHT_SURFACES = { bg: '#f4f4f1', surface: '#ffffff', goingBlock: '#dce7fb', selectedRow: '#e8effc' };
const DARK_SURFACES = { bg: '#16181b', surface: '#1d2024', goingBlock: '#23375c', selectedRow: '#1f2f4d' };

describe('contrast arithmetic', () => {
  it('follows WCAG: black on white is 21:1, a colour on itself 1:1, and the order does not matter', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(contrastRatio('#1d4ed8', '#ffffff')).toBeCloseTo(contrastRatio('#ffffff', '#1d4ed8'), 10);
    // #767676 on white is the well-known smallest grey that passes 4.5:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('refuses what is not a #rrggbb colour', () => {
    expect(() => relativeLuminance('blue')).toThrow(/#rrggbb/);
    expect(() => relativeLuminance('#fff')).toThrow(/#rrggbb/);
  });
});

describe('a track’s colour', () => {
  it('is the same for the same track, however it is spelled in case and spacing', () => {
    expect(trackColor('Connectivity')).toBe(trackColor('Connectivity'));
    expect(trackColor('  connectivity ')).toBe(trackColor('CONNECTIVITY'));
    expect(trackColorIndex('Cloud  Native Security')).toBe(trackColorIndex('cloud native security'));
  });

  it('is pinned: a palette or hash change would recolour everyone’s tracks, so it must be deliberate', () => {
    const names = ['Connectivity', 'Security', 'AI + ML', 'Observability', 'Keynote'].map((t) => trackColor(t)?.name);
    expect(names).toEqual(['orange', 'purple', 'olive', 'slate', 'orange']);
  });

  it('is none for a session without a track', () => {
    expect(trackColor(null)).toBeNull();
    expect(trackColor(undefined)).toBeNull();
    expect(trackColor('   ')).toBeNull();
    expect(trackStyle(null)).toBe('');
  });

  it('spreads a conference’s tracks over the whole palette', () => {
    const tracks = Array.from({ length: 200 }, (_, i) => `Track ${i}`);
    const used = new Set(tracks.map(trackColorIndex));
    expect(used.size).toBe(TRACK_PALETTE.length);
    // No colour takes more than twice its share.
    const counts = new Map<number, number>();
    for (const t of tracks) counts.set(trackColorIndex(t), (counts.get(trackColorIndex(t)) ?? 0) + 1);
    for (const n of counts.values()) expect(n).toBeLessThanOrEqual((2 * tracks.length) / TRACK_PALETTE.length);
  });

  it('hands both theme shades and their text colours to CSS', () => {
    const c = trackColor('Connectivity')!;
    expect(trackStyle('Connectivity')).toBe(
      `--track-light:${c.light};--track-dark:${c.dark};--track-on-light:${c.onLight};--track-on-dark:${c.onDark}`
    );
  });
});

describe('the palette', () => {
  it('has about ten distinct colours', () => {
    expect(TRACK_PALETTE.length).toBeGreaterThanOrEqual(8);
    expect(TRACK_PALETTE.length).toBeLessThanOrEqual(12);
    expect(new Set(TRACK_PALETTE.map((c) => c.light)).size).toBe(TRACK_PALETTE.length);
    expect(new Set(TRACK_PALETTE.map((c) => c.dark)).size).toBe(TRACK_PALETTE.length);
  });

  it.each(TRACK_PALETTE.map((c) => [c.name, c] as const))('%s: text on it is at least 4.5:1 in the light and the dark theme', (_name, c) => {
    expect(contrastRatio(c.onLight, c.light)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c.onDark, c.dark)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(TRACK_PALETTE.map((c) => [c.name, c] as const))('%s: the swatch stands out at least 3:1 from every surface it is drawn on', (_name, c) => {
    for (const surface of Object.values(LIGHT_SURFACES)) expect(contrastRatio(c.light, surface)).toBeGreaterThanOrEqual(3);
    for (const surface of Object.values(DARK_SURFACES)) expect(contrastRatio(c.dark, surface)).toBeGreaterThanOrEqual(3);
  });

  it('keeps clear of the clash red, so a track never reads as a clash', () => {
    const clashLight = '#d23b3b';
    const clashDark = '#f06a5f';
    for (const c of TRACK_PALETTE) {
      expect(hueDistance(c.light, clashLight)).toBeGreaterThan(12);
      expect(hueDistance(c.dark, clashDark)).toBeGreaterThan(12);
    }
  });
});

/** Degrees between two colours' hues (greys count as far from everything). */
function hueDistance(a: string, b: string): number {
  const ha = hue(a);
  const hb = hue(b);
  if (ha === null || hb === null) return 180;
  const d = Math.abs(ha - hb) % 360;
  return Math.min(d, 360 - d);
}

function hue(hex: string): number | null {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255] as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  if (d < 0.12) return null;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}
