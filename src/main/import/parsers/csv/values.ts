// Cell values of schedule spreadsheets: dates in ISO, numeric (day/month or month/day) and
// written forms; times in 24 h or am/pm; ISO date-times with offsets; speaker lists.
import type { Speaker } from '../../../../shared/domain.ts';
import { parseDurationMinutes, parseIsoParts } from '../frab/common.ts';

export type DateOrder = 'dmy' | 'mdy';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** What a date/time cell says; missing parts are null. */
export interface CellMoment {
  date: CalendarDate | null;
  /** Minutes after midnight. */
  minutes: number | null;
  /** Minutes east of UTC when the cell carries an offset. */
  offset: number | null;
}

/** Longest cell read as a date or time ("Wednesday, November 13, 2024 11:15 am +01:00" fits). */
const MAX_MOMENT = 80;

// Month names in English, German, French and Spanish, accents folded; a prefix of three letters
// or more names its month ("Nov", "Sept", "Dez", "févr", "dic") unless two months share it ("jui").
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'januar', 'janvier', 'enero', 'jaenner', 'janner'],
  ['february', 'februar', 'fevrier', 'febrero', 'feber'],
  ['march', 'marz', 'maerz', 'mars', 'marzo'],
  ['april', 'avril', 'abril'],
  ['may', 'mai', 'mayo'],
  ['june', 'juni', 'juin', 'junio'],
  ['july', 'juli', 'juillet', 'julio'],
  ['august', 'aout', 'agosto'],
  ['september', 'septembre', 'septiembre', 'setiembre'],
  ['october', 'oktober', 'octobre', 'octubre'],
  ['november', 'novembre', 'noviembre'],
  ['december', 'dezember', 'decembre', 'diciembre']
];

function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** "Nov", "November", "Sept", "März", "févr." → 11, 11, 9, 3, 2; null for other words. */
function monthNumber(word: string): number | null {
  const w = foldAccents(word).replace(/\.$/, '');
  if (w.length < 3) return null;
  let found: number | null = null;
  for (let i = 0; i < MONTH_NAMES.length; i++) {
    if ((MONTH_NAMES[i] ?? []).some((name) => name.startsWith(w))) {
      if (found !== null) return null; // "jui": juin or juillet
      found = i + 1;
    }
  }
  return found;
}

// A leading weekday is dropped: English names and three-letter forms, German names and "Mi.",
// French and Spanish names. Three-letter French forms are left alone ("mar" is also March).
const WEEKDAY =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)|(?:mo|di|mi|do|fr|sa|so)\.|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|(?:lunes|martes|miercoles|miércoles|jueves|viernes|sabado|sábado|domingo))\s*,?\s+/i;

// Weekday names (accents folded) → 0 (Sunday) … 6, for checking a date's year against its weekday.
const WEEKDAY_NAMES: readonly (readonly string[])[] = [
  ['sunday', 'sun', 'sonntag', 'so', 'dimanche', 'domingo'],
  ['monday', 'mon', 'montag', 'mo', 'lundi', 'lunes'],
  ['tuesday', 'tue', 'tues', 'dienstag', 'di', 'mardi', 'martes'],
  ['wednesday', 'wed', 'mittwoch', 'mi', 'mercredi', 'miercoles'],
  ['thursday', 'thu', 'thur', 'thurs', 'donnerstag', 'do', 'jeudi', 'jueves'],
  ['friday', 'fri', 'freitag', 'fr', 'vendredi', 'viernes'],
  ['saturday', 'sat', 'samstag', 'sonnabend', 'sa', 'samedi', 'sabado']
];

/** The weekday a date cell starts with ("Monday, March 14" → 1), or null. */
export function weekdayOf(raw: string): number | null {
  const m = WEEKDAY.exec(raw.trim().slice(0, MAX_MOMENT));
  if (!m) return null;
  const word = foldAccents(m[0]).replace(/[\s,.]+/g, '');
  const i = WEEKDAY_NAMES.findIndex((names) => names.includes(word));
  return i === -1 ? null : i;
}

/** A date cell without a year ("Monday, March 14", "14 mars"): its month and day, else null. */
export function yearlessDate(raw: string): { month: number; day: number } | null {
  if (/\b\d{4}\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/.test(raw)) return null;
  const date = parseDateText(raw, 'dmy', 2000); // a leap year, so 29 February is a date
  return date === null ? null : { month: date.month, day: date.day };
}

function validDate(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCDate() === day ? { year, month, day } : null;
}

function fullYear(text: string): number {
  const y = Number(text);
  return text.length <= 2 ? 2000 + y : y;
}

const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;

/** The two leading numbers of a numeric date ("13/11/2024" → [13, 11]), for deciding the order. */
export function numericDateParts(text: string): { a: number; b: number; separator: string } | null {
  if (text.length > 12) return null;
  const m = NUMERIC_DATE.exec(text.trim());
  return m ? { a: Number(m[1]), b: Number(m[3]), separator: m[2] ?? '/' } : null;
}

