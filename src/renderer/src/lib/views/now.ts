// The "Now" view's choice of what to show at an instant, during the conference: what the person is
// in, what is next for them and the walk there, and what else starts soon. Pure: the instant, the
// plan, the programme and the walking times come in; nothing is read from a clock.
//
// Policy:
// - A planned item counts for the time the person attends it (arrive late / leave early), and a
//   cancelled or removed session is not somewhere to be.
// - "Next" is the earliest item still to come that the person means to go to: a backup is a
//   fallback for something else at that time, so it is only next when nothing else is; at the same
//   start "going" wins over "maybe".
// - The walk starts where the person is (the item they are in, else the last one they were at
//   that day) and uses the same walking times as the clash check. Without a place at either end
//   there is no walk to tell.
// - "Soon" is the programme's sessions that start within the next hour and are not planned.
// - Outside the conference (before its first session or after its last) the view says so and
//   shows the first day's first items.
import { conferenceDateOf } from '../../../../shared/conference-days.ts';
import type { PlanItem, PlanState, SessionSummary } from '../../../../shared/domain.ts';
import { placeOf } from '../../../../shared/places.ts';
import type { TravelLookup } from '../../../../shared/travel.ts';
import { MINUTE } from '../../../../shared/time.ts';

export type NowPhase = 'empty' | 'before' | 'during' | 'after';

export interface Walk {
  /** Where from (a place label), or null when the person is nowhere known before it. */
  from: string | null;
  to: string;
  /** Walking minutes, or null without a starting place or when the walk is unknown (a typed place). */
  minutes: number | null;
  /** When to set off to arrive on time (null without minutes). */
  leaveAt: number | null;
}

export interface NowSnapshot {
  phase: NowPhase;
  /** Items the person attends at this instant, "going" first. */
  current: PlanItem[];
  next: PlanItem | null;
  walk: Walk | null;
  /** The rest of the next item's day after it (what else is planned). */
  later: PlanItem[];
  /** Unplanned sessions starting within the window. */
  soon: SessionSummary[];
  /** First and last instants of the programme (sessions and plan), null when empty. */
  firstStart: number | null;
  lastEnd: number | null;
  /** The conference's first day (ISO date) and what to show of it outside the conference. */
  firstDate: string | null;
  firstItems: PlanItem[];
  firstSessions: SessionSummary[];
}

export interface NowInput {
  now: number;
  plan: readonly PlanItem[];
  /** The programme, in any order. */
  sessions: readonly SessionSummary[];
  travel: TravelLookup;
  zone: string;
  /** Minutes after midnight at which a conference day starts. */
  boundaryMinutes: number;
  /** How far ahead "soon" looks; 60 minutes by default. */
  soonMinutes?: number;
  /** How many of the first day's items to show outside the conference; 5 by default. */
  firstCount?: number;
}

const STATE_RANK: Record<PlanState, number> = { going: 0, maybe: 1, backup: 2 };

/** When the person is really there: the attendance window inside the item. */
export function attendedStart(item: PlanItem): number {
  return item.arriveAt !== null && item.arriveAt > item.start && item.arriveAt < item.end ? item.arriveAt : item.start;
}
export function attendedEnd(item: PlanItem): number {
  return item.leaveAt !== null && item.leaveAt < item.end && item.leaveAt > item.start ? item.leaveAt : item.end;
}

function byStartThenState(a: PlanItem, b: PlanItem): number {
  return attendedStart(a) - attendedStart(b) || STATE_RANK[a.state] - STATE_RANK[b.state] || a.end - b.end || a.id - b.id;
}

export function nowSnapshot(input: NowInput): NowSnapshot {
  const { now, zone, boundaryMinutes } = input;
  const live = input.plan.filter((i) => i.status === 'scheduled');
  const scheduled = input.sessions.filter((s) => s.status === 'scheduled');

  let firstStart: number | null = null;
  let lastEnd: number | null = null;
  for (const s of [...input.sessions, ...input.plan]) {
    if (firstStart === null || s.start < firstStart) firstStart = s.start;
    if (lastEnd === null || s.end > lastEnd) lastEnd = s.end;
  }
  const phase: NowPhase = firstStart === null || lastEnd === null ? 'empty' : now < firstStart ? 'before' : now >= lastEnd ? 'after' : 'during';

  const current = live.filter((i) => attendedStart(i) <= now && now < attendedEnd(i)).sort(byStartThenState);
  const upcoming = live.filter((i) => attendedStart(i) > now).sort(byStartThenState);
  const next = upcoming.find((i) => i.state !== 'backup') ?? upcoming[0] ?? null;

  const dateOf = (ms: number): string => conferenceDateOf(ms, zone, boundaryMinutes);
  const walk = next ? walkTo(next, current, live, now, input.travel, dateOf) : null;
  const later = next ? upcoming.filter((i) => i !== next && dateOf(attendedStart(i)) === dateOf(attendedStart(next))) : [];

  const planned = new Set(input.plan.map((i) => i.sessionId).filter((id): id is number => id !== null));
  const horizon = now + (input.soonMinutes ?? 60) * MINUTE;
  const soon = scheduled
    .filter((s) => s.start >= now && s.start < horizon && !planned.has(s.id))
    .sort((a, b) => a.start - b.start || a.title.localeCompare(b.title));

  const firstDate = firstStart === null ? null : dateOf(firstStart);
  const count = input.firstCount ?? 5;
  const firstItems = firstDate === null ? [] : live.filter((i) => dateOf(i.start) === firstDate).sort(byStartThenState).slice(0, count);
  const firstSessions =
    firstDate === null
      ? []
      : scheduled
          .filter((s) => dateOf(s.start) === firstDate)
          .sort((a, b) => a.start - b.start || a.title.localeCompare(b.title))
          .slice(0, count);

  return { phase, current, next, walk, later, soon, firstStart, lastEnd, firstDate, firstItems, firstSessions };
}

/**
 * The walk to `next`: from the item the person is in (the one that ends last), else from the last
 * item they attended earlier the same conference day.
 */
function walkTo(
  next: PlanItem,
  current: readonly PlanItem[],
  live: readonly PlanItem[],
  now: number,
  travel: TravelLookup,
  dateOf: (ms: number) => string
): Walk | null {
  const to = placeOf(next.venue, next.room);
  if (!to) return null;
  const day = dateOf(attendedStart(next));
  const placed = (i: PlanItem): boolean => i !== next && placeOf(i.venue, i.room) !== null && dateOf(attendedStart(i)) === day;
  const here = [...current].filter(placed).sort((a, b) => attendedEnd(b) - attendedEnd(a) || byStartThenState(a, b))[0];
  const before = here ?? [...live].filter((i) => placed(i) && attendedEnd(i) <= now).sort((a, b) => attendedEnd(b) - attendedEnd(a))[0];
  const from = before ? placeOf(before.venue, before.room) : null;
  if (!from) return { from: null, to: to.label, minutes: null, leaveAt: null };
  if (travel.known?.(from, to) === false) return { from: from.label, to: to.label, minutes: null, leaveAt: null };
  const minutes = Math.max(0, Math.round(travel(from, to)));
  return { from: from.label, to: to.label, minutes, leaveAt: attendedStart(next) - minutes * MINUTE };
}

/** "in 25 min", "in 1 h 5 min"; "now" within the minute. */
export function untilText(ms: number, now: number): string {
  const minutes = Math.round((ms - now) / MINUTE);
  if (minutes <= 0) return 'now';
  if (minutes < 60) return `in ${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `in ${h} h` : `in ${h} h ${m} min`;
}
