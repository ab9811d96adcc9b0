// Date and time-range lines as people write them in pasted schedules and blog posts:
//   "Wednesday November 13, 2024 11:15am - 11:50am MST"   (Sched)
//   "**Monday, November 6, 2023 • 9:15 am - 9:40 am**"     (blog, bold)
//   "Wednesday, November 8 • 5:25 pm - 6:00 pm"            (no year)
//   "2:00 pm - 2:35 pm CST", "16:00 – 17:15", "Saturday 3 February", "2024-02-03"
//
// Policy: a line is looked at only when it is short (date lines are); every pattern is bounded
// and free of nested quantifiers so that hostile input stays linear. The parser reports what it
// found and what text is left over; callers decide whether the leftover is a title or noise.
import { isRealDate, type FullDate, type PartialDate } from './text-calendar.ts';
import { ABBREVIATIONS } from './text-zone-names.ts';

export {
  addDays,
  completeDate,
  formatDate,
  isRealDate,
  nextWeekday,
  weekdayOf,
  type CompletedDate,
  type FullDate,
  type PartialDate,
  type YearSource
} from './text-calendar.ts';

/** Longer lines are prose, never a date line (also keeps the work per line bounded). */
export const MAX_DATE_LINE_LENGTH = 300;

export interface ClockTime {
  hour: number; // 0-23
  minute: number;
}

export interface DateLine {
  date: PartialDate | null;
  /** Second date of a range ("… - Thursday November 14, 2024 1:00pm", "November 12-15"). */
  endDate: PartialDate | null;
  /** A weekday named without a date ("Monday"). */
  weekdayOnly: number | null;
  start: ClockTime | null;
  end: ClockTime | null;
  /** Zone abbreviation written on the line ("MST"), upper case. */
  zoneAbbr: string | null;
  /** "UTC-7", "(UTC -7)", "GMT+01:00" on the line, in minutes east of UTC. */
  utcOffsetMinutes: number | null;
  /** Neither time had am/pm and the hours could be either (read as 24-hour). */
  noMeridiem: boolean;
  /** The text left once dates, times and zones are taken out, trimmed of separators. */
  rest: string;
  /** True when nothing but separators and filler words ("at", "from", "when:") is left. */
  pure: boolean;
}

const WD = '(?<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';
const MON =
  '(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WD_PREFIX = `(?:${WD}\\.?,?\\s{1,3})?`;
const ORD = '(?:st|nd|rd|th)?';

const MONTH_FIRST = new RegExp(
  `(?<![\\p{L}\\p{N}])${WD_PREFIX}${MON}\\.?(?![\\p{L}])\\s{1,3}(?<d>\\d{1,2})${ORD}(?![\\p{N}]|[:.]\\d)` +
    `(?:\\s?[-–—]\\s?(?<d2>\\d{1,2})${ORD}(?![\\p{N}:.]))?(?:,?\\s{1,3}(?<y>\\d{4}))?(?![\\p{N}:])`,
  'giu'
);
const DAY_FIRST = new RegExp(
  `(?<![\\p{L}\\p{N}:.])${WD_PREFIX}(?<d>\\d{1,2})${ORD}\\.?(?:\\s?[-–—]\\s?(?<d2>\\d{1,2})${ORD}\\.?)?` +
    `\\s{1,3}(?:of\\s{1,3})?${MON}\\.?(?![\\p{L}])(?:,?\\s{1,3}(?<y>\\d{4}))?(?![\\p{N}:])`,
  'giu'
);
const ISO_DATE = new RegExp(`(?<![\\p{N}\\-])${WD_PREFIX}(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?![\\p{N}])`, 'giu');
const DOTTED_DATE = /(?<![\p{N}.])(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})(?![\p{N}])/gu;
const SLASH_DATE = /(?<![\p{N}/])(?<a>\d{1,4})\/(?<b>\d{1,2})\/(?<c>\d{1,4})(?![\p{N}/])/gu;
const WEEKDAY_ONLY = new RegExp(`(?<![\\p{L}])${WD}\\.?(?![\\p{L}])`, 'giu');
const TIME =
  /(?<![\p{L}\p{N}:.,/])(?<h>\d{1,2})(?:(?<sep>[:.h])(?<min>\d{2}))?(?:\s?(?<mer>[ap])\.?\s?m\.?(?![\p{L}]))?(?![\p{N}])|(?<![\p{L}])(?<word>noon|midnight)(?![\p{L}])/giu;
const OFFSET = /\(?\s?(?:UTC|GMT)\s?(?<sign>[+\-−–])\s?(?<oh>\d{1,2})(?::?(?<om>\d{2}))?\s?\)?/gu;
const ABBR = /(?<![\p{L}])(?<abbr>[A-Z]{2,5})(?![\p{L}])/gu;
const RANGE_WORD = /^(?:-|–|—|−|~|to|until|till|through|bis)$/i;
const FILLER = /(?<![\p{L}])(?:at|from|on|to|until|till|when|date|time|starts?|ends?)(?![\p{L}])/giu;
const SEPARATOR_CHARS = new Set([' ', '\t', '•', '·', '|', ',', ';', '@', ':', '-', '–', '—', '−', '~', '\u00a0']);
const SEPARATORS = /[\s•·|,;@()[\]{}*_~\-–—−:>#./]+/gu;

const MONTH_HINT = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12
};
const WEEKDAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