/** A date cell: "2024-11-13", "13/11/2024", "11/13/2024", "13.11.2024", "Nov 13, 2024", "Wednesday, 13 November 2024". */
export function parseDateText(raw: string, order: DateOrder, yearHint: number | null): CalendarDate | null {
  if (raw.length > MAX_MOMENT) return null;
  const text = raw.trim().replace(WEEKDAY, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC_DATE.exec(text);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[3]), fullYear(m[4] ?? '')];
    return order === 'dmy' || m[2] === '.' ? validDate(year, b, a) : validDate(year, a, b);
  }
  // "2020-Nov-09", "2020 Nov 9"
  m = /^(\d{4})[-/. ](\p{L}{3,10})\.?[-/. ](\d{1,2})$/u.exec(text);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return month === null ? null : validDate(Number(m[1]), month, Number(m[3]));
  }
  // "09-Nov-2020", "9-Nov-20"
  m = /^(\d{1,2})-(\p{L}{3,10})\.?-(\d{4}|\d{2})$/u.exec(text);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return month === null ? null : validDate(fullYear(m[3] ?? ''), month, Number(m[1]));
  }
  // "Nov 13, 2024", "November 13th 2024", "Nov 13"
  m = /^(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?$/iu.exec(text);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    const year = m[3] ? Number(m[3]) : yearHint;
    return month !== null && year !== null ? validDate(year, month, Number(m[2])) : null;
  }
  // "13 November 2024", "13. Nov 2024", "13 Nov", "13. März 2024", "13 de noviembre de 2024", "1er mars"
  m = /^(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(\p{L}{3,10})\.?,?(?:\s+(?:de\s+)?(\d{4}))?$/iu.exec(text);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    const year = m[3] ? Number(m[3]) : yearHint;
    return month !== null && year !== null ? validDate(year, month, Number(m[1])) : null;
  }
  return null;
}

// Hours and minutes, then an am/pm marker ("9:15 PM", "9:15 p.m.", "9 a. m.") or an hour word
// ("14 Uhr", "14h", "14:30 h").
const TIME = /^(\d{1,2})(?:[:.h](\d{2}))?(?::(\d{2}))?\s*(?:(a\.?\s?m\.?|p\.?\s?m\.?)|(uhr|h))?$/i;

/**
 * A time cell: "14:30", "9:15", "14:30:00", "9am", "9:15 PM", "9:15 p.m.", "12 am", "14h30",
 * "14 Uhr". With am/pm, 12 a.m. is midnight and 12 p.m. noon; "0:00 a.m." is midnight too (it
 * cannot mean anything else), while "0:30 p.m." is refused as unreadable.
 */
