// Which calendar day a talk is on, when the document leaves part of it out.
//   - A missing year comes from the post's own date (front matter "date:", "publication_date:",
//     "pub-year:"), else the first full date in the text, else a year in a heading or the title
//     ("## 2023 Schedule"), else one in the file name ("containerplumbing-2021.md").
//   - Weekday-only days ("## Thursday", "| Monday |") are a run of consecutive days placed near
//     that reference: inside a date range the document states ("August 8-11, 2017") when it has
//     one, else on or after the post's date (posts are written before the event).
//   - Without a full reference date, weekday-only days are not guessed: the import asks on which
//     date the first one is (first-day.ts) and runs the days on from the answer.
//   - "Wed 18" takes the month near the reference where the 18th is a Wednesday.
import { addDays, collectFullDates, completeDate, isRealDate, nextWeekday, weekdayOf, type FullDate } from '../prose/date-lines.ts';
import { findDates } from '../prose/date-tokens.ts';
import type { DayRef } from './draft.ts';

export interface Reference {
  date: FullDate | null;
  /** Where it came from, for warnings ("the post's date", "the file name"). */
  how: string;
  /** Only a year is known: enough for "March 9", not to place a bare "Monday". */
  yearOnly: boolean;
  /** A range of days the document states for the event, if any. */
  range: { from: FullDate; to: FullDate } | null;
}

const META_DATES = ['date', 'publication_date', 'published', 'pubdate', 'pub-date', 'publishdate', 'created', 'event_date', 'start_date'];
const YEAR = /(?<![\p{N}])((?:19|20)\d{2})(?![\p{N}])/u;

function isoDate(value: string | undefined): FullDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec((value ?? '').trim());
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isRealDate(d.year, d.month, d.day) ? d : null;
}

function statedRange(text: string): { from: FullDate; to: FullDate } | null {
  for (const line of text.split('\n', 4000)) {
    if (line.length > 400 || !/\d\s?[-–—]\s?\d/.test(line)) continue;
    for (const d of findDates(line, 10)) {
      if (d.rangeEndDay === null || d.date.year === null) continue;
      const from = { year: d.date.year, month: d.date.month, day: d.date.day };
      const to = { ...from, day: d.rangeEndDay };
      if (isRealDate(from.year, from.month, from.day) && isRealDate(to.year, to.month, to.day)) return { from, to };
    }
  }
  return null;
}

/** The date missing years and weekdays are counted from. */
export function reference(meta: Readonly<Record<string, string>>, text: string, headings: readonly string[], fileName: string | undefined): Reference {
  const range = statedRange(text);
  for (const key of META_DATES) {
    const d = isoDate(meta[key]);
    if (d) return { date: d, how: "the post's date", range, yearOnly: false };
  }
  const year = Number(meta['pub-year'] ?? meta['year'] ?? NaN);
  if (Number.isInteger(year) && year > 1900 && year < 2200) return { date: { year, month: 7, day: 1 }, how: "the post's year", range, yearOnly: true };
  const first = collectFullDates(text, 20_000, 1)[0];
  if (first) return { date: first.date, how: `the date on line ${first.line}`, range, yearOnly: false };
  for (const h of headings) {
    const m = YEAR.exec(h);
    if (m?.[1]) return { date: { year: Number(m[1]), month: 7, day: 1 }, how: `the year in “${h.slice(0, 60)}”`, range, yearOnly: true };
  }
  const fm = YEAR.exec(fileName ?? '');
  if (fm?.[1]) return { date: { year: Number(fm[1]), month: 7, day: 1 }, how: 'the year in the file name', range, yearOnly: true };
  return { date: null, how: 'nothing in the document', range, yearOnly: false };
}

const dayNumber = (d: FullDate): number => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
const inRange = (d: FullDate, r: { from: FullDate; to: FullDate }): boolean => dayNumber(d) >= dayNumber(r.from) && dayNumber(d) <= dayNumber(r.to);

/** The weekday-only days among a document's day refs (in document order). */
export function weekdayOnly(refs: readonly DayRef[]): DayRef[] {
  return refs.filter((r) => r.date === null && r.weekday !== null && r.dayOfMonth === null);
}

/**
 * One run of days from `start` (the first weekday's date): each later weekday on the next date
 * that falls on it. A weekday named again (a booth on "Saturday" after the Sunday talks) is the
 * same day as before.
 */
function runFrom(weekdays: readonly DayRef[], start: FullDate): FullDate[] {
  const dates: FullDate[] = [start];
  const placed = new Map<number, FullDate>([[weekdays[0]!.weekday!, start]]);
  for (let i = 1; i < weekdays.length; i++) {
    const w = weekdays[i]!.weekday!;
    const d = placed.get(w) ?? nextWeekday(addDays(dates[i - 1]!, 1), w);
    placed.set(w, d);
    dates.push(d);
  }
  return dates;
}

/**
 * Place the weekday-only days of a document (in document order) as one run of days. Returns
 * the date for each weekday ref, keyed by its line, or an empty map without a reference. With
 * the person's answer (`firstDay`, already checked to fall on the first weekday) the run starts
 * on it.
 */
export function placeWeekdays(refs: readonly DayRef[], ref: Reference, firstDay: FullDate | null = null): Map<string, FullDate> {
  const out = new Map<string, FullDate>();
  const base = ref.date;
  const weekdays = weekdayOnly(refs);
  if (weekdays.length === 0) return out;
  let best: FullDate[] | null = firstDay ? runFrom(weekdays, firstDay) : null;
  if (!best && base && !ref.yearOnly) {
    const first = weekdays[0]!.weekday!;
    let bestScore = -1;
    for (let k = -7; k <= 13; k++) {
      const start = addDays(base, k);
      if (weekdayOf(start) !== first) continue;
      const dates = runFrom(weekdays, start);
      const range = ref.range;
      const score = range ? dates.filter((d) => inRange(d, range)).length : k >= 0 ? 1 : 0;
      if (score > bestScore) {
        best = dates;
        bestScore = score;
      }
    }
  }
  weekdays.forEach((w, i) => {
    const d = best?.[i];
    if (d) out.set(weekdayKey(w), d);
  });
  return out;
}

export function weekdayKey(r: DayRef): string {
  return `${r.line}:${r.weekday ?? 0}`;
}

/** "Wed 18": the 18th nearest the reference that is a Wednesday. */
export function placeDayOfMonth(r: DayRef, ref: Reference): FullDate | null {
  if (r.dayOfMonth === null || r.weekday === null || !ref.date) return null;
  let best: FullDate | null = null;
  for (let k = -12; k <= 12; k++) {
    const month = ((ref.date.month - 1 + k) % 12 + 12) % 12 + 1;
    const year = ref.date.year + Math.floor((ref.date.month - 1 + k) / 12);
    if (!isRealDate(year, month, r.dayOfMonth)) continue;
    const d = { year, month, day: r.dayOfMonth };
    if (weekdayOf(d) !== r.weekday) continue;
    if (!best || Math.abs(dayNumber(d) - dayNumber(ref.date)) < Math.abs(dayNumber(best) - dayNumber(ref.date))) best = d;
  }
  return best;
}

/** A day ref with a date: its year completed from the reference. */
export function completeRef(r: DayRef, ref: Reference, thisYear: number): ReturnType<typeof completeDate> | null {
  return r.date ? completeDate(r.date, ref.date, thisYear) : null;
}