interface DateToken {
  start: number;
  end: number;
  date: PartialDate;
  rangeEndDay: number | null;
}
interface TimeToken {
  start: number;
  end: number;
  hour: number;
  minute: number;
  mer: 'am' | 'pm' | null;
  /** "09:00" or "16:00": clearly a 24-hour clock. */
  twentyFour: boolean;
}

function isCapitalised(word: string | undefined): boolean {
  if (word === undefined || word.length === 0) return true;
  const first = word.charAt(0);
  return first === first.toUpperCase() && first !== first.toLowerCase();
}

function monthNumber(word: string): number {
  return MONTHS[word.slice(0, 3).toLowerCase()] ?? 0;
}

function weekdayNumber(word: string | undefined): number | null {
  if (word === undefined) return null;
  return WEEKDAYS[word.slice(0, 3).toLowerCase()] ?? null;
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function findDates(text: string): DateToken[] {
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
  if (!text.includes('/')) return sortDates(found);
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
  return sortDates(found);
}

/** Earliest first; of two starting together the longer wins; overlaps dropped; at most three. */
function sortDates(found: DateToken[]): DateToken[] {
  if (found.length < 2) return found;
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: DateToken[] = [];
  for (const t of found) {
    const last = kept[kept.length - 1];
    if (last && t.start < last.end) continue;
    kept.push(t);
    if (kept.length === 3) break;
  }
  return kept;
}

function findTimes(text: string): TimeToken[] {
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
      const mer = g['mer'] ? ((g['mer'].toLowerCase() === 'a' ? 'am' : 'pm') as 'am' | 'pm') : null;
      if (!hasMinutes && mer === null) continue;
      // "16h" alone or "9.5" are not clock times; "9.15 am" and "16h00" are.
      if (g['sep'] === '.' && mer === null && !/^\d{2}$/.test(g['h'] ?? '')) continue;
      const minute = hasMinutes ? Number(g['min']) : 0;
      if (minute > 59) continue;
      if (mer !== null ? hour < 1 || hour > 12 : hour > 24) continue;
      out.push({
        start,
        end,
        hour: hour === 24 ? 0 : hour,
        minute,
        mer,
        twentyFour: mer === null && (hour > 12 || hour === 0 || (g['h'] ?? '').startsWith('0'))
      });
    }
    if (out.length === 4) break;
  }
  return out;
}

