// Conference days: where one day of a programme ends and the next begins. A congress's Friday
// night runs to 03:00, and people (and every conference app) file a 00:15 talk under Friday, not
// Saturday. So a conference day starts at a boundary hour instead of midnight: frab's day_change
// says where, and for other formats the schedule shows it: the quietest early-morning hour.
//
// Pure: instants are UTC epoch ms, dates are ISO strings of the day's calendar date in a zone,
// and every wall-clock step goes through the zone's own rules, so a day with a DST change is 23
// or 25 hours long, as it should be.
import { addDaysIso, DAY, epochToWall, HOUR, MINUTE, offsetMinutesAt, wallToEpoch } from './time.ts';

export interface Span {
  start: number;
  end: number;
}

/** The latest a conference day may start: later than this, a "night" is really a morning. */
const LATEST_BOUNDARY_HOUR = 9;
/** A session touching these hours (00:00 to 05:00) makes the schedule one with a night programme. */
const NIGHT_HOURS = 5;

/**
 * Minutes after midnight (in `zone`) at which a conference day starts. 0 when nothing in the
 * schedule happens between midnight and 05:00; otherwise the first hour from 01:00 to 09:00 in
 * which the fewest sessions run (normally none: the gap between the night programme and the
 * morning). Sessions of a day or longer (all-day items, camps) say nothing about the night and
 * are skipped.
 */
export function dayBoundaryMinutes(spans: Iterable<Span>, zone: string): number {
  const running = new Array<number>(24).fill(0);
  // A 100k-session catalog runs through here: the zone's offset is looked up once per hour of
  // the calendar, not once per session.
  const offsets = new Map<number, number>();
  for (const s of spans) {
    if (!(s.end - s.start < DAY) || !Number.isFinite(s.start)) continue;
    const bucket = Math.floor(s.start / HOUR);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = offsetMinutesAt(s.start, zone);
      offsets.set(bucket, offset);
    }
    const wallMinute = Math.floor((((s.start + offset * MINUTE) % DAY) + DAY) % DAY / MINUTE);
    const hour = Math.floor(wallMinute / 60);
    const minutes = Math.max(1, Math.ceil((s.end - s.start) / MINUTE));
    const lastHour = hour + Math.floor(((wallMinute % 60) + minutes - 1) / 60);
    for (let h = hour; h <= lastHour; h++) running[h % 24]! += 1;
  }
  if (running.slice(0, NIGHT_HOURS).every((n) => n === 0)) return 0;
  let best = 1;
  for (let h = 2; h <= LATEST_BOUNDARY_HOUR; h++) if (running[h]! < running[best]!) best = h;
  return best * 60;
}

/** The conference day (ISO date) an instant belongs to. */
export function conferenceDateOf(ms: number, zone: string, boundaryMinutes: number): string {
  const w = epochToWall(ms, zone);
  const date = `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  return w.hour * 60 + w.minute < boundaryMinutes ? addDaysIso(date, -1) : date;
}

/** The instants a conference day runs over: [its date at the boundary, the next date at the boundary). */
export function conferenceDayWindow(isoDate: string, zone: string, boundaryMinutes: number): Span {
  return { start: wallAt(isoDate, boundaryMinutes, zone), end: wallAt(addDaysIso(isoDate, 1), boundaryMinutes, zone) };
}

function wallAt(isoDate: string, minutes: number, zone: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return wallToEpoch({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0 }, zone);
}

/** "04:00" for a boundary, for labels and notes. */
export function boundaryLabel(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

