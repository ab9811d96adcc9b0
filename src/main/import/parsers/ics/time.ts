// Date and time values as iCalendar writes them, kept as wall-clock fields plus what they are
// relative to (UTC, a TZID, or nothing = floating). Converting to instants happens later, once
// the conference's zone is known, in ics/zones.ts.

export interface Wall {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export interface IcsTime extends Wall {
  /** A DATE value (all-day), not a DATE-TIME. */
  date: boolean;
  /** Ends in Z. */
  utc: boolean;
  /** The TZID parameter as written (quotes stripped), or null. */
  tzid: string | null;
}

/** Years an event may have: wider than any conference, narrow enough that zone math stays sane. */
export const MIN_EVENT_YEAR = 1900;
export const MAX_EVENT_YEAR = 2200;

const EXTENDED = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d))?(Z)?)?$/;
const BASIC = /^(\d{4})(\d\d)(\d\d)(?:T(\d\d)(\d\d)(\d\d)?(Z)?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Read a date or date-time as ical.js hands it over ("2024-03-09T12:00:00Z", "2024-03-09"), or
 * in the basic form when ical.js left it raw ("20240309T120000Z"). Null when it is not a real
 * calendar date and time.
 */
export function parseIcsTime(value: unknown, tzid: string | null): IcsTime | null {
  if (typeof value !== 'string') return null;
  const fast = value.length === 8 || value.length === 15 || value.length === 16 ? parseBasic(value, tzid) : parseExtended(value, tzid);
  if (fast !== undefined) return fast;
  const text = value.trim();
  const match = EXTENDED.exec(text) ?? BASIC.exec(text);
  if (!match) return null;
  const date = match[4] === undefined;
  // A leap second (":60") is read as the last second of the minute.
  const second = date || match[6] === undefined ? 0 : Math.min(59, Number(match[6]));
  return checked(Number(match[1]), Number(match[2]), Number(match[3]), date ? 0 : Number(match[4]), date ? 0 : Number(match[5]), second, date, match[7] !== undefined, tzid);
}

function checked(
  year: number, month: number, day: number, hour: number, minute: number, second: number,
  date: boolean, utc: boolean, tzid: string | null
): IcsTime | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second, date, utc, tzid: utc || date ? null : tzid };
}

function digitsAt(v: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** "20240309", "20240309T120000", "20240309T120000Z" as written in the file, digit by digit. */
function parseBasic(v: string, tzid: string | null): IcsTime | null | undefined {
  const year = digitsAt(v, 0, 4);
  const month = digitsAt(v, 4, 2);
  const day = digitsAt(v, 6, 2);
  if (Number.isNaN(year + month + day)) return undefined;
  if (v.length === 8) return checked(year, month, day, 0, 0, 0, true, false, tzid);
  if (v.charCodeAt(8) !== 84) return undefined; // 'T'
  const utc = v.length === 16;
  if (utc && v.charCodeAt(15) !== 90) return undefined; // 'Z'
  const hour = digitsAt(v, 9, 2);
  const minute = digitsAt(v, 11, 2);
  const second = digitsAt(v, 13, 2);
  if (Number.isNaN(hour + minute + second)) return undefined;
  return checked(year, month, day, hour, minute, Math.min(second, 59), false, utc, tzid);
}

/**
 * The exact shapes ical.js produces ("2024-03-09", "2024-03-09T12:00:00", "…Z") read digit by
 * digit: ten thousand events have some thirty thousand of these, and a regex each is measurable.
 * Undefined means "not this shape, try the general reader".
 */
function parseExtended(v: string, tzid: string | null): IcsTime | null | undefined {
  const length = v.length;
  if (length !== 10 && length !== 19 && length !== 20) return undefined;
  const digit = (i: number): number => {
    const c = v.charCodeAt(i) - 48;
    return c >= 0 && c <= 9 ? c : NaN;
  };
  const two = (i: number): number => digit(i) * 10 + digit(i + 1);
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return undefined; // '-'
  const year = two(0) * 100 + two(2);
  const month = two(5);
  const day = two(8);
  if (length === 10) return Number.isNaN(year + month + day) ? undefined : checked(year, month, day, 0, 0, 0, true, false, tzid);
  if (v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58) return undefined; // 'T' ':' ':'
  const utc = length === 20;
  if (utc && v.charCodeAt(19) !== 90) return undefined; // 'Z'
  const hour = two(11);
  const minute = two(14);
  const second = two(17);
  if (Number.isNaN(year + month + day + hour + minute + second)) return undefined;
  return checked(year, month, day, hour, minute, Math.min(second, 59), false, utc, tzid);
}

/** Wall fields as if they were UTC, in epoch ms: the arithmetic base for zone offsets. */
export function wallAsUtc(w: Wall): number {
  const ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Date.UTC maps years 0-99 to 1900-1999; iCalendar never means that.
  return w.year < 100 ? new Date(ms).setUTCFullYear(w.year) : ms;
}

/** The wall fields of an epoch-ms value read as UTC. */
export function utcFields(ms: number): Wall {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds()
  };
}

/** One number per wall time, for cache keys and equality. */
export function wallKey(w: Wall): number {
  return ((((w.year * 13 + w.month) * 32 + w.day) * 24 + w.hour) * 60 + w.minute) * 60 + w.second;
}

/** "20150706T190000Z": the compact UTC form used in occurrence keys. */
export function compactUtc(ms: number): string {
  const w = utcFields(ms);
  const p = (n: number): string => (n < 10 ? '0' + n : String(n));
  return `${w.year}${p(w.month)}${p(w.day)}T${p(w.hour)}${p(w.minute)}${p(w.second)}Z`;
}

/** "2015-07-06 12:00" for messages. */
export function describeWall(t: Wall & { date?: boolean }): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  const day = `${t.year}-${p(t.month)}-${p(t.day)}`;
  return t.date ? day : `${day} ${p(t.hour)}:${p(t.minute)}`;
}

/** Add whole calendar days to a wall date (time of day unchanged). */
export function addDays(w: Wall, days: number): Wall {
  const moved = utcFields(wallAsUtc({ ...w, hour: 12, minute: 0, second: 0 }) + days * 86_400_000);
  return { ...moved, hour: w.hour, minute: w.minute, second: w.second };
}

