// The "by room" timetable of one conference day, as a printed programme draws it: one column per
// room, time running down the side, every session of the day in its room's column. Pure: instants
// are UTC epoch ms, positions are pixels, and nothing here touches the DOM.
//
// Policy: a room is a place (shared/places.ts), so "Salt Palace | Level 1 | 155 EF" is one column
// however the source split venue and room. Columns are ordered by the place's label, numbers read
// as numbers ("Room 9" before "Room 10"); sessions without a place share a last "No room" column.
// The time axis covers whole hours from the day's first start to its last end (not the empty
// night). All-day sessions would stretch it over 24 hours, so they are listed apart. Sessions that
// overlap in one room (a workshop and a talk double-booked by the source) share the column's width
// the way the week grid shares a day.
import { placeOf } from '../../../../shared/places.ts';
import { DAY, HOUR } from '../../../../shared/time.ts';
import { layoutDay, msToPx } from '../calendar/layout.ts';

export interface RoomSession {
  id: number;
  start: number;
  end: number;
  allDay: boolean;
  venue: string | null;
  room: string | null;
}

export interface RoomColumn {
  /** The place's comparison key; '' for sessions without a place. */
  key: string;
  /** What the header says: the room ("155 EF"), the venue for a whole-venue place, or "No room". */
  label: string;
  /** The rest of the place ("Salt Palace · Level 1"), or null. */
  detail: string | null;
  /** The full place label ("Salt Palace | Level 1 | 155 EF"), or null. */
  place: string | null;
}

export interface RoomPlacement {
  id: number;
  /** Index into `rooms`. */
  room: number;
  /** Pixels from the top of the timetable. */
  top: number;
  height: number;
  /** Side-by-side position inside the room's column, as in the week grid's Placement. */
  column: number;
  span: number;
  columns: number;
}

export interface HourMark {
  /** The instant of the mark. */
  at: number;
  top: number;
}

export interface RoomGridLayout {
  rooms: RoomColumn[];
  placements: RoomPlacement[];
  /** Ids of the day's all-day (or longer) sessions, in start order. */
  allDay: number[];
  /** The instants the timetable covers (whole hours from the day's start); equal when the day is empty. */
  from: number;
  to: number;
  height: number;
  /** One mark per hour from `from` to `to`, both included. */
  hours: HourMark[];
}

export interface RoomGridOptions {
  /** The conference day: sessions that start in [dayStart, dayEnd) are on it. */
  dayStart: number;
  dayEnd: number;
  pxPerMinute: number;
  minHeightPx?: number;
}

export const NO_ROOM = 'No room';

const byLabel = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The column a session belongs in. */
export function roomColumnOf(s: { venue: string | null; room: string | null }): RoomColumn {
  const place = placeOf(s.venue, s.room);
  if (!place) return { key: '', label: NO_ROOM, detail: null, place: null };
  const label = place.room ?? place.venue;
  const rest = [place.venue, ...place.levels].filter((p) => p !== '' && p !== label);
  return { key: place.key, label, detail: rest.length > 0 ? rest.join(' · ') : null, place: place.label };
}

/** Lay out one day's sessions by room. Sessions that do not start on the day are left out. */
export function layoutRoomGrid(sessions: readonly RoomSession[], opts: RoomGridOptions): RoomGridLayout {
  const onDay = sessions
    .filter((s) => s.start >= opts.dayStart && s.start < opts.dayEnd)
    .sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
  const allDay = onDay.filter((s) => s.allDay || s.end - s.start >= DAY);
  const timed = onDay.filter((s) => !(s.allDay || s.end - s.start >= DAY));

  const columns = new Map<string, { column: RoomColumn; sessions: RoomSession[] }>();
  for (const s of timed) {
    const column = roomColumnOf(s);
    const entry = columns.get(column.key);
    if (entry) entry.sessions.push(s);
    else columns.set(column.key, { column, sessions: [s] });
  }
  const ordered = [...columns.values()].sort((a, b) => {
    if ((a.column.key === '') !== (b.column.key === '')) return a.column.key === '' ? 1 : -1;
    return byLabel.compare(a.column.place ?? '', b.column.place ?? '') || a.column.key.localeCompare(b.column.key);
  });

  const { from, to } = hourRange(timed, opts.dayStart, opts.dayEnd);
  const placements: RoomPlacement[] = [];
  ordered.forEach((entry, room) => {
    const laid = layoutDay(entry.sessions, {
      dayStart: from,
      dayEnd: to,
      pxPerMinute: opts.pxPerMinute,
      ...(opts.minHeightPx !== undefined ? { minHeightPx: opts.minHeightPx } : {})
    });
    for (const p of laid) placements.push({ id: p.id, room, top: p.top, height: p.height, column: p.column, span: p.span, columns: p.columns });
  });

  const hours: HourMark[] = [];
  for (let at = from; at <= to; at += HOUR) hours.push({ at, top: msToPx(at - from, opts.pxPerMinute) });
  return {
    rooms: ordered.map((e) => e.column),
    placements,
    allDay: allDay.map((s) => s.id),
    from,
    to,
    height: msToPx(to - from, opts.pxPerMinute),
    hours
  };
}

/**
 * Whole hours (counted from the day's start, so a DST day stays on its marks) around the timed
 * sessions: from the hour of the first start to the hour after the last end, inside the day.
 */
export function hourRange(sessions: readonly { start: number; end: number }[], dayStart: number, dayEnd: number): { from: number; to: number } {
  if (sessions.length === 0) return { from: dayStart, to: dayStart };
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const s of sessions) {
    first = Math.min(first, s.start);
    last = Math.max(last, s.end, s.start);
  }
  const from = dayStart + Math.floor((first - dayStart) / HOUR) * HOUR;
  // A session running past the day's end (a 23:30 talk) is drawn to the end with an open edge.
  const to = Math.min(dayEnd, Math.max(from + HOUR, dayStart + Math.ceil((last - dayStart) / HOUR) * HOUR));
  return { from, to };
}
