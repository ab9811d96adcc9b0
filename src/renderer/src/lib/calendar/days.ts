// Which days the week view shows, and how they group into weeks. Pure: dates are ISO strings in the
// display zone, instants are UTC epoch ms.
import { conferenceDateOf, conferenceDayWindow } from '../../../../shared/conference-days.ts';
import { addDaysIso, HOUR } from '../../../../shared/time.ts';

export interface DayBounds {
  /** The conference day's date in the display zone ("2024-11-13"). */
  date: string;
  /** First instant of the day: its date at the day boundary (midnight, or later for a night programme). */
  start: number;
  /** First instant of the next day. */
  end: number;
}

export interface TimeSpan {
  start: number;
  end: number;
}

/** Every ISO date from first to last inclusive (at most `limit`, so a corrupt range cannot hang the view). */
export function datesBetween(first: string, last: string, limit = 366): string[] {
  const dates: string[] = [];
  for (let d = first; d <= last && dates.length < limit; d = addDaysIso(d, 1)) dates.push(d);
  return dates;
}

/**
 * The days a conference covers in the display zone: from its first start to its last end. Shown in
 * another zone a late-evening session can fall on the next day, so the range comes from the
 * sessions themselves; `fallback` (the conference's own dates) is used when there are none.
 */
export function conferenceDates(
  spans: readonly TimeSpan[],
  zone: string,
  fallback: { startDate: string | null; endDate: string | null },
  boundaryMinutes = 0
): string[] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of spans) {
    if (s.start < min) min = s.start;
    // The end is exclusive: a session ending at midnight does not claim the next day.
    const last = s.end > s.start ? s.end - 1 : s.start;
    if (last > max) max = last;
  }
  if (min <= max) return datesBetween(conferenceDateOf(min, zone, boundaryMinutes), conferenceDateOf(max, zone, boundaryMinutes));
  if (fallback.startDate && fallback.endDate) return datesBetween(fallback.startDate, fallback.endDate);
  return [];
}

/** Split consecutive dates into weeks of at most `size` days, the first week starting on the first date. */
export function groupIntoWeeks(dates: readonly string[], size = 7): string[][] {
  const weeks: string[][] = [];
  for (let i = 0; i < dates.length; i += size) weeks.push(dates.slice(i, i + size));
  return weeks;
}

/** The longest conference shown as one span of days (see conferencePages). */
export const MAX_SPAN_DAYS = 10;

/**
 * The pages the week view shows. A good calendar shows the whole event the person is planning:
 * a conference of up to ten days is one span (the grid scrolls sideways past seven columns), not
 * "week 1 of 2" with one day left over. Longer events page by seven days from their first day.
 */
export function conferencePages(dates: readonly string[]): string[][] {
  return groupIntoWeeks(dates, dates.length <= MAX_SPAN_DAYS ? Math.max(1, dates.length) : 7);
}

/** "days 8–14 of 16" for page `index`; empty when one page shows every day. */
export function pageLabel(pages: readonly string[][], index: number): string {
  if (pages.length <= 1) return '';
  const total = pages.reduce((n, p) => n + p.length, 0);
  const first = pages.slice(0, index).reduce((n, p) => n + p.length, 0) + 1;
  const last = first + (pages[index]?.length ?? 1) - 1;
  return first === last ? `day ${first} of ${total}` : `days ${first}–${last} of ${total}`;
}

/** A conference day's instants; `boundaryMinutes` after midnight is where it starts (see conference-days.ts). */
export function dayBounds(date: string, zone: string, boundaryMinutes = 0): DayBounds {
  return { date, ...conferenceDayWindow(date, zone, boundaryMinutes) };
}

/** The index of the week containing an instant, or -1. */
export function weekIndexOf(weeks: readonly string[][], ms: number, zone: string, boundaryMinutes = 0): number {
  const date = conferenceDateOf(ms, zone, boundaryMinutes);
  return weeks.findIndex((w) => w.includes(date));
}

/**
 * The hour to scroll to: just before the first span that starts on one of the days, in hours from
 * that day's start; 8 o'clock when none does. Seen from another zone a conference's evening can
 * spill past midnight, but its first day still starts where it starts.
 */
export function firstBusyHour(days: readonly DayBounds[], spans: Iterable<TimeSpan>): number {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return 8;
  let earliest = Number.POSITIVE_INFINITY;
  for (const s of spans) if (s.start >= first.start && s.start < last.end && s.start < earliest) earliest = s.start;
  const day = days.find((d) => earliest >= d.start && earliest < d.end);
  return day ? Math.max(0, Math.floor((earliest - day.start) / HOUR - 0.5)) : 8;
}
