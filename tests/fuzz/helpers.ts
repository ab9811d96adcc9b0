// Shared machinery of the hostile-input suite: the invariant every importer must keep, the
// real inputs cut into small windows (so 10,000 cases per parser fit in minutes), and the
// mutations applied to them. The suite itself is parsers.fuzz.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { ClashlessError } from '../../src/shared/contract.ts';
import type { ImportFormat, ParseOptions, ParsedSchedule } from '../../src/shared/domain.ts';
import { isValidZone } from '../../src/shared/time.ts';
import { parseCsv } from '../../src/main/import/parsers/csv/parse.ts';
import { parseFrabXml } from '../../src/main/import/parsers/frab/xml.ts';
import { parseHtml } from '../../src/main/import/parsers/html/read.ts';
import { parseIcs } from '../../src/main/import/parsers/ics/read.ts';
import { parseMarkdown } from '../../src/main/import/parsers/markdown/read.ts';
import { parseSchedText } from '../../src/main/import/parsers/text/sched.ts';
import { parseScheduleJson } from '../../src/main/import/parsers/frab/schedule-json.ts';
import { parseText } from '../../src/main/import/parsers/text/plain.ts';
import { PEER_DIR } from '../fixtures/paths.ts';

export const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** fast-check settings: FUZZ_SEED replays a reported run exactly. */
export function runs(numRuns: number): fc.Parameters<unknown> {
  return SEED === undefined ? { numRuns } : { numRuns, seed: SEED };
}

/** A vitest timeout that grows with FUZZ_RUNS: a hang still fails, a long `npm run fuzz` does not. */
export function timeoutFor(numRuns: number): number {
  return Math.max(120_000, numRuns * 30);
}

export type Parser = (text: string, opts: ParseOptions) => ParsedSchedule;
export const PARSERS: Readonly<Record<ImportFormat, Parser>> = {
  'sched-text': parseSchedText,
  markdown: parseMarkdown,
  text: parseText,
  ics: parseIcs,
  'frab-xml': parseFrabXml,
  'schedule-json': parseScheduleJson,
  csv: parseCsv,
  html: parseHtml
};

// ---------------------------------------------------------------------------------------------
// The invariant

/** A stack frame leaking into a message: "at parse (/x/y.ts:12:5)" or "at file:///a.js:1:2". */
const STACK_FRAME = /\bat .*[\w)\]\\/.-]\.[cm]?[jt]sx?:\d+:\d+|^\s*at \S+ \(|node:internal/m;
/** Words that mean a program value leaked into text meant for people. */
const LEAKED_VALUE = /\b(?:NaN|undefined|Invalid Date|Invalid DateTime)\b|\[object \w+\]/;
/** Characters that draw nothing: a title made only of these is empty to the reader. Lone
 * combining and variation marks are the point here, so the class lists them on purpose. */
// eslint-disable-next-line no-misleading-character-class
export const INVISIBLE = /^[\s\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]*$/u;
/** The largest instant a JS Date (and so every exporter) can represent. */
const MAX_INSTANT = 8.64e15;

export class InvariantBroken extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantBroken';
  }
}

function broken(label: string, what: string): never {
  throw new InvariantBroken(`${label}: ${what}`);
}

/** Text for people: a few words, no stack frame, no leaked program value the input did not contain. */
export function checkPeopleText(label: string, message: unknown, input: string): void {
  if (typeof message !== 'string' || message.trim().length === 0) broken(label, `empty message ${JSON.stringify(message)}`);
  if (!/\S\s+\S/.test(message)) broken(label, `message is not a sentence: ${JSON.stringify(message.slice(0, 200))}`);
  if (STACK_FRAME.test(message)) broken(label, `message contains a stack frame: ${JSON.stringify(message.slice(0, 300))}`);
  const leaked = LEAKED_VALUE.exec(message);
  if (leaked && !input.includes(leaked[0])) broken(label, `message leaks "${leaked[0]}": ${JSON.stringify(message.slice(0, 300))}`);
}

