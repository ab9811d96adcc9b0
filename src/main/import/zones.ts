// Decide which time zone a document's wall-clock times are in, and say how.
//
// Policy (architecture.md, formats.md): the person's choice > an IANA name in the document >
// a UTC offset paired with an abbreviation or place > an abbreviation decided with the
// document's context > a city or venue > a fallback the person must confirm. Ambiguous
// abbreviations (CST, IST, BST, MST …) are settled by context words, places and the season of
// the document's dates; `guessed` stays true when only weak context decided.
import type { ZoneDecision } from '../../shared/domain.ts';
import { ClashlessError } from '../../shared/contract.ts';
import { isValidZone, offsetMinutesAt } from '../../shared/time.ts';
import { collectFullDates, type DatedLine } from './parsers/date-lines.ts';
import {
  ABBREVIATIONS,
  ABBREVIATIONS_NEEDING_A_TIME,
  FRACTIONAL_OFFSET_ZONES,
  LONG_ZONE_NAMES,
  PLACES,
  REGION_WORDS,
  escapeRegExp,
  type Place,
  type ZoneCandidate
} from './parsers/text-zone-names.ts';

export interface ResolveZoneOptions {
  /** The zone the person chose (preview picker, --tz). Wins; must be a valid IANA name. */
  timeZone?: string | undefined;
  /** Used when nothing in the document decides. Default "UTC". */
  fallbackZone?: string | undefined;
  /**
   * A zone the format carries outside the body (X-WR-TIMEZONE, time_zone_name) or extra context
   * such as a conference name. A valid IANA name counts as the document naming its zone.
   */
  hint?: string | undefined;
}

/** Only the head of very large documents is scanned: the zone is stated early or everywhere. */
const SCAN_LIMIT = 4 * 1024 * 1024;

/** Zones an abbreviation may stand for, most likely first ([] when unknown). For the zone picker. */
export function abbreviationCandidates(abbr: string): string[] {
  const key = abbr.trim().toUpperCase();
  const list = Object.prototype.hasOwnProperty.call(ABBREVIATIONS, key) ? ABBREVIATIONS[key] : undefined;
  return list ? [...new Set(list.map((c) => c.zone))] : [];
}

interface Hit {
  text: string;
  line: number;
  count: number;
}

/** Where each line starts, to turn a match offset into a 1-based line number. */
class LineIndex {
  readonly #starts: number[] = [0];
  readonly text: string;
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
    this.text = text;
  }
  get lineCount(): number {
    return this.#starts.length;
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  lineText(line: number): string {
    const start = this.#starts[line - 1] ?? 0;
    const next = this.#starts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1);
  }
}

function wordRegex(words: readonly string[]): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

const ABBR_RE = wordRegex(Object.keys(ABBREVIATIONS));
const LONG_RE = wordRegex(LONG_ZONE_NAMES.map((n) => n.name));
const PLACE_RE = wordRegex(PLACES.map((p) => p.name));
const REGION_WORD_LIST = [
  ...new Set(Object.values(REGION_WORDS).flatMap((r) => (r ? [...r.strong, ...r.weak] : [])))
];
const REGION_RE = wordRegex(REGION_WORD_LIST);
const ZONE_NAME_RE =
  /(?<![\w/])(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Z][A-Za-z_-]{1,30}(?:\/[A-Z][A-Za-z_-]{1,30})?(?![\w/])/g;
