// "My week": one span of days seen across every conference whose dates touch it (the main
// conference, a co-located event, a meetup). Pure: dates are ISO strings ("2024-11-13").
//
// Policy: a conference belongs to a span when its first and last day (in its own zone, as
// `Conference.startDate`/`endDate` give them) share at least one date with the span. A conference
// without sessions has no dates and belongs to no span.
import { DateTime } from 'luxon';
import type { Conference, PlanItem } from './domain.ts';
import { addDaysIso, isoDateInZone } from './time.ts';

export interface DateRange {
  startDate: string | null;
  endDate: string | null;
}

/** The longest span `week --days` and the app accept. */
export const MAX_WEEK_DAYS = 31;

/** The span of `days` days from `from` (inclusive at both ends). */
export function weekRange(from: string, days = 7): { startDate: string; endDate: string } {
  return { startDate: from, endDate: addDaysIso(from, Math.max(1, Math.trunc(days)) - 1) };
}

/** Whether two ranges share a date; a range without dates shares none. */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  if (!a.startDate || !a.endDate || !b.startDate || !b.endDate) return false;
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

/**
 * The conferences whose dates overlap `dates`, in the order given. Used for the span shown in My
 * week and, at import, for "this schedule runs in the same days as …".
 */
export function overlappingConferences<C extends DateRange>(dates: DateRange, conferences: readonly C[]): C[] {
  return conferences.filter((c) => rangesOverlap(dates, c));
}

/**
 * Where My week starts around a conference: the first day of the earliest conference whose dates
 * overlap it (a co-located event often starts before the main one), else its own first day; null
 * for a conference without dates.
 */
export function myWeekStart(anchor: DateRange, conferences: readonly DateRange[]): string | null {
  if (!anchor.startDate) return null;
  return overlappingConferences(anchor, conferences).reduce((first, c) => (c.startDate! < first ? c.startDate! : first), anchor.startDate);
}

/** First and last date of a list of ISO dates (any order), or nulls for none. */
export function rangeOfDates(dates: Iterable<string>): DateRange {
  let startDate: string | null = null;
  let endDate: string | null = null;
  for (const d of dates) {
    if (startDate === null || d < startDate) startDate = d;
    if (endDate === null || d > endDate) endDate = d;
  }
  return { startDate, endDate };
}

/** Whether text is a real calendar date written YYYY-MM-DD ("2024-02-30" is not). */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

export interface WeekDay {
  /** The date in each item's own conference zone. */
  date: string;
  items: { item: PlanItem; conference: Conference }[];
}

/**
 * What is planned in a span across every conference, day by day. Each item falls on its start's
 * date in its own conference's zone (a Chicago talk at 9:00 is on its Chicago date wherever the
 * person is); items are in start order within a day. Items of conferences not in the list are left out.
 */
export function weekAgenda(plan: readonly PlanItem[], conferences: readonly Conference[], span: DateRange): WeekDay[] {
  const byId = new Map(conferences.map((c) => [c.id, c]));
  const days = new Map<string, WeekDay>();
  for (const item of [...plan].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id)) {
    const conference = byId.get(item.conferenceId);
    if (!conference || !span.startDate || !span.endDate) continue;
    const date = isoDateInZone(item.start, conference.timeZone);
    if (date < span.startDate || date > span.endDate) continue;
    const day = days.get(date) ?? { date, items: [] };
    day.items.push({ item, conference });
    days.set(date, day);
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}