/** A refusal must be a ClashlessError with a message for people; anything else is a bug. */
export function checkRefusal(label: string, err: unknown, input: string): void {
  if (err instanceof InvariantBroken) throw err;
  if (!(err instanceof ClashlessError)) {
    const e = err instanceof Error ? err : new Error(String(err));
    const escaped = new InvariantBroken(`${label}: a raw ${e.name} escaped: ${e.message.slice(0, 300)}`);
    escaped.stack = `${escaped.name}: ${escaped.message}\ncaused by ${e.stack ?? e.message}`;
    throw escaped;
  }
  checkPeopleText(`${label} (ClashlessError ${err.code})`, err.message, input);
}

/** What a parser returned must be safe to store, show and export. */
export function checkSchedule(label: string, format: ImportFormat | null, result: ParsedSchedule, input: string): void {
  if (format !== null && result.format !== format) broken(label, `format is ${result.format}, expected ${format}`);
  // The week view formats with Intl, which knows IANA names only (not luxon's "UTC+5:30").
  if (!isValidZone(result.conference.timeZone)) broken(label, `conference zone "${result.conference.timeZone}" is not an IANA zone Intl can use`);
  if (!isValidZone(result.zone.zone)) broken(label, `zone decision "${result.zone.zone}" is not an IANA zone Intl can use`);
  if (result.zone.detail.trim().length === 0) broken(label, 'zone decision has no detail');
  const keys = new Set<string>();
  for (const [i, s] of result.sessions.entries()) {
    const where = `session ${i} (key ${JSON.stringify(s.key)}, title ${JSON.stringify(s.title.slice(0, 80))})`;
    if (typeof s.key !== 'string' || s.key.trim().length === 0) broken(label, `${where} has an empty key`);
    if (keys.has(s.key)) broken(label, `${where} repeats a key already used in this document`);
    keys.add(s.key);
    if (typeof s.title !== 'string' || s.title.trim().length === 0) broken(label, `${where} has an empty title`);
    for (const [name, t] of [['start', s.start], ['end', s.end]] as const) {
      if (!Number.isFinite(t) || Math.abs(t) > MAX_INSTANT) broken(label, `${where} has ${name} ${t}, not a representable instant`);
    }
    if (s.end < s.start) broken(label, `${where} ends (${s.end}) before it starts (${s.start})`);
    if (s.line !== null && !(Number.isInteger(s.line) && s.line >= 1)) broken(label, `${where} has line ${s.line}`);
    for (const sp of s.speakers) {
      if (typeof sp.name !== 'string' || sp.name.trim().length === 0) broken(label, `${where} has a speaker without a name`);
    }
  }
  for (const w of result.warnings) {
    if (w.line !== null && !(Number.isInteger(w.line) && w.line >= 1)) broken(label, `warning on line ${w.line}: ${w.message}`);
    checkPeopleText(`${label} (warning)`, w.message, input);
  }
}

/** Generous per-call ceiling: catches catastrophic backtracking and loops, not slowness. */
export function allowedMs(text: string): number {
  return 500 + 50 * (text.length / 1024);
}

export interface Outcome {
  result: ParsedSchedule | null;
  ms: number;
}

/** Run one parse and check everything: refusal style, schedule invariants, no hang. */
export function checkParse(label: string, format: ImportFormat | null, text: string, parse: () => ParsedSchedule): Outcome {
  const timed = (): Outcome => {
    const t0 = performance.now();
    let result: ParsedSchedule | null = null;
    try {
      result = parse();
    } catch (err) {
      checkRefusal(label, err, text);
    }
    return { result, ms: performance.now() - t0 };
  };
  let out = timed();
  // One slow call can be a GC pause or a busy machine; a real hang or blow-up repeats.
  if (out.ms > allowedMs(text)) out = timed();
  if (out.ms > allowedMs(text)) {
    broken(label, `took ${out.ms.toFixed(0)} ms twice on ${(text.length / 1024).toFixed(1)} K chars (limit ${allowedMs(text).toFixed(0)} ms)`);
  }
  if (out.result !== null) checkSchedule(label, format, out.result, text);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Real inputs, cut small

const PEER = PEER_DIR;
const SEEDS = new URL('../../seed/', import.meta.url);

function readDir(dir: string | URL, ext: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => readFileSync(new URL(f, dir instanceof URL ? dir : `file://${dir}/`), 'utf8'));
}