export function parseTimeText(raw: string): number | null {
  if (raw.length > MAX_MOMENT) return null;
  const m = TIME.exec(raw.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const meridiem = m[4]?.toLowerCase().replace(/[.\s]/g, '');
  if (meridiem === undefined && m[2] === undefined && m[5] === undefined) return null; // a bare number is not a time
  if (minute > 59) return null;
  if (meridiem !== undefined) {
    if (hour > 12 || (hour === 0 && meridiem === 'pm')) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hour > 24 || (hour === 24 && minute > 0)) return null;
  return hour * 60 + minute;
}

const OFFSET_SUFFIX = /\s*(Z|UTC|GMT|(?:UTC|GMT)?\s?[+-]\d{1,2}(?::?\d{2})?)$/i;

function offsetMinutes(token: string): number | null {
  const t = token.replace(/^(UTC|GMT)\s?/i, '');
  if (t === '' || /^z$/i.test(t)) return 0;
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (!m) return null;
  const hours = Number(m[2]);
  const mins = Number(m[3] ?? 0);
  if (hours > 14 || mins > 59) return null; // not a real UTC offset
  const minutes = hours * 60 + mins;
  return m[1] === '-' ? -minutes : minutes;
}

/** A cell that may hold a date, a time, both, and an offset ("2024-11-13T10:00:00-07:00", "13/11/2024 9:00 am"). */
export function parseMoment(raw: string, order: DateOrder, yearHint: number | null): CellMoment | null {
  const text = raw.trim();
  // No date or time is longer; the cap also keeps the patterns below linear on junk cells.
  if (text === '' || text.length > MAX_MOMENT) return null;
  const iso = parseIsoParts(text);
  if (iso) {
    return {
      date: { year: iso.year, month: iso.month, day: iso.day },
      minutes: iso.hasTime ? iso.hour * 60 + iso.minute : null,
      offset: iso.offset
    };
  }
  let rest = text;
  let offset: number | null = null;
  const suffix = OFFSET_SUFFIX.exec(rest);
  if (suffix && /\d/.test(rest.slice(0, suffix.index))) {
    offset = offsetMinutes(suffix[1] ?? '');
    if (offset !== null) rest = rest.slice(0, suffix.index);
  }
  const time = parseTimeText(rest);
  if (time !== null) return { date: null, minutes: time, offset };
  const date = parseDateText(rest, order, yearHint);
  if (date !== null) return { date, minutes: null, offset };
  // Date then time: split before the trailing time ("Nov 13, 2024 9:15 am", "13.11.2024 14:00").
  const split = /^(.*?)[\sT,@]+(\d{1,2}(?:[:.h]\d{2})?(?::\d{2})?\s*(?:[ap]\.?\s?m\.?|uhr|h)?)$/i.exec(rest);
  if (split) {
    const d = parseDateText(split[1] ?? '', order, yearHint);
    const t = parseTimeText(split[2] ?? '');
    if (d !== null && t !== null) return { date: d, minutes: t, offset };
  }
  return null;
}

/**
 * A spreadsheet time stored as a fraction of a day ("0.7291666666666667" → 17:30), as exports of
 * time-formatted cells write it; rounded to the minute. Null for anything else.
 */
export function parseDayFraction(raw: string): number | null {
  const m = /^0?[.,](\d{1,20})$/.exec(raw.trim());
  if (!m) return null;
  return Math.round(Number(`0.${m[1]}`) * 24 * 60);
}

/** "10:00 - 11:30", "9:15 am – 9:40 am", "13-11-2024 10:00-11:00": a range in one cell. */
export function splitRange(raw: string): [string, string] | null {
  const text = raw.trim();
  if (text.length > 2 * MAX_MOMENT) return null;
  if (parseIsoParts(text) !== null || /^\d{1,2}-\d{1,2}-\d{2,4}$/.test(text)) return null; // an ISO or dashed date
  // Spaced or worded separators first; a bare "-" only right before a trailing time.
  const m =
    /^(.+?)\s*(?:–|—|\s-\s|\bto\b|\buntil\b|\bbis\b)\s*(.+)$/i.exec(text) ??
    /^(.+(?:\d|[ap]\.?\s?m\.?|uhr|h))\s*-\s*(\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?\s?m\.?|uhr|h)?)$/i.exec(text);
  if (!m || !/\d/.test(m[1] ?? '') || !/\d/.test(m[2] ?? '')) return null;
  return [m[1] ?? '', m[2] ?? ''];
}

const ORGANISATION = /\b(inc|corp|corporation|ltd|llc|gmbh|ag|bv|labs?|university|institute|foundation)\b\.?/i;

/** One speaker from "Jane Doe (Acme)". */
function speakerFrom(text: string): Speaker | null {
  const m = /^(.*?)\s*\(([^()]{1,120})\)\s*$/.exec(text);
  const name = (m ? m[1] : text)?.replace(/\s+/g, ' ').trim() ?? '';
  if (name === '') return null;
  return { name, affiliation: m?.[2]?.trim() || null, role: null, bio: null };
}

/**
 * Speaker list: split on ";", "|", line breaks, " & " and " and " (" et ", " und "); commas split too when they
 * separate names ("Ann Lee, Bob Ray") but not "Doe, Jane" or "Jane Doe, Acme Inc".
 */
export function parseSpeakers(raw: string): Speaker[] {
  // A speaker cell longer than this is not a list of names; the cap keeps the splitting linear.
  const parts = raw
    .slice(0, 2000)
    .split(/\s*(?:;|\||\n|\s&\s|\s(?:and|et|und)\s)\s*/i)
    .flatMap((part) => {
      const pieces = part.split(/\s*,\s*/);
      if (pieces.length < 2) return [part];
      if (pieces.length === 2) {
        const [first = '', second = ''] = pieces;
        if (ORGANISATION.test(second)) return [`${first} (${second})`];
        if (!/\s/.test(first) && !/\s/.test(second)) return [`${second} ${first}`]; // "Doe, Jane"
      }
      return pieces;
    });
  const seen = new Set<string>();
  const speakers: Speaker[] = [];
  for (const part of parts) {
    const s = speakerFrom(part);
    if (s && !seen.has(s.name)) {
      seen.add(s.name);
      speakers.push(s);
    }
  }
  return speakers;
}

/** A duration cell in minutes: "45", "90 min", "1.5 h", "1h30", "1:30", "PT1H". */
export function parseDurationText(raw: string): number | null {
  const text = raw.trim().toLowerCase();
  let m = /^(\d{1,4}(?:\.\d+)?)\s*(?:m|min|mins|minutes?)?$/.exec(text);
  if (m) return Math.round(Number(m[1]));
  m = /^(\d{1,3}(?:\.\d+)?)\s*(?:h|hr|hrs|hours?)$/.exec(text);
  if (m) return Math.round(Number(m[1]) * 60);
  m = /^(\d{1,3})\s*h\s*(\d{1,2})\s*(?:m|min|mins|minutes?)?$/.exec(text);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  return parseDurationMinutes(raw);
}
