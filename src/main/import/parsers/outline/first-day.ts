// Weekday-only schedules ("Thursday", "Saturday" and no date anywhere): the import cannot tell
// which week they are in, so it asks the person on which date the first of them falls
// ('first-day-required', with a typed question the preview and the CLI turn into a date field or
// a --first-day hint). The answer comes back as ParseOptions.firstDay; the weekdays are then
// placed from that date onwards (days.ts). A date on another weekday than the heading is refused
// with the question again, saying why. Nothing is picked for the person: the question only carries
// the year the document itself names, as evidence. Used by the outline reader (Markdown, HTML)
// and the plain-text reader alike.
import { ClashlessError, WEEKDAY_NAMES, type FirstDayQuestion } from '../../../../shared/errors.ts';
import { isRealDate, weekdayOf, type FullDate } from '../prose/calendar.ts';
import type { Warnings } from '../../warnings.ts';
import type { Reference } from './days.ts';

/** The first weekday-only day: its ISO weekday and the line it is written on. */
export interface FirstWeekday {
  weekday: number | null;
  line: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2012-09-13" from a date. */
export function isoDate(d: FullDate): string {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** The person's answer as a date; undefined stays null. Throws bad-request for anything but a real YYYY-MM-DD date. */
export function readFirstDay(value: string | undefined): FullDate | null {
  if (value === undefined) return null;
  const m = ISO_DATE.exec(value.trim());
  const d = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!d || d.year < 1900 || d.year > 2200 || !isRealDate(d.year, d.month, d.day)) {
    throw new ClashlessError('bad-request', `“${value}” is not a date. Give the first day as YYYY-MM-DD, e.g. 2012-09-13.`, 'field firstDay');
  }
  return d;
}

function question(first: FirstWeekday, ref: Reference): FirstDayQuestion {
  const year = ref.date && ref.yearOnly ? { value: ref.date.year, from: ref.how } : null;
  return { kind: 'first-day', weekday: first.weekday ?? 1, line: first.line, year };
}

/** The question, asked: on which date is the first day? */
export function askFirstDay(first: FirstWeekday, ref: Reference): ClashlessError {
  const q = question(first, ref);
  const name = WEEKDAY_NAMES[q.weekday] ?? 'weekday';
  const evidence = q.year ? `It names the year ${q.year.value} (${q.year.from}) but no date.` : 'It names no date and no year.';
  return new ClashlessError(
    'first-day-required',
    `On which date is the first day, ${name}? This schedule names its days only as weekdays. ${evidence} Give the date of that ${name} (CLI: --first-day YYYY-MM-DD).`,
    `line ${first.line}`,
    q
  );
}

/**
 * Check the answer against the first weekday heading: the same weekday, else the question again
 * with the reason. A year other than the one the document names is kept, with a warning.
 */
export function checkFirstDay(answer: FullDate, first: FirstWeekday, ref: Reference, warnings: Warnings): void {
  const wanted = first.weekday ?? 0;
  const got = weekdayOf(answer);
  if (got !== wanted) {
    const name = WEEKDAY_NAMES[wanted] ?? 'weekday';
    throw new ClashlessError(
      'first-day-required',
      `${isoDate(answer)} is a ${WEEKDAY_NAMES[got] ?? ''}, but the schedule's first day is ${name}. Give the date of that ${name} (CLI: --first-day YYYY-MM-DD).`,
      `line ${first.line}`,
      question(first, ref)
    );
  }
  if (ref.date && ref.yearOnly && ref.date.year !== answer.year) {
    warnings.add(
      first.line,
      `Line ${first.line}: the first day was given as ${isoDate(answer)}, but the document names the year ${ref.date.year} (${ref.how}); the date given was kept.`,
      'first day in another year'
    );
  }
}