const REAL = new URL('../fixtures/real/', import.meta.url);
const schedSeeds = readDir(SEEDS, '.sched.txt');
// The seed post and the real posts and agendas (tests/fixtures/real): the shapes people write.
const markdownSeeds = [
  ...readDir(SEEDS, '.md'),
  ...readDir(new URL('blog/', REAL), '.md'),
  ...readDir(new URL('blog/', REAL), '.markdown'),
  ...readDir(new URL('agenda/', REAL), '.md')
];
const htmlFiles = readDir(new URL('html/', REAL), '.html');
const icsFiles = readDir(PEER + 'ics', '.ics');
const xmlFiles = readDir(PEER + 'frab-xml', '.xml');
const jsonFiles = readDir(PEER + 'schedule-json', '.json').filter((t) => !t.includes('"$id"')); // not the schema itself

export const SOURCES = { schedSeeds, markdownSeeds, icsFiles, xmlFiles, jsonFiles, htmlFiles };

/** Whole lines from `start`, about `size` characters, optionally after the document's first lines. */
export function lineWindow(text: string, start: number, size: number, withHead: boolean): string {
  let from = start % Math.max(text.length, 1);
  from = text.lastIndexOf('\n', from) + 1;
  let to = text.indexOf('\n', Math.min(from + size, text.length));
  if (to < 0) to = text.length;
  const body = text.slice(from, to + 1);
  if (!withHead || from === 0) return body;
  const headEnd = text.indexOf('\n', Math.min(1200, text.length));
  return text.slice(0, headEnd < 0 ? text.length : headEnd + 1) + body;
}

/** A calendar's header and time zones, then whole VEVENTs from `start` to about `size` characters. */
export function icsWindow(text: string, start: number, size: number): string {
  const first = text.indexOf('BEGIN:VEVENT');
  if (first < 0 || text.length <= size) return text;
  const head = text.slice(0, first).slice(0, 8000);
  const starts: number[] = [];
  for (let i = first; i >= 0; i = text.indexOf('BEGIN:VEVENT', i + 1)) starts.push(i);
  const from = starts[start % starts.length] ?? first;
  let to = text.indexOf('END:VEVENT', from + Math.min(size, 1500));
  to = to < 0 ? text.length : text.indexOf('\n', to) + 1 || text.length;
  return head + text.slice(from, to) + 'END:VCALENDAR\r\n';
}

/** The conference header, then whole events from `start` inside their own day and room. */
export function xmlWindow(text: string, start: number, size: number): string {
  const firstDay = text.indexOf('<day');
  if (firstDay < 0 || text.length <= size) return text;
  const starts: number[] = [];
  for (let i = text.indexOf('<event', firstDay); i >= 0; i = text.indexOf('<event', i + 1)) {
    if (/[\s>]/.test(text.charAt(i + 6))) starts.push(i);
  }
  const from = starts[start % Math.max(starts.length, 1)] ?? firstDay;
  const dayOpen = text.lastIndexOf('<day', from);
  const roomOpen = text.lastIndexOf('<room', from);
  const openTag = (at: number) => (at < 0 ? '' : text.slice(at, text.indexOf('>', at) + 1));
  let to = text.indexOf('</event>', from + Math.min(size, 1500));
  to = to < 0 ? text.length : to + '</event>'.length;
  const room = roomOpen > dayOpen ? openTag(roomOpen) : '';
  return `${text.slice(0, firstDay)}${openTag(dayOpen)}${room}${text.slice(from, to)}\n${room ? '</room>' : ''}</day></schedule>\n`;
}

