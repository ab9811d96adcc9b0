// A narrow, fast reader for ordinary VEVENT blocks that yields the same jCal shape ICAL.parse
// gives for the properties the importer uses. ICAL.parse is general (every property, every
// value type) and costs about as much as all the rest of an import; on a 10,000-event feed this
// reader keeps the whole import within the benchmark's budget. Anything it does not recognise
// as plain (a line without a value, odd parameter syntax, RFC 6868 escapes) returns null, and
// the caller hands the block to ICAL.parse, so unusual files get ical.js's exact reading and
// error messages. tests/unit/ics-parser.test.ts checks both readings agree on every fixture.
import type { JcalComponent, JcalProperty } from './zones.ts';

type Kind = 'time' | 'times' | 'text' | 'texts' | 'uri' | 'recur' | 'integer' | 'raw';

type Spec = readonly [string, Kind];
// One shared spec per property: readEvent receives the same name strings ICAL.parse gives.
const DTSTART: Spec = ['dtstart', 'time'];
const DTEND: Spec = ['dtend', 'time'];
const RECURRENCE_ID: Spec = ['recurrence-id', 'time'];
const DTSTAMP: Spec = ['dtstamp', 'time'];
const LAST_MODIFIED: Spec = ['last-modified', 'time'];
const EXDATE: Spec = ['exdate', 'times'];
const RDATE: Spec = ['rdate', 'times'];
const SUMMARY: Spec = ['summary', 'text'];
const DESCRIPTION: Spec = ['description', 'text'];
const LOCATION: Spec = ['location', 'text'];
const UID: Spec = ['uid', 'text'];
const STATUS: Spec = ['status', 'text'];
const CATEGORIES: Spec = ['categories', 'texts'];
const URL: Spec = ['url', 'uri'];
const RRULE: Spec = ['rrule', 'recur'];
const SEQUENCE: Spec = ['sequence', 'integer'];
const DURATION: Spec = ['duration', 'raw'];

/**
 * The spec of a property the importer reads, compared in place in the block text so ordinary
 * lines allocate nothing but their value; undefined for the rest, which are skipped.
 */
function specAt(line: string, from: number, to: number): Spec | undefined {
  const n = to - from;
  switch (line.charCodeAt(from)) {
    case 68: // D
      if (n === 7) return line.startsWith('DTSTART', from) ? DTSTART : line.startsWith('DTSTAMP', from) ? DTSTAMP : undefined;
      if (n === 5 && line.startsWith('DTEND', from)) return DTEND;
      if (n === 11 && line.startsWith('DESCRIPTION', from)) return DESCRIPTION;
      if (n === 8 && line.startsWith('DURATION', from)) return DURATION;
      break;
    case 82: // R
      if (n === 5) return line.startsWith('RRULE', from) ? RRULE : line.startsWith('RDATE', from) ? RDATE : undefined;
      if (n === 13 && line.startsWith('RECURRENCE-ID', from)) return RECURRENCE_ID;
      break;
    case 69: // E
      if (n === 6 && line.startsWith('EXDATE', from)) return EXDATE;
      break;
    case 76: // L
      if (n === 8 && line.startsWith('LOCATION', from)) return LOCATION;
      if (n === 13 && line.startsWith('LAST-MODIFIED', from)) return LAST_MODIFIED;
      break;
    case 83: // S
      if (n === 7 && line.startsWith('SUMMARY', from)) return SUMMARY;
      if (n === 6 && line.startsWith('STATUS', from)) return STATUS;
      if (n === 8 && line.startsWith('SEQUENCE', from)) return SEQUENCE;
      break;
    case 85: // U
      if (n === 3) return line.startsWith('UID', from) ? UID : line.startsWith('URL', from) ? URL : undefined;
      break;
    case 67: // C
      if (n === 10 && line.startsWith('CATEGORIES', from)) return CATEGORIES;
      break;
  }
  return lowerCaseSpec(line, from, to);
}

/** Names are case-insensitive; lower- or mixed-case ones are rare, so they take the slow way. */
function lowerCaseSpec(line: string, from: number, to: number): Spec | undefined {
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      const upper = line.slice(from, to).toUpperCase();
      return specAt(upper, 0, upper.length);
    }
  }
  return undefined;
}

