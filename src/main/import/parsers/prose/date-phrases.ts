// Date and time phrases inside longer text: link text, prose, list items and table cells.
//
//   "Thursday, April 3, 2025, 17:30 - 18:00 BST"        one phrase: date, range, zone
//   "[Thrusday, April 3, 11:00 - 11:30 BST: Title]"     a phrase at the start of a title
//   "on Wednesday, April 2, from 15:30 to 19:45 BST"    a phrase in a sentence
//   "9:00am/14:00utc to 3:00pm/20:00utc"                the UTC alternative is skipped
//   "17:30–xx:yy", "18:00 - Open-end"                   a start with an open end
//
// Why not chrono-node: it was measured against this reader on the real-document corpus (see
// tests/unit/date-phrases.test.ts, which runs both on the same lines). Chrono reads plain English
// phrases well, but on these lines it splits "Tuesday, November 7 • 11:00am" into two results at
// the bullet, leaves "3:35 - 4:10" on the morning with nothing to say it guessed, and cannot read
// "0845-0900", "10:00Matin", "9:00am/14:00utc" or "Thrusday". Schedules need to know which
// readings were guesses (am/pm, year, weekday-only days) so the reader can settle them from
// the neighbours and say so in a warning; date-tokens.ts keeps that information, chrono does not.
// So the tokens are our own, one component shared by every text reader.
import { clockRange, findDates, findTimes, findWeekdayDays, isCapitalised, weekdayNumber, WEEKDAY_ONLY, type ClockTime, type TimeToken } from './date-tokens.ts';
import type { PartialDate } from './calendar.ts';
import { ABBREVIATIONS } from '../../zone-names.ts';

/** Longer text is read only this far: a schedule's phrases are short and come early. */
const MAX_TEXT = 6000;
const MAX_PHRASES = 60;

export interface WhenPhrase {
  /** Offsets of the phrase in the text (end exclusive). */
  from: number;
  to: number;
  date: PartialDate | null;
  endDate: PartialDate | null;
  /** A weekday named without a month ("Saturday", "Wed 18"). */
  weekday: number | null;
  /** The day of the month written with a bare weekday ("Wed 18"). */
  dayOfMonth: number | null;
  start: ClockTime | null;
  end: ClockTime | null;
  /** The range is written with an open end ("17:30–xx:yy", "Open-end"). */
  openEnd: boolean;
  /** Hours written 1-12 without am/pm: morning or afternoon is for the reader to settle. */
  clock12: boolean;
  /** A time written the 24-hour way ("16:00", "09:30"): the document uses a 24-hour clock. */
  written24: boolean;
  zoneAbbr: string | null;
  utcOffsetMinutes: number | null;
}

type Token =
  | { kind: 'date'; from: number; to: number; date: PartialDate; rangeEnd: number | null }
  | { kind: 'weekday'; from: number; to: number; weekday: number; day: number | null }
  | { kind: 'time'; from: number; to: number; time: TimeToken }
  | { kind: 'open'; from: number; to: number }
  | { kind: 'abbr'; from: number; to: number; abbr: string }
  | { kind: 'offset'; from: number; to: number; minutes: number };