/** The same document with every array cut to a few items from a position set by `start`. */
export function jsonWindow(text: string, start: number, size: number): string {
  const keep = Math.max(1, Math.round(size / 1500));
  const cut = (value: unknown, depth: number): unknown => {
    if (Array.isArray(value)) {
      const from = value.length <= keep ? 0 : (start * (depth + 1)) % (value.length - keep + 1);
      return value.slice(from, from + keep).map((v) => cut(v, depth + 1));
    }
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cut(v, depth + 1)]));
    }
    return value;
  };
  const indent = [undefined, 2, '\t'][start % 3];
  return JSON.stringify(cut(JSON.parse(text), 0), null, indent);
}

/** Replace (or, with `undefined`, delete) the n-th value of a JSON document, in document order. */
export function jsonReplace(text: string, n: number, replacement: unknown): string {
  const root: unknown = JSON.parse(text);
  let count = 0;
  let target = -1;
  const countNodes = (v: unknown): void => {
    count++;
    if (v !== null && typeof v === 'object') for (const c of Object.values(v)) countNodes(c);
  };
  countNodes(root);
  target = n % count;
  let seen = 0;
  const walk = (v: unknown): unknown => {
    if (seen++ === target) return replacement;
    if (Array.isArray(v)) return v.map(walk).filter((c) => c !== undefined);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, c]) => [k, walk(c)] as const).filter(([, c]) => c !== undefined));
    }
    return v;
  };
  return JSON.stringify(walk(root) ?? null, null, 1);
}

export interface CsvStyle {
  delimiter: ',' | ';' | '\t';
  layout: 'date-start-end' | 'iso' | 'date-range' | 'start-duration';
  dates: 'iso' | 'dmy' | 'mdy' | 'words';
  clock: '24h' | '12h';
  names: 'plain' | 'alternative';
  zoneColumn: boolean;
}

export const csvStyleArb: fc.Arbitrary<CsvStyle> = fc.record({
  delimiter: fc.constantFrom(',' as const, ';' as const, '\t' as const),
  layout: fc.constantFrom('date-start-end' as const, 'iso' as const, 'date-range' as const, 'start-duration' as const),
  dates: fc.constantFrom('iso' as const, 'dmy' as const, 'mdy' as const, 'words' as const),
  clock: fc.constantFrom('24h' as const, '12h' as const),
  names: fc.constantFrom('plain' as const, 'alternative' as const),
  zoneColumn: fc.boolean()
});

/** Formatted wall times, remembered: the same few hundred instants are written thousands of times. */
const formatted = new Map<string, string>();
function wallText(ms: number, zone: string, pattern: string): string {
  const id = `${ms}|${zone}|${pattern}`;
  let text = formatted.get(id);
  if (text === undefined) {
    const dt = DateTime.fromMillis(ms, { zone });
    text = (pattern === 'iso' ? dt.toISO() : dt.toFormat(pattern)) ?? '';
    formatted.set(id, text);
  }
  return text;
}

const DATE_PATTERN: Readonly<Record<CsvStyle['dates'], string>> = { iso: 'yyyy-MM-dd', dmy: 'dd/MM/yyyy', mdy: 'MM/dd/yyyy', words: 'MMM d, yyyy' };