/** Whether [from, to) is a legal property name (letters, digits, '-'). */
function legalName(line: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  return true;
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});
let lastTzid = '';

/** RFC 5545 TEXT: \n \N \, \; \\ (others are kept as written, as ical.js does). */
function unescapeText(value: string): string {
  let at = value.indexOf('\\');
  if (at < 0) return value;
  // A slice-and-join walk: a regex replace with a callback costs several times more on the
  // long descriptions conference feeds carry.
  let out = '';
  let from = 0;
  while (at >= 0 && at + 1 < value.length) {
    const next = value.charCodeAt(at + 1);
    const replacement = next === 110 || next === 78 ? '\n' : next === 44 ? ',' : next === 59 ? ';' : next === 92 ? '\\' : null;
    if (replacement === null) {
      at = value.indexOf('\\', at + 1);
      continue;
    }
    out += value.slice(from, at) + replacement;
    from = at + 2;
    at = value.indexOf('\\', from);
  }
  return out + value.slice(from);
}

/** Split at commas not escaped with a backslash (CATEGORIES, EXDATE lists). */
function splitList(value: string): string[] {
  if (!value.includes('\\')) return value.split(',');
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch === 92) i++; // backslash: skip the escaped character
    else if (ch === 44) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

/** "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=…" → the object form ical.js uses (lower-case keys). */
function recurObject(value: string): Record<string, unknown> | null {
  const rule: Record<string, unknown> = {};
  for (const part of value.split(';')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const key = part.slice(0, eq).toLowerCase();
    const raw = part.slice(eq + 1);
    rule[key] = key.startsWith('by') && raw.includes(',') ? raw.split(',') : raw;
  }
  return typeof rule['freq'] === 'string' ? rule : null;
}

/**
 * Parameters of a content line ("DTSTART;TZID="X";VALUE=DATE") → lower-case keys. `from` is the
 * first ';', `to` the value's ':'. Null when the syntax is anything but plain KEY=VALUE or
 * KEY="VALUE".
 */
function readParams(line: string, from: number, to: number): Record<string, string> | null {
  // The common case, one unquoted TZID, reuses the previous line's string when it is the same
  // zone: no allocation, and later comparisons of it are by identity.
  if (line.startsWith(';TZID=', from) && line.charCodeAt(from + 6) !== 34 && paramStart(line, from + 6, to) === to) {
    const length = to - from - 6;
    if (!(length === lastTzid.length && line.startsWith(lastTzid, from + 6))) lastTzid = line.slice(from + 6, to);
    if (lastTzid.includes('^') || lastTzid.includes('"') || lastTzid.length === 0) return null;
    return { tzid: lastTzid };
  }
  const params: Record<string, string> = {};
  let i = from;
  while (i < to) {
    const eq = line.indexOf('=', i + 1);
    if (eq < 0 || eq > to) return null;
    const key = line.slice(i + 1, eq).toLowerCase();
    let value: string;
    let next: number;
    if (line.charCodeAt(eq + 1) === 34) {
      const close = line.indexOf('"', eq + 2);
      if (close < 0 || close > to) return null;
      value = line.slice(eq + 2, close);
      next = close + 1;
      if (next < to && line.charCodeAt(next) !== 59) return null;
    } else {
      next = line.indexOf(';', eq + 1);
      if (next < 0 || next > to) next = to;
      value = line.slice(eq + 1, next);
      if (value.includes('"')) return null;
    }
    if (!key || value.includes('^') || key in params) return null;
    params[key] = value;
    i = next;
  }
  return params;
}

/** The value's ':' in [from, to): the first one outside quotes, or -1. */
function valueColon(line: string, from: number, to: number): number {
  const colon = line.indexOf(':', from);
  if (colon < 0 || colon >= to) return -1;
  // Only a quote before that colon can hide it; look no further than the colon.
  let quoted = false;
  for (let i = from; i < colon; i++) {
    if (line.charCodeAt(i) === 34) {
      quoted = true;
      break;
    }
  }
  if (!quoted) return colon;
  let inQuotes = false;
  for (let i = from; i < to; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 34) inQuotes = !inQuotes;
    else if (ch === 58 && !inQuotes) return i;
  }
  return -1;
}

