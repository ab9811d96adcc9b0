// The date and clock tokens people write, found anywhere in a short text: the one place that
// knows how schedules spell a day or a time. date-lines.ts reads whole lines with them and
// date-phrases.ts finds them inside longer text (link text, prose, table cells).
//
//   "Wednesday November 13, 2024" "Monday, 30th May, 2019" "Mar 18" "2024-02-03" "13.11.2024"
//   "11:15am" "9:15 am" "8:45 a.m." "16h00" "noon" "10:00Matin" "02:00Après-midi" "0845" (cells)
//
// Policy: every pattern is bounded and free of nested quantifiers so hostile input stays linear.
import type { PartialDate } from './calendar.ts';

const WD =
  '(?<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|thrusday|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';
const MON =
  '(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WD_PREFIX = `(?:${WD}\\.?,?\\s{1,3})?`;
const ORD = '(?:st|nd|rd|th)?';

const MONTH_FIRST = new RegExp(
  `(?<![\\p{L}\\p{N}])${WD_PREFIX}${MON}\\.?(?![\\p{L}])\\s{1,3}(?<d>\\d{1,2})${ORD}(?![\\p{N}]|[:.]\\d)` +
    `(?:\\s?[-–—]\\s?(?<d2>\\d{1,2})${ORD}(?![\\p{N}:.]))?(?:,?\\s{1,3}(?<y>\\d{4}))?(?![\\p{N}]|:\\d)`,
  'giu'
);
const DAY_FIRST = new RegExp(
  `(?<![\\p{L}\\p{N}:.])${WD_PREFIX}(?<d>\\d{1,2})${ORD}\\.?(?:\\s?[-–—]\\s?(?<d2>\\d{1,2})${ORD}\\.?)?` +
    `\\s{1,3}(?:of\\s{1,3})?${MON}\\.?(?![\\p{L}])(?:,?\\s{1,3}(?<y>\\d{4}))?(?![\\p{N}]|:\\d)`,
  'giu'
);
const ISO_DATE = new RegExp(`(?<![\\p{N}\\-])${WD_PREFIX}(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?![\\p{N}])`, 'giu');
const DOTTED_DATE = /(?<![\p{N}.])(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})(?![\p{N}])/gu;
const SLASH_DATE = /(?<![\p{N}/])(?<a>\d{1,4})\/(?<b>\d{1,2})\/(?<c>\d{1,4})(?![\p{N}/])/gu;
/** "Wed 18": a weekday and a day of the month, the month left to the context. */
const WEEKDAY_DAY = new RegExp(`(?<![\\p{L}])${WD}\\.?,?\\s{1,2}(?<d>\\d{1,2})${ORD}(?![\\p{N}]|[:.]\\d|\\s{1,3}\\p{L})`, 'giu');
export const WEEKDAY_ONLY = new RegExp(`(?<![\\p{L}])${WD}\\.?(?![\\p{L}])`, 'giu');
const TIME =
  /(?<![\p{L}\p{N}:.,/])(?<h>\d{1,2})(?:(?<sep>[:.h])(?<min>\d{2}))?(?:\s?(?<mer>[ap])\.?\s?m\.?(?![\p{L}])|(?<fr>matin|apr[eè]s-midi|soir)(?![\p{L}]))?(?![\p{N}])|(?<![\p{L}])(?<word>noon|midnight)(?![\p{L}])/giu;
/** "0845" and "0845-0900": only where a cell holds nothing but a clock. */
const COMPACT_TIME = /(?<![\p{L}\p{N}:.,/])(?<h>[01]\d|2[0-3])(?<min>[0-5]\d)(?![\p{N}])/gu;

const MONTH_HINT = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12
};
const WEEKDAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, thr: 4, fri: 5, sat: 6, sun: 7 };

export interface DateToken {
  start: number;
  end: number;
  date: PartialDate;
  rangeEndDay: number | null;
}

/** "Wed 18": weekday and day of month, no month. */
export interface WeekdayDayToken {
  start: number;
  end: number;
  weekday: number;
  day: number;
}

export type Meridiem = 'am' | 'pm';

export interface TimeToken {
  start: number;
  end: number;
  hour: number;
  minute: number;
  mer: Meridiem | null;
  /** "09:00" or "16:00": clearly a 24-hour clock. */
  twentyFour: boolean;
}

export function isCapitalised(word: string | undefined): boolean {
  if (word === undefined || word.length === 0) return true;
  const first = word.charAt(0);
  return first === first.toUpperCase() && first !== first.toLowerCase();
}

