// The evidence about a document's time zone, gathered from its text (zones.ts weighs it and
// decides): IANA names, UTC offsets, abbreviations and spelled-out zones, venues, conference
// editions and cities, each with its line and count; organisation names around a place are masked
// first, so "New York Times" is not a place. Pure: text in, tallies out.
import { isValidZone } from '../../shared/time.ts';
import { findSeriesEditions, type SeriesMatch } from './conference-series.ts';
import { collectFullDates, type DatedLine } from './parsers/prose/date-lines.ts';
import {
  LEGAL_FORMS,
  NATIONALITY_ADJECTIVES,
  ORGANISATION_AFTER_NATIONALITY,
  ORGANISATION_AFTER_PLACE,
  ORGANISATION_BEFORE_PLACE,
  ORGANISATION_CONNECTORS,
  ORGANISATION_STEMS,
  PLACES
} from './place-names.ts';
import { ABBREVIATIONS, ABBREVIATIONS_NEEDING_A_TIME, LONG_ZONE_NAMES, REGION_WORDS, escapeRegExp, type Region } from './zone-names.ts';


/** Only the head of very large documents is scanned: the zone is stated early or everywhere. */
const SCAN_LIMIT = 4 * 1024 * 1024;


export interface Hit {
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
  lineStart(line: number): number {
    return this.#starts[line - 1] ?? 0;
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
export const LONG_BY_NAME = new Map(LONG_ZONE_NAMES.map((n) => [n.name, n.zone]));

/** A regex alternation of literal words, longest first. */
function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

// Organisation names around a place ("University of Vienna", "New York Times", "Bank of America",
// "Berlin Partner GmbH", "Indian Institute of Technology"). Region words count as places here, so
// "Bank of China" says nothing about China. Case matters: these are names.
const ORG_PLACE = alternation([
  ...PLACES.map((p) => p.name),
  ...REGION_WORD_LIST.filter((w) => !/\bTime\b|^Mountain$/.test(w))
]);
const ORG_WORD = `(?:[\\p{L}-]*(?:${ORGANISATION_STEMS.map(escapeRegExp).join('|')})\\p{L}*|${alternation(ORGANISATION_BEFORE_PLACE)})`;
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const ORGANISATION_RE = new RegExp(
  [
    // "Universität Wien", "University of Chicago", "Université de Lyon", "TU München", "Bank of America"
    `${B}${ORG_WORD}(?:[ \\t]+(?:${alternation(ORGANISATION_CONNECTORS)}))?[ \\t]+(?:${ORG_PLACE})${E}`,
    // "New York Times", "Chicago Tribune", "Boston Dynamics", "New York University", "China Mobile"
    `${B}(?:${ORG_PLACE})[ \\t]+(?:${alternation(ORGANISATION_AFTER_PLACE)}|[\\p{L}-]*(?:${ORGANISATION_STEMS.map(escapeRegExp).join('|')})\\p{L}*)${E}`,
    // "Berlin Partner GmbH", "Amsterdam Data Labs B.V."
    `${B}(?:${ORG_PLACE})(?:[ \\t]+\\p{Lu}[\\p{L}&-]*){0,2},?[ \\t]+(?:${alternation(LEGAL_FORMS)})(?![\\p{L}\\p{N}])`,
    // "American Express", "European Commission", "Indian Institute of Technology"
    `${B}(?:${alternation(NATIONALITY_ADJECTIVES)})[ \\t]+(?:${alternation(ORGANISATION_AFTER_NATIONALITY)})${E}`
  ].join('|'),
  'gu'
);

/** Words that, earlier in the same sentence, make a place the event's venue: "held at the …", "Venue: …". */
const VENUE_CUE_BEFORE =
  /(?:\b(?:held|hosted|hold|holds|takes?[ \t]+place|taking[ \t]+place|happens|happening|located|venue|location|meet(?:s|ing)?|gather(?:s|ing)?|join[ \t]+us|welcome[ \t]+to|see[ \t]+you)\b[^.!?\n]{0,80}|^[ \t]*(?:[*_>#-]+[ \t]*)*(?:venue|location|where|place|ort|lieu)\**[ \t]*[:：][^\n]{0,80})$/i;
/** "in Chicago", "at the Salt Palace", "@ Moscone" right before the place. */
const VENUE_PREPOSITION_BEFORE = /(?:\b(?:in|at)|@)[ \t]+(?:the[ \t]+)?$/i;

/** What a piece of zone evidence is, strongest first. */
export type ZoneEvidenceKind =
  | 'zone-name' // an IANA name: "Europe/Berlin"
  | 'offset' // a UTC offset: "(UTC -7)"
  | 'zone-word' // an abbreviation or spelled-out zone: "CST", "Mountain Standard Time"
  | 'venue' // a place named as where the event is: "in Chicago", "Venue: Salt Palace"
  | 'series' // a conference edition with a known city: "KubeCon EU 2023"
  | 'mention'; // a city named anywhere else

/**
 * How much each kind weighs. Stated kinds decide on their own; among places a venue or a named
 * edition outweighs a city mentioned in passing, and an edition whose year only the document's
 * dates gave weighs less than one named with its year.
 */
export const EVIDENCE_STRENGTH: Readonly<Record<ZoneEvidenceKind, number>> = {
  'zone-name': 100,
  offset: 90,
  'zone-word': 80,
  venue: 3,
  series: 3,
  mention: 1
};
const SERIES_YEAR_FROM_DATES = 2;

/** One piece of evidence about a document's zone, as the decision weighs it. */
export interface ZoneEvidence {
  kind: ZoneEvidenceKind;
  strength: number;
  /** The zones it supports (an ambiguous abbreviation supports several). */
  zones: string[];
  /** The words in the document. */
  text: string;
  /** 1-based line of the first occurrence. */
  line: number;
  count: number;
}

/** A place-kind piece of evidence (venue, series, mention), with what the preview shows for it. */
export interface PlaceEvidence extends Hit {
  kind: 'venue' | 'series' | 'mention';
  strength: number;
  zone: string;
  region: Region;
  /** The place as people say it: "Amsterdam". */
  place: string;
  /** For an edition: "KubeCon EU 2023 was held in Amsterdam". */
  fact: string | null;
  /** For an edition: the year came from the document's dates, not from its name. */
  yearFromDates: boolean;
  /** For a venue: the words that name it as the venue ("held at the Austria Center Vienna"). */
  phrase: string | null;
}

/** Per-word tallies found in the document. */
export interface Evidence {
  index: LineIndex;
  zoneNames: Map<string, Hit>;
  offsets: Map<number, Hit>;
  longNames: Map<string, Hit>;
  abbreviations: Map<string, Hit & { timed: number }>;
  /** Venues, editions and cities, one entry per kind and name, strongest first. */
  places: PlaceEvidence[];
  regionWords: Map<string, Hit>;
  /** Organisation names whose place was not counted ("New York Times"). */
  organisations: Map<string, Hit>;
  dates: DatedLine[];
}

export function tally<T extends Hit>(map: Map<string | number, T>, key: string | number, make: () => T): T {
  let hit = map.get(key);
  if (!hit) {
    hit = make();
    map.set(key, hit);
  } else hit.count++;
  return hit;
}

/** The text of the line before `offset`, up to `max` characters. */
function lineBefore(text: string, offset: number, max: number): string {
  const from = Math.max(0, offset - max);
  const chunk = text.slice(from, offset);
  const nl = chunk.lastIndexOf('\n');
  return nl === -1 ? chunk : chunk.slice(nl + 1);
}

/**
 * Blank out organisation names that contain a place (keeping offsets and lines), unless the
 * organisation itself is named as the venue ("held at the University of Vienna").
 */
function maskOrganisations(text: string, index: LineIndex, organisations: Map<string, Hit>): string {
  // Only lines with a place or a region word can hold such a name: scan just those.
  const lines = new Set<number>();
  for (const re of [PLACE_RE, REGION_RE]) for (const m of text.matchAll(re)) lines.add(index.lineOf(m.index));
  let out = '';
  let last = 0;
  for (const line of [...lines].sort((a, b) => a - b)) {
    const start = index.lineStart(line);
    for (const m of index.lineText(line).matchAll(ORGANISATION_RE)) {
      const at = start + m.index;
      const before = lineBefore(text, at, 120);
      if (VENUE_PREPOSITION_BEFORE.test(before) && VENUE_CUE_BEFORE.test(before)) continue;
      if (/^[ \t]*(?:[*_>#-]+[ \t]*)*(?:venue|location|where)\**[ \t]*[:：][ \t]*(?:the[ \t]+)?$/i.test(before)) continue;
      tally(organisations, m[0], () => ({ text: m[0], line, count: 1 }));
      out += text.slice(last, at) + ' '.repeat(m[0].length);
      last = at + m[0].length;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

function placeKey(e: { kind: string; place: string; zone: string }): string {
  return `${e.kind}\u0000${e.place}\u0000${e.zone}`;
}

/** "KubeCon EU 2023 was held in Amsterdam"; an edition still to come "takes place in". */
function editionFact(match: SeriesMatch): string {
  const { edition } = match;
  const past = edition.year !== null && edition.year < new Date().getUTCFullYear();
  const verb = edition.year === null ? 'is held in' : past ? 'was held in' : 'takes place in';
  return `${edition.name} ${verb} ${edition.place}`;
}

export function gather(fullText: string, hint: string | undefined): Evidence {
  let text = fullText.length > SCAN_LIMIT ? fullText.slice(0, SCAN_LIMIT) : fullText;
  // Zone words inside links ("…/america/…", "?tz=CST") say nothing about the schedule.
  text = text.replace(URL_RE, (m) => ' '.repeat(m.length));
  if (hint && !isValidZone(hint.trim())) text = `${text}\n${hint}`;
  const index = new LineIndex(text);
  const organisations = new Map<string, Hit>();
  text = maskOrganisations(text, index, organisations);
  const ev: Evidence = {
    index,
    zoneNames: new Map(),
    offsets: new Map(),
    longNames: new Map(),
    abbreviations: new Map(),
    places: [],
    regionWords: new Map(),
    organisations,
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
  const places = new Map<string, PlaceEvidence>();
  const addPlace = (e: PlaceEvidence): void => {
    const existing = places.get(placeKey(e));
    if (existing) existing.count++;
    else places.set(placeKey(e), e);
  };
  for (const m of text.matchAll(PLACE_RE)) {
    const place = PLACE_BY_NAME.get(m[0]);
    if (!place) continue;
    const before = lineBefore(text, m.index, 120);
    const preposition = VENUE_PREPOSITION_BEFORE.test(before);
    const cue = VENUE_CUE_BEFORE.exec(before);
    if (place.needsContext && !preposition && !cue) {
      // "Paris", "Austin", "Sydney" are also first names: a place only after "from" or before ", <state>".
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (!/\bfrom\s$/i.test(before) && !/^,\s?[A-Z]/.test(after)) continue;
    }
    const line = index.lineOf(m.index);
    let kind: PlaceEvidence['kind'] = place.venue ? 'venue' : 'mention';
    let phrase: string | null = null;
    if (cue) {
      kind = 'venue';
      phrase = `${cue[0]}${m[0]}`.trim();
    } else if (preposition) {
      kind = 'venue';
      phrase = `${/(?:\b(?:in|at)|@)[ \t]+(?:the[ \t]+)?$/i.exec(before)?.[0] ?? ''}${m[0]}`.trim();
    }
    if (phrase !== null && phrase.length > 90) phrase = `…${phrase.slice(phrase.length - 89).trimStart()}`;
    addPlace({
      kind,
      strength: EVIDENCE_STRENGTH[kind],
      zone: place.zone,
      region: place.region,
      place: place.name,
      fact: null,
      yearFromDates: false,
      phrase,
      text: m[0],
      line,
      count: 1
    });
  }
  const years = ev.dates.map((d) => d.date.year);
  for (const match of findSeriesEditions(text, years)) {
    addPlace({
      kind: 'series',
      strength: match.yearFromDates ? SERIES_YEAR_FROM_DATES : EVIDENCE_STRENGTH.series,
      zone: match.edition.zone,
      region: match.edition.region,
      place: match.edition.place,
      fact: editionFact(match),
      yearFromDates: match.yearFromDates,
      phrase: null,
      text: match.text,
      line: index.lineOf(match.index),
      count: 1
    });
  }
  ev.places = [...places.values()].sort((a, b) => b.strength - a.strength || b.count - a.count || a.line - b.line);
  for (const m of text.matchAll(REGION_RE)) {
    tally(ev.regionWords, m[0], () => ({ text: m[0], line: index.lineOf(m.index), count: 1 }));
  }
  return ev;
}
