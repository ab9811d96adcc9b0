// Date and time-range lines as people write them in pasted schedules and blog posts:
//   "Wednesday November 13, 2024 11:15am - 11:50am MST"   (Sched)
//   "**Monday, November 6, 2023 • 9:15 am - 9:40 am**"     (blog, bold)
//   "Wednesday, November 8 • 5:25 pm - 6:00 pm"            (no year)
//   "2:00 pm - 2:35 pm CST", "16:00 – 17:15", "Saturday 3 February", "2024-02-03"
//
// Policy: a line is looked at only when it is short (date lines are); every pattern is bounded
// and free of nested quantifiers so that hostile input stays linear. The parser reports what it
// found and what text is left over; callers decide whether the leftover is a title or noise.
import { clockRange, findDates, findTimes, isCapitalised, weekdayNumber, WEEKDAY_ONLY, type ClockTime, type TimeToken } from './date-tokens.ts';
import { isRealDate, type FullDate, type PartialDate } from './calendar.ts';
import { ABBREVIATIONS } from '../../zone-names.ts';

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
} from './calendar.ts';

/** Longer lines are prose, never a date line (also keeps the work per line bounded). */
export const MAX_DATE_LINE_LENGTH = 300;

export type { ClockTime } from './date-tokens.ts';

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
  /** The times were written 1-12 without am/pm ("3:35 - 4:10"): the reader may have to move them to the afternoon. */
  clock12: boolean;
  /** The text left once dates, times and zones are taken out, trimmed of separators. */
  rest: string;
  /** True when nothing but separators and filler words ("at", "from", "when:") is left. */
  pure: boolean;
}

const OFFSET = /\(?\s?(?:UTC|GMT)\s?(?<sign>[+\-−–])\s?(?<oh>\d{1,2})(?::?(?<om>\d{2}))?\s?\)?/gu;
const ABBR = /(?<![\p{L}])(?<abbr>[A-Z]{2,5})(?![\p{L}])/gu;
const RANGE_WORD = /^(?:-|–|—|−|~|to|until|till|through|bis)$/i;
const FILLER = /(?<![\p{L}])(?:at|from|on|to|until|till|when|date|time|starts?|ends?)(?![\p{L}])/giu;
const SEPARATOR_CHARS = new Set([' ', '\t', '•', '·', '|', ',', ';', '@', ':', '-', '–', '—', '−', '~', '\u00a0']);
const SEPARATORS = /[\s•·|,;@()[\]{}*_~\-–—−:>#./]+/gu;

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
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

  const range = first ? clockRange(first, second) : null;
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
    clock12: range ? range.clock12 : false,
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