function to24(hour: number, mer: 'am' | 'pm'): number {
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
function resolveRange(a: TimeToken, b: TimeToken | null): { start: ClockTime; end: ClockTime | null; noMeridiem: boolean } {
  if (b === null) {
    return { start: { hour: a.mer ? to24(a.hour, a.mer) : a.hour, minute: a.minute }, end: null, noMeridiem: false };
  }
  if (a.mer && b.mer) {
    return {
      start: { hour: to24(a.hour, a.mer), minute: a.minute },
      end: { hour: to24(b.hour, b.mer), minute: b.minute },
      noMeridiem: false
    };
  }
  if (b.mer && !a.mer && !a.twentyFour) {
    const end = { hour: to24(b.hour, b.mer), minute: b.minute };
    const same = { hour: to24(a.hour, b.mer), minute: a.minute };
    const other = { hour: to24(a.hour, b.mer === 'am' ? 'pm' : 'am'), minute: a.minute };
    return { start: minutesOf(same) <= minutesOf(end) ? same : other, end, noMeridiem: false };
  }
  if (a.mer && !b.mer && !b.twentyFour) {
    const start = { hour: to24(a.hour, a.mer), minute: a.minute };
    const same = { hour: to24(b.hour, a.mer), minute: b.minute };
    const other = { hour: to24(b.hour, a.mer === 'am' ? 'pm' : 'am'), minute: b.minute };
    return { start, end: minutesOf(same) >= minutesOf(start) ? same : other, noMeridiem: false };
  }
  const start = { hour: a.mer ? to24(a.hour, a.mer) : a.hour, minute: a.minute };
  const end = { hour: b.mer ? to24(b.hour, b.mer) : b.hour, minute: b.minute };
    // "2:00 - 3:30" is probably afternoon; "10:00 - 10:30" reads fine on either clock.
  const early = start.hour >= 1 && start.hour <= 7;
  return { start, end, noMeridiem: early && !a.twentyFour && !b.twentyFour && a.mer === null && b.mer === null };
}

/** Remove markdown emphasis, list bullets and heading marks around a line. */
export function stripLineMarkup(line: string): string {
  let s = line.replace(/\u00a0/g, ' ').trim();
  s = s.replace(/^(?:>\s?)+/, '').replace(/^#{1,6}\s+/, '').replace(/^[-*+]\s+/, '');
  s = s.replace(/\*\*|__/g, '');
  s = s.replace(/^[*_]+/, '').replace(/[*_]+$/, '');
  return s.trim();
}

function trimSeparators(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && SEPARATOR_CHARS.has(text.charAt(a))) a++;
  while (b > a && SEPARATOR_CHARS.has(text.charAt(b - 1))) b--;
  return text.slice(a, b).replace(/\s{2,}/g, ' ');
}

/**
 * Read the date, time range and zone written on one line. Null when the line has neither a
 * date nor a clock time (or is too long to be a date line).
 */
export function parseDateLine(line: string): DateLine | null {
  if (line.length > MAX_DATE_LINE_LENGTH) return null;
  let s = stripLineMarkup(line);
  if (s.length === 0) return null;
  const hasDigit = /\d/.test(s);
  if (!hasDigit && (s.length > 24 || !/noon|midnight|day|mon|tue|wed|thu|fri|sat|sun/i.test(s))) return null;
  // "2024-02-03T09:00" → date and time as separate tokens.
  s = s.replace(/(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/g, '$1 $2');

  const dates = findDates(s);
  let work = s;
  for (const d of dates) work = blank(work, d.start, d.end);
  let weekdayOnly: number | null = null;
  // A weekday alone ("Monday", "Sat 10:00") only on short lines: "Lin Sun, solo.io" is a name.
  if (dates.length === 0 && s.length <= 40) {
    for (const m of work.matchAll(WEEKDAY_ONLY)) {
      const wd = m.groups?.['wd'];
      if (!isCapitalised(wd)) continue;
      weekdayOnly = weekdayNumber(wd);
      work = blank(work, m.index, m.index + m[0].length);
      break;
    }
  }

  let utcOffsetMinutes: number | null = null;
  for (const m of /UTC|GMT/.test(work) ? work.matchAll(OFFSET) : []) {
    const g = m.groups ?? {};
    const hours = Number(g['oh']);
    const mins = g['om'] ? Number(g['om']) : 0;
    if (hours > 14 || mins > 59) continue;
    utcOffsetMinutes = (g['sign'] === '+' ? 1 : -1) * (hours * 60 + mins);
    work = blank(work, m.index, m.index + m[0].length);
    break;
  }

  const times = findTimes(work);
  for (const t of times) work = blank(work, t.start, t.end);

  let zoneAbbr: string | null = null;
  // A bare abbreviation counts only on a line that also has a time ("9:00 CET").
  for (const m of times.length > 0 ? work.matchAll(ABBR) : []) {
    const abbr = m.groups?.['abbr'] ?? '';
    if (!Object.prototype.hasOwnProperty.call(ABBREVIATIONS, abbr)) continue;
    zoneAbbr = abbr;
    work = blank(work, m.index, m.index + m[0].length);
    break;
  }

  if (dates.length === 0 && times.length === 0 && weekdayOnly === null) return null;

  // Pair the first time with the next one when only a dash or "to" (and maybe a date) is between.
  const first = times[0] ?? null;
  let second: TimeToken | null = null;
  let endDate: PartialDate | null = null;
  const firstDate = dates[0] ?? null;
  if (first !== null && times[1] !== undefined) {
    const between = work.slice(first.end, times[1].start).trim();
    if (RANGE_WORD.test(between)) {
      second = times[1];
      const mid = dates.find((d) => d.start > first.end && d.end <= times[1]!.start);
      if (mid) endDate = mid.date;
    }
  }
  if (endDate === null && firstDate?.rangeEndDay != null) {
    endDate = { ...firstDate.date, day: firstDate.rangeEndDay, weekday: null };
  } else if (endDate === null && first === null && dates[1] !== undefined && firstDate) {
    const between = work.slice(firstDate.end, dates[1].start).trim();
    if (RANGE_WORD.test(between)) endDate = dates[1].date;
  }

  const range = first ? resolveRange(first, second) : null;
  const rest = trimSeparators(work);
  const pure = rest.replace(FILLER, ' ').replace(SEPARATORS, '').length === 0;
  return {
    date: firstDate ? firstDate.date : null,
    endDate,
    weekdayOnly,
    start: range ? range.start : null,
    end: range ? range.end : null,
    zoneAbbr,
    utcOffsetMinutes,
    noMeridiem: range ? range.noMeridiem : false,
    rest,
    pure
  };
}

export interface DatedLine {
  line: number; // 1-based
  date: FullDate;
}

/**
 * Dates with a year found in the first `maxLines` lines, in order (at most `limit`), for year
 * inference and for deciding which side of a DST change a document falls on.
 */
export function collectFullDates(text: string, maxLines = 20_000, limit = 200): DatedLine[] {
  const out: DatedLine[] = [];
  let lineNo = 0;
  let pos = 0;
  while (pos <= text.length && lineNo < maxLines && out.length < limit) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    lineNo++;
    if (end - pos <= MAX_DATE_LINE_LENGTH) {
      const line = text.slice(pos, end);
      if (/\d{4}/.test(line)) {
        const d = parseDateLine(line);
        if (d?.date && d.date.year !== null && isRealDate(d.date.year, d.date.month, d.date.day)) {
          out.push({ line: lineNo, date: { year: d.date.year, month: d.date.month, day: d.date.day } });
        }
      }
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  return out;
}
