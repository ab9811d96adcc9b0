// A stable colour per track: the track's name hashed onto a fixed palette of ten colours picked to
// stay apart from each other and legible in both themes. The same name always gets the same colour,
// on every screen and every run, with no table to keep. Colour is never the only signal: wherever a
// swatch is drawn the track's name is in the accessible name and the tooltip too.
//
// Each colour has a light-theme and a dark-theme shade and the text colour that sits on each (at
// least 4.5:1); the shades also stand out at least 3:1 from the surfaces they are drawn on. The
// view reads them through CSS custom properties (see trackStyle and app.css), so the theme picks
// the shade without any script.

export interface TrackColor {
  /** A plain name for the colour ("teal"), for tests and debugging. */
  name: string;
  /** The colour in the light theme, and the text that sits on it. */
  light: string;
  onLight: string;
  /** The colour in the dark theme, and the text that sits on it. */
  dark: string;
  onDark: string;
}

const ON_LIGHT = '#ffffff';
const ON_DARK = '#16181b';

export const TRACK_PALETTE: readonly TrackColor[] = Object.freeze([
  { name: 'blue', light: '#1d4ed8', onLight: ON_LIGHT, dark: '#60a5fa', onDark: ON_DARK },
  { name: 'teal', light: '#0f766e', onLight: ON_LIGHT, dark: '#2dd4bf', onDark: ON_DARK },
  { name: 'orange', light: '#c2410c', onLight: ON_LIGHT, dark: '#fb923c', onDark: ON_DARK },
  { name: 'purple', light: '#7e22ce', onLight: ON_LIGHT, dark: '#c084fc', onDark: ON_DARK },
  { name: 'green', light: '#15803d', onLight: ON_LIGHT, dark: '#4ade80', onDark: ON_DARK },
  { name: 'pink', light: '#be185d', onLight: ON_LIGHT, dark: '#f472b6', onDark: ON_DARK },
  { name: 'cyan', light: '#0e7490', onLight: ON_LIGHT, dark: '#22d3ee', onDark: ON_DARK },
  { name: 'amber', light: '#a16207', onLight: ON_LIGHT, dark: '#fbbf24', onDark: ON_DARK },
  { name: 'slate', light: '#475569', onLight: ON_LIGHT, dark: '#94a3b8', onDark: ON_DARK },
  { name: 'olive', light: '#4d7c0f', onLight: ON_LIGHT, dark: '#a3e635', onDark: ON_DARK }
]);

/** The name as compared: "Connectivity", " connectivity " and "CONNECTIVITY" are one track. */
function normalise(track: string): string {
  return track.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** 32-bit FNV-1a over the UTF-16 code units: small, fast and spreads short names well. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The palette index of a track. */
export function trackColorIndex(track: string): number {
  return hash(normalise(track)) % TRACK_PALETTE.length;
}

/** The colour of a track, or null for a session without one (drawn without a swatch). */
export function trackColor(track: string | null | undefined): TrackColor | null {
  if (!track || normalise(track) === '') return null;
  return TRACK_PALETTE[trackColorIndex(track)] ?? null;
}

/**
 * Inline style that hands the colour to CSS: `--track-light`/`--track-dark` and the text on each;
 * app.css turns them into `--track` and `--track-on` for the current theme. '' without a track.
 */
export function trackStyle(track: string | null | undefined): string {
  const c = trackColor(track);
  return c ? paletteStyle('track', c) : '';
}

/**
 * A conference's colour in My week: the palette in id order, so the conferences of one week (imported
 * one after another) get different colours. Its name is always said beside it (label, tooltip).
 */
export function conferenceColor(conferenceId: number): TrackColor {
  return TRACK_PALETTE[(((conferenceId - 1) % TRACK_PALETTE.length) + TRACK_PALETTE.length) % TRACK_PALETTE.length]!;
}

/** The inline style for `[data-conference]` (app.css turns it into --conference for the theme). */
export function conferenceStyle(conferenceId: number): string {
  return paletteStyle('conference', conferenceColor(conferenceId));
}

/** The custom properties of one palette colour (an element with data-track or data-conference turns them into its colour and text colour). */
export function paletteStyle(name: 'track' | 'conference', c: TrackColor): string {
  return `--${name}-light:${c.light};--${name}-dark:${c.dark};--${name}-on-light:${c.onLight};--${name}-on-dark:${c.onDark}`;
}

/** WCAG relative luminance of a "#rrggbb" colour. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(match[1]!, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two "#rrggbb" colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
