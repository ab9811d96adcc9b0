// Calendar arithmetic on plain dates (no zone involved) and year inference for dates written
// without a year. Used by the text parsers through date-lines.ts.

export interface PartialDate {
  year: number | null;
  month: number; // 1-12
  day: number;
  /** ISO weekday named next to the date (1 = Monday … 7 = Sunday), to check the year against. */
  weekday: number | null;
}

export interface FullDate {
  year: number;
  month: number;
  day: number;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** True for a calendar date that exists (no February 30). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function weekdayOf(d: FullDate): number {
  const js = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return js === 0 ? 7 : js;
}

export type YearSource = 'given' | 'weekday' | 'nearby' | 'assumed';

export interface CompletedDate {
  date: FullDate | null;
  /** How the year was chosen: written, confirmed by the weekday, nearest to a dated line, or assumed. */
  source: YearSource;
  /** Set when the written weekday does not fit the chosen date. */
  weekdayMismatch: boolean;
}

function dayNumber(d: FullDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
}

/**
 * Complete a date that may lack its year. With a reference date (another dated line, the post's
 * own date) take the year around it that the weekday confirms, else the nearest; without one,
 * search outward from `fallbackYear` for a year the weekday fits.
 */
export function completeDate(p: PartialDate, ref: FullDate | null, fallbackYear: number): CompletedDate {
  if (p.year !== null) {
    if (!isRealDate(p.year, p.month, p.day)) return { date: null, source: 'given', weekdayMismatch: false };
    const date = { year: p.year, month: p.month, day: p.day };
    return { date, source: 'given', weekdayMismatch: p.weekday !== null && weekdayOf(date) !== p.weekday };
  }
  const base = ref ? ref.year : fallbackYear;
  const span = ref ? 1 : 6;
  const candidates: FullDate[] = [];
  for (let k = 0; k <= span; k++) {
    for (const y of k === 0 ? [base] : [base + k, base - k]) {
      if (isRealDate(y, p.month, p.day)) candidates.push({ year: y, month: p.month, day: p.day });
    }
  }
  if (candidates.length === 0) return { date: null, source: 'assumed', weekdayMismatch: false };
  const byDistance = ref
    ? [...candidates].sort((a, b) => Math.abs(dayNumber(a) - dayNumber(ref)) - Math.abs(dayNumber(b) - dayNumber(ref)))
    : candidates;
  if (p.weekday !== null) {
    const fits = byDistance.find((c) => weekdayOf(c) === p.weekday);
    if (fits) return { date: fits, source: ref ? 'weekday' : 'assumed', weekdayMismatch: false };
    return { date: byDistance[0] ?? null, source: ref ? 'nearby' : 'assumed', weekdayMismatch: true };
  }
  return { date: byDistance[0] ?? null, source: ref ? 'nearby' : 'assumed', weekdayMismatch: false };
}

/** "Wednesday, November 8, 2023" style label for messages. */
export function formatDate(d: FullDate): string {
  return `${WEEKDAY_NAMES[weekdayOf(d) - 1] ?? ''}, ${MONTH_NAMES[d.month - 1] ?? ''} ${d.day}, ${d.year}`;
}

/** Add whole days to a calendar date. */
export function addDays(d: FullDate, days: number): FullDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** The next date on or after `from` that falls on an ISO weekday. */
export function nextWeekday(from: FullDate, weekday: number): FullDate {
  const delta = (weekday - weekdayOf(from) + 7) % 7;
  return addDays(from, delta);
}
