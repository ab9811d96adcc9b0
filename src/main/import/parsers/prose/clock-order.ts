// Times written on a 12-hour clock without am/pm ("3:35 - 4:10", "12:30 - 1:30", "7:00 Opening
// reception") are settled from their neighbours, never left on the morning by default:
//   - a document that writes any time the 24-hour way ("16:00", "09:30") is on a 24-hour clock;
//   - otherwise conference hours decide a lone time: 7-11 is the morning, 12 is noon, 1-6 the
//     afternoon;
//   - and the order of a list decides the rest: in 9:00, 10:30, 12:00, 1:00, 2:30 each time is
//     the first reading at or after the one before it (so 5:00 then 7:00 is 19:00).
// An end is the first reading at or after its start. Each time moved off its written hour is
// reported with its line.
import type { ClockTime } from './date-tokens.ts';

export interface ClockItem {
  /** Items of one list or table, in document order, on one day. */
  sequence: string;
  start: ClockTime;
  end: ClockTime | null;
  clock12: boolean;
}

export interface Settled {
  start: ClockTime;
  end: ClockTime | null;
  /** True when the reading moved a written hour to the afternoon or evening. */
  moved: boolean;
}

const minutes = (t: ClockTime): number => t.hour * 60 + t.minute;
const at = (m: number): ClockTime => ({ hour: Math.floor(m / 60) % 24, minute: m % 60 });

/** The reading of a lone 1-12 time by conference hours. */
function alone(t: ClockTime): number {
  const m = minutes(t);
  if (t.hour >= 1 && t.hour <= 6) return m + 12 * 60;
  return m;
}

/**
 * Settle the am/pm of every item. `twentyFour` says the document writes a 24-hour clock, in
 * which case nothing moves.
 */
export function settleClocks(items: readonly ClockItem[], twentyFour: boolean): Settled[] {
  const previous = new Map<string, number>();
  return items.map((item) => {
    if (!item.clock12 || twentyFour) {
      previous.set(item.sequence, minutes(item.start));
      return { start: item.start, end: item.end, moved: false };
    }
    let s = alone(item.start);
    const prev = previous.get(item.sequence);
    // In a list read in order, a morning reading before the previous time is the evening one.
    if (prev !== undefined && s < prev && s + 12 * 60 >= prev && s + 12 * 60 < 24 * 60 && item.start.hour !== 12) s += 12 * 60;
    previous.set(item.sequence, s);
    let e: number | null = null;
    if (item.end) {
      e = minutes(item.end);
      while (e < s && e + 12 * 60 < 24 * 60 + 1) e += 12 * 60;
      if (e < s) e = minutes(item.end);
    }
    const start = at(s);
    const end = e === null ? null : at(e % (24 * 60));
    const moved = start.hour !== item.start.hour || (end !== null && item.end !== null && end.hour !== item.end.hour);
    return { start, end, moved };
  });
}

export function formatClock(t: ClockTime): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}
