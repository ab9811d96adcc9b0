// The attendance window ("split time") of a planned session as the details panel edits it: two
// wall-clock times in the display zone, read back into instants inside the session. Pure.
//
// Policy: times snap to 5 minutes on the wall clock, an "Arrive at" at or before the start (or a
// "Leave at" at or after the end) means "from the start" / "to the end" and is stored as null, and
// nothing is ever stored outside the session's own time (the services refuse that too).
import { addDaysIso, epochToWall, isoDateInZone, MINUTE, wallToEpoch } from '../../../../shared/time.ts';
import { formatTime } from '../calendar/format.ts';

export const ATTENDANCE_STEP_MINUTES = 5;

export interface Span {
  start: number;
  end: number;
}

export interface Window {
  arriveAt: number | null;
  leaveAt: number | null;
}

export type WindowReading =
  | { ok: true; arriveAt: number | null; leaveAt: number | null }
  | { ok: false; field: 'arrive' | 'leave'; message: string };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "14:55": what an <input type="time"> holds for an instant in a zone. */
export function wallClock(ms: number, zone: string): string {
  const w = epochToWall(ms, zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** The two fields' starting values: the window where there is one, else the session's own ends. */
export function windowFields(span: Span, window: Window, zone: string): { arrive: string; leave: string } {
  return { arrive: wallClock(window.arriveAt ?? span.start, zone), leave: wallClock(window.leaveAt ?? span.end, zone) };
}

/**
 * The fields' min and max: the session's ends on the wall clock, widened to whole steps, because a
 * time input counts its steps from min (a 2:57 start would otherwise allow only 3:02, 3:07 …).
 */
export function windowBounds(span: Span, zone: string, step = ATTENDANCE_STEP_MINUTES): { min: string; max: string } {
  const stepMs = step * MINUTE;
  return {
    min: wallClock(Math.floor(span.start / stepMs) * stepMs, zone),
    max: wallClock(Math.ceil(span.end / stepMs) * stepMs, zone)
  };
}

/** Minutes after midnight from "HH:MM" (seconds allowed and dropped), or null when it is not a time. */
export function parseClock(text: string): number | null {
  const m = /^\s*(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*$/.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/**
 * The instant inside [start - slack, end + slack] whose wall clock in `zone` reads `minutes` after
 * midnight, or null. A session seen from another zone can cross midnight, so both of its dates are
 * tried. The slack lets a snapped time just outside an odd start (2:57 → 2:55) still mean "the start".
 */
export function instantInSpan(minutes: number, span: Span, zone: string, slackMs = 0): number | null {
  const first = isoDateInZone(span.start, zone);
  const last = isoDateInZone(span.end, zone);
  const dates = [first];
  for (let d = addDaysIso(first, 1); d <= last && dates.length < 3; d = addDaysIso(d, 1)) dates.push(d);
  for (const date of dates) {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const ms = wallToEpoch({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, zone);
    if (Number.isFinite(ms) && ms >= span.start - slackMs && ms <= span.end + slackMs) return ms;
  }
  return null;
}

function snap(minutes: number, step: number): number {
  return Math.min(24 * 60 - step, Math.round(minutes / step) * step);
}

function outside(field: 'arrive' | 'leave', span: Span, zone: string): WindowReading {
  const name = field === 'arrive' ? '“Arrive at”' : '“Leave at”';
  return { ok: false, field, message: `${name} must be between ${formatTime(span.start, zone)} and ${formatTime(span.end, zone)}.` };
}

/**
 * Read the two fields into a window. Empty fields mean the whole session on that side. Says which
 * field is wrong, and why, when the times cannot be attended.
 */
export function readWindow(span: Span, arriveText: string, leaveText: string, zone: string, step = ATTENDANCE_STEP_MINUTES): WindowReading {
  const slack = step * MINUTE;
  let arriveAt: number | null = null;
  let leaveAt: number | null = null;
  if (arriveText.trim() !== '') {
    const minutes = parseClock(arriveText);
    if (minutes === null) return { ok: false, field: 'arrive', message: 'Enter the time you arrive, like 3:10 PM.' };
    const at = instantInSpan(snap(minutes, step), span, zone, slack);
    if (at === null || at >= span.end) return outside('arrive', span, zone);
    arriveAt = at <= span.start ? null : at;
  }
  if (leaveText.trim() !== '') {
    const minutes = parseClock(leaveText);
    if (minutes === null) return { ok: false, field: 'leave', message: 'Enter the time you leave, like 3:10 PM.' };
    const at = instantInSpan(snap(minutes, step), span, zone, slack);
    if (at === null || at <= span.start) return outside('leave', span, zone);
    leaveAt = at >= span.end ? null : at;
  }
  if ((leaveAt ?? span.end) <= (arriveAt ?? span.start)) {
    return { ok: false, field: 'leave', message: '“Leave at” must be after “Arrive at”.' };
  }
  return { ok: true, arriveAt, leaveAt };
}

/** Whether a window leaves out part of the session. */
export function isSplit(window: Window): boolean {
  return window.arriveAt !== null || window.leaveAt !== null;
}

/** The attended stretch: the window clamped to the session (what the clash engine also reads). */
export function attendedSpan(span: Span, window: Window): Span {
  const start = Math.min(Math.max(window.arriveAt ?? span.start, span.start), span.end);
  const end = Math.max(Math.min(window.leaveAt ?? span.end, span.end), start);
  return { start, end };
}