const UTC_ALTERNATIVE = /(?<=\d|[ap]\.?m\.?)\s?\/\s?\d{1,2}(?::\d{2})?\s?(?:utc|gmt|z)(?![\p{L}])/giu;
const OPEN_END = /[-–—]\s?(?:xx:yy|\?{1,3}|open[- ]?end|late|tbd|tba)(?![\p{L}])|(?<=\s)(?:open[- ]?end|onwards)(?![\p{L}])/giu;
const OFFSET = /\(?(?:UTC|GMT)\s?(?<sign>[+\-−–])\s?(?<oh>\d{1,2})(?::?(?<om>\d{2}))?\)?/gu;
const ABBR = /(?<![\p{L}])\(?(?<abbr>[A-Z]{2,5})\)?(?![\p{L}])/gu;
/** What may stand between two parts of one phrase. */
const JOIN = /^[\s,•·|@:;(*_~\-–—−]*(?:(?:from|at|on|um|ab|de|le|,)\s{0,3})?[\s,•·|@:;(*_~\-–—−]*$/iu;
const RANGE = /^[\s*_]*(?:-|–|—|−|~|to|until|till|through|bis|à|au)[\s*_]*$/iu;

function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
}

function tokens(input: string, compact: boolean): { text: string; list: Token[] } {
  const cleaned = input.replace(UTC_ALTERNATIVE, (m) => ' '.repeat(m.length));
  let text = cleaned;
  const out: Token[] = [];
  for (const d of findDates(text, MAX_PHRASES)) {
    out.push({ kind: 'date', from: d.start, to: d.end, date: d.date, rangeEnd: d.rangeEndDay });
    text = blank(text, d.start, d.end);
  }
  for (const w of findWeekdayDays(text, MAX_PHRASES)) {
    out.push({ kind: 'weekday', from: w.start, to: w.end, weekday: w.weekday, day: w.day });
    text = blank(text, w.start, w.end);
  }
  for (const m of text.matchAll(WEEKDAY_ONLY)) {
    const word = m.groups?.['wd'];
    const weekday = weekdayNumber(word);
    // "Sun" and "Sat" alone are names too often; the full words or a dot are needed.
    if (!isCapitalised(word) || weekday === null || (word !== undefined && word.length <= 3 && !m[0].endsWith('.'))) continue;
    out.push({ kind: 'weekday', from: m.index, to: m.index + m[0].length, weekday, day: null });
    text = blank(text, m.index, m.index + m[0].length);
    if (out.length > MAX_PHRASES * 2) break;
  }
  for (const m of /UTC|GMT/.test(text) ? text.matchAll(OFFSET) : []) {
    const g = m.groups ?? {};
    const hours = Number(g['oh']);
    const mins = g['om'] ? Number(g['om']) : 0;
    if (hours > 14 || mins > 59) continue;
    out.push({ kind: 'offset', from: m.index, to: m.index + m[0].length, minutes: (g['sign'] === '+' ? 1 : -1) * (hours * 60 + mins) });
    text = blank(text, m.index, m.index + m[0].length);
  }
  for (const t of findTimes(text, { compact, limit: MAX_PHRASES * 2 })) {
    out.push({ kind: 'time', from: t.start, to: t.end, time: t });
    text = blank(text, t.start, t.end);
  }
  for (const m of text.matchAll(OPEN_END)) out.push({ kind: 'open', from: m.index, to: m.index + m[0].length });
  for (const m of text.matchAll(ABBR)) {
    const abbr = m.groups?.['abbr'] ?? '';
    if (Object.prototype.hasOwnProperty.call(ABBREVIATIONS, abbr)) out.push({ kind: 'abbr', from: m.index, to: m.index + m[0].length, abbr });
  }
  return { text: cleaned, list: out.sort((a, b) => a.from - b.from) };
}

interface Draft {
  from: number;
  to: number;
  date: PartialDate | null;
  rangeEnd: number | null;
  endDate: PartialDate | null;
  weekday: number | null;
  day: number | null;
  first: TimeToken | null;
  second: TimeToken | null;
  openEnd: boolean;
  abbr: string | null;
  offset: number | null;
}

function fresh(t: Token): Draft {
  return { from: t.from, to: t.to, date: null, rangeEnd: null, endDate: null, weekday: null, day: null, first: null, second: null, openEnd: false, abbr: null, offset: null };
}

/** Add a token to a phrase; false when it starts a new one. */
function absorb(p: Draft, t: Token, gap: string): boolean {
  const joins = gap.length <= 16 && JOIN.test(gap);
  switch (t.kind) {
    case 'date':
      if (p.date === null && p.weekday === null && p.first === null) {
        if (!joins) return false;
        p.date = t.date;
        p.rangeEnd = t.rangeEnd;
      } else if (p.endDate === null && p.first !== null && p.second === null && RANGE.test(gap)) {
        p.endDate = t.date; // "11:00pm - Friday November 15 1:00am"
      } else return false;
      break;
    case 'weekday':
      if (p.date !== null || p.weekday !== null || !joins) return false;
      if (p.first !== null && gap.trim() !== '' && !/^[\s,(]*(?:on\s)?$/i.test(gap)) return false;
      p.weekday = t.weekday;
      p.day = t.day;
      break;
    case 'time':
      if (p.first === null && joins) p.first = t.time;
      else if (p.first !== null && p.second === null && !p.openEnd && (RANGE.test(gap) || (p.endDate !== null && joins))) p.second = t.time;
      else return false;
      break;
    case 'open':
      if (p.first === null || p.second !== null || gap.length > 2 || gap.trim() !== '') return false;
      p.openEnd = true;
      break;
    case 'abbr':
      if (p.first === null || p.abbr !== null || gap.trim().replace(/[(*_]/g, '') !== '') return false;
      p.abbr = t.abbr;
      break;
    case 'offset':
      if (p.offset !== null || gap.length > 4) return false;
      p.offset = t.minutes;
      break;
  }
  p.to = t.to;
  return true;
}

/** The phrase, stretched over a UTC alternative that was blanked right after it. */
function finish(p: Draft, cleaned: string, original: string): WhenPhrase {
  while (p.to < cleaned.length && cleaned.charAt(p.to) === ' ' && original.charAt(p.to) !== ' ') p.to++;
  const range = p.first ? clockRange(p.first, p.second) : null;
  let endDate = p.endDate;
  if (endDate === null && p.date !== null && p.rangeEnd !== null && range === null) endDate = { ...p.date, day: p.rangeEnd, weekday: null };
  return {
    from: p.from,
    to: p.to,
    date: p.date,
    endDate,
    weekday: p.date ? null : p.weekday,
    dayOfMonth: p.date ? null : p.day,
    start: range?.start ?? null,
    end: range?.end ?? null,
    openEnd: p.openEnd,
    clock12: range?.clock12 ?? false,
    written24: [p.first, p.second].some((t) => t !== null && t.mer === null && t.twentyFour && t.hour !== 0),
    zoneAbbr: p.abbr,
    utcOffsetMinutes: p.offset
  };
}

export interface WhenOptions {
  /** Read "0845" and "0845-0900" as clocks (a table cell that holds only a time). */
  compact?: boolean;
}

/**
 * Every date/time phrase in a text, in order. A phrase has a date, a weekday or a time; zone
 * words and UTC offsets count only next to a time. Text beyond MAX_TEXT characters is not read.
 */
export function findWhen(input: string, opts: WhenOptions = {}): WhenPhrase[] {
  const head = input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input;
  if (!/\d|day|mon|tue|wed|thu|fri|sat|sun|noon|midnight/i.test(head)) return [];
  const { text, list } = tokens(head, opts.compact === true);
  const out: WhenPhrase[] = [];
  let current: Draft | null = null;
  for (const t of list) {
    if (current !== null && t.from >= current.to && absorb(current, t, text.slice(current.to, t.from))) continue;
    if (t.kind === 'abbr' || t.kind === 'offset' || t.kind === 'open') continue;
    if (current !== null) out.push(finish(current, text, head));
    if (out.length >= MAX_PHRASES) return out;
    current = fresh(t);
    absorb(current, t, '');
  }
  if (current !== null) out.push(finish(current, text, head));
  return out;
}

/** True when a phrase says when in the day (a clock time), not only which day. */
export function isTimed(p: WhenPhrase): boolean {
  return p.start !== null;
}