const OFFSET_RE = /(?<![\p{L}])\(?(?:UTC|GMT)[ \t]?(?<sign>[+\-−–])[ \t]?(?<h>\d{1,2})(?::?(?<m>\d{2}))?(?![\p{N}])\)?/gu;
const URL_RE = /\bhttps?:\/\/[^\s)\]>"']{1,2000}/g;
const TIME_BEFORE = /(?:\d|[ap]\.?m\.?)[ \t]?\(?$/i;
const PLACE_BY_NAME = new Map(PLACES.map((p) => [p.name, p]));
const LONG_BY_NAME = new Map(LONG_ZONE_NAMES.map((n) => [n.name, n.zone]));

/** Per-word tallies found in the document. */
interface Evidence {
  index: LineIndex;
  zoneNames: Map<string, Hit>;
  offsets: Map<number, Hit>;
  longNames: Map<string, Hit>;
  abbreviations: Map<string, Hit & { timed: number }>;
  places: Map<string, Hit>;
  regionWords: Map<string, Hit>;
  dates: DatedLine[];
}

function tally<T extends Hit>(map: Map<string | number, T>, key: string | number, make: () => T): T {
  let hit = map.get(key);
  if (!hit) {
    hit = make();
    map.set(key, hit);
  } else hit.count++;
  return hit;
}

function gather(fullText: string, hint: string | undefined): Evidence {
  let text = fullText.length > SCAN_LIMIT ? fullText.slice(0, SCAN_LIMIT) : fullText;
  // Zone words inside links ("…/america/…", "?tz=CST") say nothing about the schedule.
  text = text.replace(URL_RE, (m) => ' '.repeat(m.length));
  if (hint && !isValidZone(hint.trim())) text = `${text}\n${hint}`;
  const index = new LineIndex(text);
  const ev: Evidence = {
    index,
    zoneNames: new Map(),
    offsets: new Map(),
    longNames: new Map(),
    abbreviations: new Map(),
    places: new Map(),
    regionWords: new Map(),
    dates: collectFullDates(text, 20_000, 60)
  };
  for (const m of text.matchAll(ZONE_NAME_RE)) {
    if (!isValidZone(m[0])) continue;
    tally(ev.zoneNames, m[0], () => ({ text: m[0], line: index.lineOf(m.index), count: 1 }));
  }
  const offsetSpans: [number, number][] = [];
  for (const m of text.matchAll(OFFSET_RE)) {
    const g = m.groups ?? {};
    const h = Number(g['h']);
    const min = g['m'] ? Number(g['m']) : 0;
    if (h > 14 || min > 59) continue;
    const value = (g['sign'] === '+' ? 1 : -1) * (h * 60 + min);
    offsetSpans.push([m.index, m.index + m[0].length]);
    tally(ev.offsets as Map<string | number, Hit>, value, () => ({ text: m[0].trim(), line: index.lineOf(m.index), count: 1 }));
  }
  for (const m of text.matchAll(LONG_RE)) {
    tally(ev.longNames, m[0], () => ({ text: m[0], line: index.lineOf(m.index), count: 1 }));
  }
  for (const m of text.matchAll(ABBR_RE)) {
    const abbr = m[0];
    if (offsetSpans.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const after = text.charAt(m.index + abbr.length);
    const timed = TIME_BEFORE.test(before) || (before.endsWith('(') && after === ')');
    if (!timed && ABBREVIATIONS_NEEDING_A_TIME.has(abbr)) continue;
    const hit = tally(ev.abbreviations, abbr, () => ({ text: abbr, line: index.lineOf(m.index), count: 1, timed: 0 }));
    if (timed) hit.timed++;
  }
  for (const m of text.matchAll(PLACE_RE)) {
    const place = PLACE_BY_NAME.get(m[0]);
    if (!place) continue;
    if (place.needsContext) {
      const before = text.slice(Math.max(0, m.index - 6), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (!/(?:\bin|\bat|\bfrom|@)\s$/i.test(before) && !/^,\s?[A-Z]/.test(after)) continue;
    }
    tally(ev.places, m[0], () => ({ text: m[0], line: index.lineOf(m.index), count: 1 }));
  }
  for (const m of text.matchAll(REGION_RE)) {
    tally(ev.regionWords, m[0], () => ({ text: m[0], line: index.lineOf(m.index), count: 1 }));
  }
  return ev;
}

/** Noon UTC of each dated line, or mid-January and mid-July when the document has no dates. */
function sampleInstants(ev: Evidence): number[] {
  if (ev.dates.length === 0) return [Date.UTC(2024, 0, 15, 12), Date.UTC(2024, 6, 15, 12)];
  return ev.dates.map((d) => Date.UTC(d.date.year, d.date.month - 1, d.date.day, 12));
}

function sameOffsets(a: string, b: string, at: readonly number[]): boolean {
  return at.every((t) => offsetMinutesAt(t, a) === offsetMinutesAt(t, b));
}

/** "on line 21", or "in the title (line 4)" for a front-matter title, a heading or line 1. */
function where(ev: Evidence, line: number): string {
  const text = ev.index.lineText(line).trim();
  if ((line === 1 && ev.index.lineCount > 3) || /^title\s*:/i.test(text) || /^#\s/.test(text)) return `in the title (line ${line})`;
  return `on line ${line}`;
}

function quote(hit: Hit, ev: Evidence): string {
  return `“${hit.text}” ${where(ev, hit.line)}`;
}

function most<T extends Hit>(map: Map<string | number, T>, score: (h: T) => number = (h) => h.count): T | null {
  let best: T | null = null;
  for (const h of map.values()) {
    if (!best || score(h) > score(best) || (score(h) === score(best) && h.line < best.line)) best = h;
  }
  return best;
}

interface Choice {
  zone: string;
  guessed: boolean;
  /** The word that named the zone. */
  hit: Hit;
  /** What decided, as "“CST” on line 182, with “North America” on line 21". */
  because: string;
}

/** Places whose zone keeps the same clock as `zone` (CET + "Brussels" → Europe/Brussels). */
function refineByPlace(zone: string, ev: Evidence): { zone: string; place: Hit | null } {
  const year = ev.dates[0]?.date.year ?? 2024;
  const probe = [Date.UTC(year, 0, 15, 12), Date.UTC(year, 6, 15, 12), ...sampleInstants(ev).slice(0, 4)];
  const places = [...ev.places.values()].sort((a, b) => b.count - a.count || a.line - b.line);
  for (const hit of places) {
    const p = PLACE_BY_NAME.get(hit.text);
    if (p && p.zone !== zone && isValidZone(p.zone) && sameOffsets(p.zone, zone, probe)) return { zone: p.zone, place: hit };
    if (p && p.zone === zone) return { zone, place: hit };
  }
  return { zone, place: null };
}

/** Abbreviations whose standard-time spelling in summer points at a zone without DST. */
const STANDARD_ALL_YEAR: Readonly<Record<string, { dst: string; noDst: string }>> = {
  MST: { dst: 'America/Denver', noDst: 'America/Phoenix' },
  AEST: { dst: 'Australia/Sydney', noDst: 'Australia/Brisbane' }
};

function scoreCandidate(c: ZoneCandidate, ev: Evidence): { score: number; strong: Hit[]; weak: Hit[] } {
  const strong: Hit[] = [];
  const weak: Hit[] = [];
  const words = REGION_WORDS[c.region];
  if (words) {
    for (const w of words.strong) {
      const hit = ev.regionWords.get(w);
      if (hit) strong.push(hit);
    }
    for (const w of words.weak) {
      const hit = ev.regionWords.get(w);
      if (hit) weak.push(hit);
    }
  }
  for (const hit of ev.places.values()) {
    const p: Place | undefined = PLACE_BY_NAME.get(hit.text);
    if (p && (p.zone === c.zone || (p.region === c.region && c.region !== 'other'))) strong.push(hit);
  }
  return { score: strong.length * 3 + weak.length, strong, weak };
}

function byAbbreviation(ev: Evidence): Choice | null {
  const long = most(ev.longNames);
  if (long) {
    const zone = LONG_BY_NAME.get(long.text) ?? 'UTC';
    const refined = refineByPlace(zone, ev);
    let also = refined.place && refined.zone !== zone ? `, with ${quote(refined.place, ev)}` : '';
    const abbr = most(ev.abbreviations, (h) => h.timed * 1000 + h.count);
    if (abbr && abbreviationCandidates(abbr.text).includes(zone)) also += ` and ${quote(abbr, ev)}`;
    return { zone: refined.zone, guessed: false, hit: long, because: `${quote(long, ev)}${also}` };
  }
  // Abbreviations written next to a time count most; plain mentions break ties.
  const abbr = most(ev.abbreviations, (h) => h.timed * 1000 + h.count);
  if (!abbr) return null;
  const candidates = ABBREVIATIONS[abbr.text] ?? [];
  const first = candidates[0];
  if (!first) return null;
  if (candidates.length === 1) {
    const refined = refineByPlace(first.zone, ev);
    const also = refined.place && refined.zone !== first.zone ? `, with ${quote(refined.place, ev)}` : '';
    return { zone: refined.zone, guessed: false, hit: abbr, because: `${quote(abbr, ev)}${also}` };
  }
  const scored = candidates.map((c) => ({ c, ...scoreCandidate(c, ev) }));
  const seasonal = STANDARD_ALL_YEAR[abbr.text];
  let seasonClue = '';
  if (seasonal && ev.dates.length > 0) {
    const summer = ev.dates.find((d) => {
      const t = Date.UTC(d.date.year, d.date.month - 1, d.date.day, 12);
      return offsetMinutesAt(t, seasonal.dst) !== offsetMinutesAt(t, seasonal.noDst);
    });
    const alt = scored.find((s) => s.c.zone === seasonal.noDst);
    if (summer && alt) {
      alt.score += 1;
      seasonClue = `a date on line ${summer.line} when ${seasonal.dst} is on daylight time`;
    }
  }
  let best = scored[0]!;
  for (const s of scored) if (s.score > best.score) best = s;
  const clues = [...best.strong, ...best.weak]
    .filter((h, i, all) => all.findIndex((o) => o.text === h.text) === i)
    .slice(0, 2)
    .map((h) => quote(h, ev));
  if (seasonClue && best.c.zone === seasonal?.noDst) clues.push(seasonClue);
  const samples = sampleInstants(ev);
  const agree = ev.dates.length > 0 && candidates.every((c) => sameOffsets(c.zone, best.c.zone, samples));
  const guessed = best.strong.length === 0 && !agree;
  const refined = refineByPlace(best.c.zone, ev);
  const others = candidates.filter((c) => c.zone !== best.c.zone).map((c) => c.zone);
  let because = quote(abbr, ev);
  if (clues.length > 0) because += `, with ${clues.join(' and ')}`;
  else if (agree) because += ` (the same clock as ${others.join(', ')} on the document's dates)`;
  else because += ` (no other clue; could also be ${others.join(' or ')})`;
  if (refined.place && refined.zone !== best.c.zone) because += `, in ${refined.place.text}`;
  return { zone: refined.zone, guessed, hit: abbr, because };
}

function byPlace(ev: Evidence): Choice | null {
  const counts = new Map<string, { hit: Hit; total: number }>();
  for (const hit of ev.places.values()) {
    const p = PLACE_BY_NAME.get(hit.text);
    if (!p || !isValidZone(p.zone)) continue;
    const entry = counts.get(p.zone);
    if (!entry) counts.set(p.zone, { hit, total: hit.count });
    else {
      entry.total += hit.count;
      if (hit.count > entry.hit.count) entry.hit = hit;
    }
  }
  let best: { zone: string; hit: Hit; total: number } | null = null;
  for (const [zone, e] of counts) if (!best || e.total > best.total) best = { zone, ...e };
  if (!best) return null;
  const rivals = [...counts.keys()].filter((z) => z !== best.zone);
  const guessed = best.total < 2 || rivals.length > 0;
  const note = rivals.length > 0 ? ` (also mentioned: ${rivals.slice(0, 3).join(', ')})` : '';
  return { zone: best.zone, guessed, hit: best.hit, because: `${quote(best.hit, ev)}${note}` };
}

function fixedOffsetZone(minutes: number): string | null {
  if (minutes === 0) return 'UTC';
  if (minutes % 60 === 0 && Math.abs(minutes) <= 14 * 60) {
    // IANA's Etc zones have the sign inverted: UTC-7 is Etc/GMT+7.
    return `Etc/GMT${minutes > 0 ? '-' : '+'}${Math.abs(minutes) / 60}`;
  }
  return FRACTIONAL_OFFSET_ZONES[minutes] ?? null;
}

function byOffset(ev: Evidence): ZoneDecision | null {
  if (ev.offsets.size === 0) return null;
  const offset = most(ev.offsets as Map<string | number, Hit>);
  if (!offset) return null;
  const values = new Set<number>(ev.offsets.keys());
  const samples = sampleInstants(ev);
  const fits = (zone: string): boolean => samples.some((t) => values.has(offsetMinutesAt(t, zone)));

  const named = byAbbreviation(ev);
  const options: { zone: string; hit: Hit; because: string }[] = [];
  if (named) options.push(named);
  const abbr = most(ev.abbreviations, (h) => h.timed * 1000 + h.count);
  if (abbr) for (const c of ABBREVIATIONS[abbr.text] ?? []) options.push({ zone: c.zone, hit: abbr, because: quote(abbr, ev) });
  const place = byPlace(ev);
  if (place) options.push(place);
  for (const o of options) {
    if (!isValidZone(o.zone) || !fits(o.zone)) continue;
    const refined = refineByPlace(o.zone, ev);
    const joined = o.hit.line === offset.line ? `“${offset.text}” with ${o.because}` : `${quote(offset, ev)} with ${o.because}`;
    return { zone: refined.zone, rule: 'utc-offset', guessed: false, detail: `${joined} → ${refined.zone}` };
  }
  const [value] = [...ev.offsets.entries()].find(([, h]) => h === offset) ?? [0];
  const zone = fixedOffsetZone(value);
  if (!zone || !isValidZone(zone)) return null;
  return {
    zone,
    rule: 'utc-offset',
    guessed: true,
    detail: `${quote(offset, ev)} with no place or zone name to go with it → fixed offset ${zone}`
  };
}

/**
 * Decide the zone of a document's wall-clock times. Throws ClashlessError('bad-request') when
 * `opts.timeZone` is not a zone name this computer knows.
 */
export function resolveZone(text: string, opts: ResolveZoneOptions = {}): ZoneDecision {
  if (opts.timeZone !== undefined && opts.timeZone !== '') {
    const zone = opts.timeZone.trim();
    if (!isValidZone(zone)) {
      throw new ClashlessError(
        'bad-request',
        `Unknown time zone “${opts.timeZone}”. Use an IANA zone name such as “America/Chicago” or “Europe/Berlin”.`,
        'field timeZone'
      );
    }
    return { zone, rule: 'option', guessed: false, detail: `Chosen in the import options → ${zone}` };
  }
  const hint = opts.hint?.trim();
  if (hint && isValidZone(hint) && hint.includes('/')) {
    return { zone: hint, rule: 'zone-name', guessed: false, detail: `The file names its zone “${hint}” → ${hint}` };
  }
  const ev = gather(text, hint);
  const named = most(ev.zoneNames);
  if (named) {
    const others = ev.zoneNames.size > 1 ? ` (of ${ev.zoneNames.size} zone names in the document, the most frequent)` : '';
    return { zone: named.text, rule: 'zone-name', guessed: ev.zoneNames.size > 1, detail: `${quote(named, ev)}${others} → ${named.text}` };
  }
  const offset = byOffset(ev);
  if (offset) return offset;
  const abbr = byAbbreviation(ev);
  if (abbr) {
    const rule = abbr.zone === 'UTC' ? 'utc' : 'abbreviation';
    return { zone: abbr.zone, rule, guessed: abbr.guessed, detail: `${abbr.because} → ${abbr.zone}` };
  }
  const place = byPlace(ev);
  if (place) return { zone: place.zone, rule: 'place', guessed: place.guessed, detail: `${place.because} → ${place.zone}` };
  const fallback = opts.fallbackZone && isValidZone(opts.fallbackZone) ? opts.fallbackZone : 'UTC';
  return {
    zone: fallback,
    rule: 'fallback',
    guessed: true,
    detail: `Nothing in the document names a time zone, a UTC offset, a zone abbreviation or a known city; the times were read as ${fallback}`
  };
}