function monthNumber(word: string): number {
  return MONTHS[word.slice(0, 3).toLowerCase()] ?? 0;
}

export function weekdayNumber(word: string | undefined): number | null {
  if (word === undefined) return null;
  return WEEKDAYS[word.slice(0, 3).toLowerCase()] ?? null;
}

export function findDates(text: string, limit = 3): DateToken[] {
  const found: DateToken[] = [];
  const push = (m: RegExpExecArray, year: number | null, month: number, day: number, d2: string | undefined): void => {
    const g = m.groups ?? {};
    if (!isCapitalised(g['mon']) || !isCapitalised(g['wd'])) return;
    if (month < 1 || month > 12 || day < 1 || day > 31) return;
    const rangeEndDay = d2 === undefined ? null : Number(d2);
    if (rangeEndDay !== null && (rangeEndDay <= day || rangeEndDay > 31)) return;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      date: { year, month, day, weekday: weekdayNumber(g['wd']) },
      rangeEndDay
    });
  };
  // Cheap tests first: most short lines in a schedule (names, roles, rooms) have no date at all.
  if (MONTH_HINT.test(text)) {
    for (const re of [MONTH_FIRST, DAY_FIRST]) {
      for (const m of text.matchAll(re)) {
        const g = m.groups ?? {};
        push(m, g['y'] ? Number(g['y']) : null, monthNumber(g['mon'] ?? ''), Number(g['d']), g['d2']);
      }
    }
  }
  if (/\d{4}-\d/.test(text)) {
    for (const m of text.matchAll(ISO_DATE)) {
      const g = m.groups ?? {};
      push(m, Number(g['y']), Number(g['m']), Number(g['d']), undefined);
    }
  }
  if (/\d\.\d/.test(text)) {
    for (const m of text.matchAll(DOTTED_DATE)) {
      const g = m.groups ?? {};
      push(m, Number(g['y']), Number(g['m']), Number(g['d']), undefined);
    }
  }
  if (!text.includes('/')) return sortDates(found, limit);
  for (const m of text.matchAll(SLASH_DATE)) {
    const g = m.groups ?? {};
    const a = Number(g['a']);
    const b = Number(g['b']);
    const c = g['c'] ?? '';
    if (g['a']?.length === 4 && c.length <= 2) {
      push(m, a, b, Number(c), undefined);
    } else if (c.length === 4 && (g['a'] ?? '').length <= 2) {
      // 13/11/2024 can only be day-first; otherwise read it the US way (month first).
      if (a > 12) push(m, Number(c), b, a, undefined);
      else push(m, Number(c), a, b, undefined);
    }
  }
  return sortDates(found, limit);
}

/** Earliest first; of two starting together the longer wins; overlaps dropped; at most `limit`. */
function sortDates(found: DateToken[], limit: number): DateToken[] {
  if (found.length < 2) return found;
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: DateToken[] = [];
  for (const t of found) {
    const last = kept[kept.length - 1];
    if (last && t.start < last.end) continue;
    kept.push(t);
    if (kept.length === limit) break;
  }
  return kept;
}

/** "Wed 18" tokens (the caller has already taken out full dates). */
export function findWeekdayDays(text: string, limit = 3): WeekdayDayToken[] {
  const out: WeekdayDayToken[] = [];
  for (const m of text.matchAll(WEEKDAY_DAY)) {
    const g = m.groups ?? {};
    const weekday = weekdayNumber(g['wd']);
    const day = Number(g['d']);
    if (!isCapitalised(g['wd']) || weekday === null || day < 1 || day > 31) continue;
    out.push({ start: m.index, end: m.index + m[0].length, weekday, day });
    if (out.length === limit) break;
  }
  return out;
}

export interface TimeOptions {
  /** Read "0845" as 08:45: for table cells that hold only a clock. */
  compact?: boolean;
  /** At most this many (default 4). */
  limit?: number;
}