/** The first ';' in [from, to), or `to`. */
function paramStart(line: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (line.charCodeAt(i) === 59) return i;
  return to;
}

/** One content line in [from, to): a property, undefined for one the importer skips, null for bad syntax. */
function property(line: string, from: number, to: number): JcalProperty | null | undefined {
  const colon = valueColon(line, from, to);
  if (colon <= from) return null;
  const nameEnd = paramStart(line, from, colon);
  const spec = specAt(line, from, nameEnd);
  if (!spec) return legalName(line, from, nameEnd) ? undefined : null;
  const params = nameEnd < colon ? readParams(line, nameEnd, colon) : NO_PARAMS;
  if (!params) return null;
  const [name, kind] = spec;
  const value = line.slice(colon + 1, to);
  switch (kind) {
    case 'time':
      return [name, params, params['value']?.toLowerCase() === 'date' ? 'date' : 'date-time', value];
    case 'times': {
      const type = params['value']?.toLowerCase() === 'period' ? 'period' : 'date-time';
      const values = value.split(',').map((v) => (type === 'period' ? v.split('/') : v));
      return [name, params, type, ...values];
    }
    case 'text':
      return [name, params, 'text', unescapeText(value)];
    case 'texts':
      return [name, params, 'text', ...splitList(value).map(unescapeText)];
    case 'uri':
      return [name, params, 'uri', value];
    case 'recur': {
      const rule = recurObject(value);
      return rule ? [name, params, 'recur', rule] : null;
    }
    case 'integer': {
      const n = Number.parseInt(value, 10);
      return Number.isFinite(n) ? [name, params, 'integer', n] : null;
    }
    default:
      return [name, params, 'duration', value];
  }
}

/** BEGIN:/END: lines (any case) → [begin, upper-case name], else null. */
function componentMarker(line: string, from: number, to: number): [boolean, string] | null {
  const first = line.charCodeAt(from) | 32;
  if ((first !== 98 && first !== 101) || to - from > 40) return null; // b, e
  const upper = line.slice(from, to).toUpperCase().trimEnd();
  if (upper.startsWith('BEGIN:')) return [true, upper.slice(6)];
  if (upper.startsWith('END:')) return [false, upper.slice(4)];
  return null;
}

const isFold = (c: number): boolean => c === 32 || c === 9;

/**
 * Read a "BEGIN:VEVENT … END:VEVENT" block. Null means "not plain enough, use ICAL.parse".
 * Nested components (VALARM) are skipped: the importer never reads them.
 */
export function fastReadEvent(block: string): JcalComponent | null {
  const props: JcalProperty[] = [];
  let depth = 0;
  let sawEnd = false;
  const length = block.length;
  let pos = 0;
  while (pos < length) {
    let newline = block.indexOf('\n', pos);
    if (newline < 0) newline = length;
    const end = newline > pos && block.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    // A blank line, or a fold with no line to continue, is not plain.
    if (end === pos || isFold(block.charCodeAt(pos))) return null;
    let next = newline + 1;
    let line = block;
    let from = pos;
    let to = end;
    if (next < length && isFold(block.charCodeAt(next))) {
      // Folded: only now is the logical line built as a string of its own.
      line = block.slice(pos, end);
      while (next < length && isFold(block.charCodeAt(next))) {
        let foldEnd = block.indexOf('\n', next);
        if (foldEnd < 0) foldEnd = length;
        line += block.slice(next + 1, foldEnd > next && block.charCodeAt(foldEnd - 1) === 13 ? foldEnd - 1 : foldEnd);
        next = foldEnd + 1;
      }
      from = 0;
      to = line.length;
    }
    pos = next;
    const marker = componentMarker(line, from, to);
    if (marker) {
      const [begin, name] = marker;
      if (begin) {
        depth++;
        if (depth === 1 && (name !== 'VEVENT' || sawEnd)) return null;
      } else {
        depth--;
        if (depth < 0) return null;
        if (depth === 0) {
          if (name !== 'VEVENT') return null;
          sawEnd = true;
        }
      }
      continue;
    }
    if (depth > 1) continue;
    if (depth === 0) return null;
    const prop = property(line, from, to);
    if (prop === null) return null;
    if (prop !== undefined) props.push(prop);
  }
  return sawEnd && depth === 0 ? ['vevent', props, []] : null;
}