/** A spreadsheet export of real sessions (from the peer feeds), written in one of many styles. */
export function csvFromSessions(schedule: ParsedSchedule, from: number, count: number, style: CsvStyle): string {
  const zone = schedule.conference.timeZone;
  const names = style.names === 'plain'
    ? ['ID', 'Title', 'Date', 'Start', 'End', 'Room', 'Speakers', 'Track', 'Description', 'Time zone']
    : ['Session ID', 'Session', 'Day', 'Begin', 'Finish', 'Location', 'Presenters', 'Category', 'Abstract', 'TZ'];
  const quote = (cell: string) => (/["\n\r,;\t]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const dateOf = (ms: number) => wallText(ms, zone, DATE_PATTERN[style.dates]);
  const clockOf = (ms: number) => wallText(ms, zone, style.clock === '24h' ? 'HH:mm' : 'h:mm a');
  const header = [names[0], names[1]];
  if (style.layout === 'iso') header.push(names[3], names[4]);
  else if (style.layout === 'date-range') header.push(names[2], 'Time');
  else if (style.layout === 'start-duration') header.push(names[2], names[3], 'Duration');
  else header.push(names[2], names[3], names[4]);
  header.push(names[5], names[6], names[7], names[8]);
  if (style.zoneColumn) header.push(names[9]);
  const rows = [header.map((h) => quote(h ?? '')).join(style.delimiter)];
  const sessions = schedule.sessions;
  for (let i = 0; i < Math.min(count, sessions.length); i++) {
    const s = sessions[(from + i) % sessions.length];
    if (s === undefined) continue;
    const cells = [s.key, s.title];
    if (style.layout === 'iso') cells.push(wallText(s.start, zone, 'iso'), wallText(s.end, zone, 'iso'));
    else if (style.layout === 'date-range') cells.push(dateOf(s.start), `${clockOf(s.start)} - ${clockOf(s.end)}`);
    else if (style.layout === 'start-duration') cells.push(dateOf(s.start), clockOf(s.start), String(Math.round((s.end - s.start) / 60_000)));
    else cells.push(dateOf(s.start), clockOf(s.start), clockOf(s.end));
    cells.push(s.room ?? '', s.speakers.map((p) => p.name).join(', '), s.track ?? '', (s.description ?? '').slice(0, 300));
    if (style.zoneColumn) cells.push(zone);
    rows.push(cells.map(quote).join(style.delimiter));
  }
  return rows.join(style.delimiter === '\t' ? '\n' : '\r\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Mutations

/** Short hostile fragments, valid in no format and meaningful in several. */
export const HOSTILE = [
  '\u0000', '\ud800', '\udfff', '\u202e', '\u200f', '\u200b', '\ufeff', '\u2028', '\u0085', '👩🏽‍💻', 'ﷺ', '\r', '\\', '"', "'",
  '&amp;', '&#0;', '&#xD800;', '&bogus;', '<!--', ']]>', '{', '}', '[', ']', '<', '>', '%s', '${x}', '\t', '9'.repeat(30), '-0', '1e400'
];

export type Mutation =
  | { kind: 'delete-lines' | 'duplicate-lines'; at: number; count: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'truncate' | 'remove-syntax' | 'remove-tag'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'line-ends'; at: number; mode: 'crlf' | 'lf' | 'cr' | 'one-crlf' }
  | { kind: 'bump-number'; at: number; to: string };

export function mutationArb(vocabulary: readonly string[]): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    fc.record({ kind: fc.constantFrom('delete-lines' as const, 'duplicate-lines' as const), at, count: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
    fc.record({ kind: fc.constantFrom('truncate' as const, 'remove-syntax' as const, 'remove-tag' as const), at }),
    fc.record({
      kind: fc.constant('insert' as const),
      at,
      text: fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom(...HOSTILE, ...vocabulary))
    }),
    fc.record({ kind: fc.constant('line-ends' as const), at, mode: fc.constantFrom('crlf' as const, 'lf' as const, 'cr' as const, 'one-crlf' as const) }),
    fc.record({
      kind: fc.constant('bump-number' as const),
      at,
      to: fc.oneof(fc.integer({ min: -3, max: 3 }).map(String), fc.constantFrom('0', '00', '99', '-1', '2147483648', '99999999999999999999', '1.5', '1e9'))
    })
  );
}

function nthMatch(text: string, re: RegExp, n: number): RegExpExecArray | null {
  const all = [...text.matchAll(re)];
  return all.length === 0 ? null : (all[n % all.length] as RegExpExecArray);
}

function applyOne(text: string, m: Mutation): string {
  const lines = (): string[] => text.split('\n');
  switch (m.kind) {
    case 'delete-lines':
    case 'duplicate-lines': {
      const ls = lines();
      const i = m.at % ls.length;
      if (m.kind === 'delete-lines') ls.splice(i, m.count);
      else ls.splice(i, 0, ...ls.slice(i, i + m.count));
      return ls.join('\n');
    }
    case 'swap-lines': {
      const ls = lines();
      const a = m.a % ls.length;
      const b = m.b % ls.length;
      [ls[a], ls[b]] = [ls[b] ?? '', ls[a] ?? ''];
      return ls.join('\n');
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'insert': {
      const i = m.at % (text.length + 1);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'remove-syntax':
    case 'remove-tag': {
      const hit = nthMatch(text, m.kind === 'remove-tag' ? /<\/?[A-Za-z][^<>]{0,80}>|^[A-Z-]+[:;]/gm : /[<>{}[\]"'(),;:|*#]/g, m.at);
      return hit ? text.slice(0, hit.index) + text.slice(hit.index + hit[0].length) : text;
    }
    case 'line-ends': {
      if (m.mode === 'crlf') return text.replace(/\r?\n/g, '\r\n');
      if (m.mode === 'lf') return text.replace(/\r\n?/g, '\n');
      if (m.mode === 'cr') return text.replace(/\r?\n/g, '\r');
      const hit = nthMatch(text, /\r?\n/g, m.at);
      return hit ? text.slice(0, hit.index) + (hit[0] === '\n' ? '\r\n' : '\n') + text.slice(hit.index + hit[0].length) : text;
    }
    case 'bump-number': {
      const hit = nthMatch(text, /\d+/g, m.at);
      if (!hit) return text;
      const delta = Number(m.to);
      const value = /^-?[0-3]$/.test(m.to) ? String(Math.max(0, Number(hit[0]) + delta)).padStart(hit[0].length, '0') : m.to;
      return text.slice(0, hit.index) + value + text.slice(hit.index + hit[0].length);
    }
  }
}

export function mutate(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyOne, text);
}

/** Bytes of a text after byte-level damage: invalid UTF-8, BOMs, other encodings. */
export type ByteDamage = { kind: 'utf8' | 'utf16le' | 'utf16be' | 'latin1' } | { kind: 'splice'; at: number; bytes: readonly number[] };

export const byteDamageArb: fc.Arbitrary<ByteDamage> = fc.oneof(
  fc.record({ kind: fc.constantFrom('utf8' as const, 'utf16le' as const, 'utf16be' as const, 'latin1' as const) }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
      fc.constantFrom<readonly number[]>([0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0], [0xf4, 0x90, 0x80, 0x80])
    )
  })
);

function encode(text: string, kind: 'utf8' | 'utf16le' | 'utf16be' | 'latin1'): Uint8Array {
  if (kind === 'utf8') return new TextEncoder().encode(text);
  if (kind === 'latin1') return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
  const out = new Uint8Array(2 + text.length * 2);
  const be = kind === 'utf16be';
  out.set(be ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i + (be ? 1 : 0)] = c & 0xff;
    out[2 + 2 * i + (be ? 0 : 1)] = c >> 8;
  }
  return out;
}

export function damageBytes(text: string, damage: readonly ByteDamage[]): Uint8Array {
  let bytes = encode(text, damage.find((d) => d.kind !== 'splice')?.kind as 'utf8' | undefined ?? 'utf8');
  for (const d of damage) {
    if (d.kind !== 'splice') continue;
    const i = d.at % (bytes.length + 1);
    const next = new Uint8Array(bytes.length + d.bytes.length);
    next.set(bytes.subarray(0, i));
    next.set(d.bytes, i);
    next.set(bytes.subarray(i), i + d.bytes.length);
    bytes = next;
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Regression corpus

export const CORPUS_DIR = new URL('./corpus/', import.meta.url);

export interface CorpusEntry {
  name: string;
  bytes: Uint8Array;
  why: string | null;
}

/** Every input that ever broke a parser, with the one line that says what it broke. */
export function readCorpus(): CorpusEntry[] {
  const files = readdirSync(CORPUS_DIR).sort();
  return files
    .filter((f) => !f.endsWith('.why.txt') && !f.startsWith('.'))
    .map((name) => {
      const whyName = `${name}.why.txt`;
      return {
        name,
        bytes: new Uint8Array(readFileSync(new URL(name, CORPUS_DIR))),
        why: files.includes(whyName) ? readFileSync(new URL(whyName, CORPUS_DIR), 'utf8').trim() : null
      };
    });
}