export function findTimes(text: string, opts: TimeOptions = {}): TimeToken[] {
  const limit = opts.limit ?? 4;
  const out: TimeToken[] = [];
  for (const m of text.matchAll(TIME)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (g['word']) {
      out.push({ start, end, hour: g['word'].toLowerCase() === 'noon' ? 12 : 0, minute: 0, mer: null, twentyFour: true });
    } else {
      const hour = Number(g['h']);
      const hasMinutes = g['min'] !== undefined;
      const fr = g['fr']?.toLowerCase();
      const mer: Meridiem | null = g['mer']
        ? g['mer'].toLowerCase() === 'a'
          ? 'am'
          : 'pm'
        : fr === undefined
          ? null
          : fr === 'matin'
            ? 'am'
            : 'pm';
      if (!hasMinutes && mer === null) continue;
      // "16h" alone or "9.5" are not clock times; "9.15 am" and "16h00" are.
      if (g['sep'] === '.' && mer === null && !/^\d{2}$/.test(g['h'] ?? '')) continue;
      const minute = hasMinutes ? Number(g['min']) : 0;
      if (minute > 59) continue;
      if (mer !== null ? hour > 12 || (hour < 1 && fr === undefined) : hour > 24) continue;
      out.push({
        start,
        end,
        hour: hour === 24 ? 0 : hour,
        minute,
        mer: mer !== null && hour === 0 ? null : mer,
        twentyFour: mer === null && (hour > 12 || hour === 0 || (g['h'] ?? '').startsWith('0'))
      });
    }
    if (out.length === limit) break;
  }
  if (opts.compact && out.length === 0) {
    for (const m of text.matchAll(COMPACT_TIME)) {
      const g = m.groups ?? {};
      out.push({ start: m.index, end: m.index + m[0].length, hour: Number(g['h']), minute: Number(g['min']), mer: null, twentyFour: true });
      if (out.length === limit) break;
    }
  }
  return out;
}

export interface ClockTime {
  hour: number; // 0-23
  minute: number;
}

export interface ClockRange {
  start: ClockTime;
  end: ClockTime | null;
  /** Early hours without am/pm read on a 24-hour clock ("2:00 - 3:30"). */
  noMeridiem: boolean;
  /** Written 1-12 without am/pm and without a 24-hour look: morning or afternoon is open. */
  clock12: boolean;
}

function open12(t: TimeToken): boolean {
  return t.mer === null && !t.twentyFour && t.hour >= 1 && t.hour <= 12;
}

export function to24(hour: number, mer: 'am' | 'pm'): number {
  if (mer === 'am') return hour === 12 ? 0 : hour;
  return hour === 12 ? 12 : hour + 12;
}

function minutesOf(t: ClockTime): number {
  return t.hour * 60 + t.minute;
}

/**
 * Clock times of a range with am/pm possibly written only once ("4:30 - 6:00 pm",
 * "11:30am - 12:15"). The missing meridiem is the one that keeps the range short and forward.
 */
export function clockRange(a: TimeToken, b: TimeToken | null): ClockRange {
  if (b === null) {
    return { start: { hour: a.mer ? to24(a.hour, a.mer) : a.hour, minute: a.minute }, end: null, noMeridiem: false, clock12: open12(a) };
  }
  if (a.mer && b.mer) {
    return {
      start: { hour: to24(a.hour, a.mer), minute: a.minute },
      end: { hour: to24(b.hour, b.mer), minute: b.minute },
      noMeridiem: false,
      clock12: false
    };
  }
  if (b.mer && !a.mer && a.hour >= 1 && a.hour <= 12) {
    const end = { hour: to24(b.hour, b.mer), minute: b.minute };
    const same = { hour: to24(a.hour, b.mer), minute: a.minute };
    const other = { hour: to24(a.hour, b.mer === 'am' ? 'pm' : 'am'), minute: a.minute };
    return { start: minutesOf(same) <= minutesOf(end) ? same : other, end, noMeridiem: false, clock12: false };
  }
  if (a.mer && !b.mer && b.hour >= 1 && b.hour <= 12) {
    const start = { hour: to24(a.hour, a.mer), minute: a.minute };
    const same = { hour: to24(b.hour, a.mer), minute: b.minute };
    const other = { hour: to24(b.hour, a.mer === 'am' ? 'pm' : 'am'), minute: b.minute };
    return { start, end: minutesOf(same) >= minutesOf(start) ? same : other, noMeridiem: false, clock12: false };
  }
  const start = { hour: a.mer ? to24(a.hour, a.mer) : a.hour, minute: a.minute };
  const end = { hour: b.mer ? to24(b.hour, b.mer) : b.hour, minute: b.minute };
  // "2:00 - 3:30" is probably afternoon; "10:00 - 10:30" reads fine on either clock.
  const early = start.hour >= 1 && start.hour <= 7;
  return {
    start,
    end,
    noMeridiem: early && !a.twentyFour && !b.twentyFour && a.mer === null && b.mer === null,
    clock12: open12(a) && open12(b)
  };
}
