// The Now view's choice at an instant: what I am in, what is next (and the walk there), what else
// starts within the hour, and what to say outside the conference. KubeCon NA 2024 in Denver.
import { describe, expect, it } from 'vitest';
import type { PlanItem, Session, SessionSummary } from '../../src/shared/domain.ts';
import { summaryOf } from '../fixtures/session-summary.ts';
import { KnownPlaces } from '../../src/shared/places.ts';
import { createTravelLookup } from '../../src/shared/travel.ts';
import { HOUR, MINUTE, wallToEpoch } from '../../src/shared/time.ts';
import { nowSnapshot, untilText, type NowInput } from '../../src/renderer/src/lib/views/now.ts';

const ZONE = 'America/Denver';
/** An instant on a November 2024 day, Denver wall clock. */
function at(day: number, hhmm: string): number {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  return wallToEpoch({ year: 2024, month: 11, day, hour, minute }, ZONE);
}

const L1 = 'Level 1 | 155 EF';
const L2 = 'Level 2 | 255 EF';
let ids = 1;
function session(day: number, from: string, to: string, title: string, room: string | null = L1, extra: Partial<Session> = {}): SessionSummary {
  const id = ids++;
  return summaryOf({
    id,
    conferenceId: 1,
    key: `k${id}`,
    title,
    description: null,
    start: at(day, from),
    end: at(day, to),
    allDay: false,
    venue: room ? 'Salt Palace' : null,
    room,
    track: 'Connectivity',
    type: null,
    url: null,
    status: 'scheduled',
    speakers: [],
    attributes: {},
    ...extra
  });
}
function plan(s: SessionSummary, extra: Partial<PlanItem> = {}): PlanItem {
  return {
    id: 1000 + s.id,
    conferenceId: 1,
    kind: 'session',
    sessionId: s.id,
    sessionKey: `k${s.id}`,
    title: s.title,
    start: s.start,
    end: s.end,
    venue: s.venue,
    room: s.room,
    state: 'going',
    priority: 3,
    arriveAt: null,
    leaveAt: null,
    note: null,
    reminder: null,
    status: 'scheduled',
    ...extra
  };
}

const routes = session(13, '11:15', '11:50', 'All Your Routes Are Ready');
const envoy = session(14, '11:00', '11:35', 'Harnessing the Power of Envoy');
const multicast = session(15, '11:55', '12:30', 'Seeing Double? Multicast');
const testing = session(15, '14:00', '14:35', 'Testing Kubernetes Without Kubernetes');
const goto = session(15, '14:55', '15:30', 'How GoTo Financial', L2);
const gamers = session(15, '14:55', '15:30', 'Thousands of Gamers');
const topology = session(15, '16:00', '16:35', 'Topology Aware Routing');
const flexibility = session(15, '16:55', '17:30', 'With Great Flexibility');
const SESSIONS = [routes, envoy, multicast, testing, goto, gamers, topology, flexibility];

function snapshot(now: number, items: PlanItem[], extra: Partial<NowInput> = {}) {
  return nowSnapshot({ now, plan: items, sessions: SESSIONS, travel: createTravelLookup(), zone: ZONE, boundaryMinutes: 0, ...extra });
}

describe('during a session', () => {
  const items = [plan(goto), plan(flexibility), plan(routes)];

  it('says what I am in now, what is next, and the walk between their rooms (another level: 8 minutes)', () => {
    const s = snapshot(at(15, '15:10'), items);
    expect(s.phase).toBe('during');
    expect(s.current.map((i) => i.title)).toEqual(['How GoTo Financial']);
    expect(s.next?.title).toBe('With Great Flexibility');
    expect(s.walk).toEqual({
      from: 'Salt Palace | Level 2 | 255 EF',
      to: 'Salt Palace | Level 1 | 155 EF',
      minutes: 8,
      leaveAt: at(15, '16:47')
    });
  });

  it('what else starts within the hour and is not planned, in start order', () => {
    expect(snapshot(at(15, '15:10'), items).soon.map((s) => s.title)).toEqual(['Topology Aware Routing']);
    // At 3:50 PM Topology (4:00) is soon; Flexibility (4:55) is planned, so it is not.
    expect(snapshot(at(15, '15:50'), items).soon.map((s) => s.title)).toEqual(['Topology Aware Routing']);
    // At 2:00 PM exactly, Testing (starting now) and GoTo's neighbour Gamers (2:55) are soon.
    expect(snapshot(at(15, '14:00'), items).soon.map((s) => s.title)).toEqual(['Testing Kubernetes Without Kubernetes', 'Thousands of Gamers']);
  });

  it('a cancelled session is neither somewhere to be nor something to start', () => {
    const cancelled = { ...topology, status: 'cancelled' as const };
    const s = nowSnapshot({
      now: at(15, '15:50'),
      plan: [plan(goto, { status: 'cancelled' })],
      sessions: SESSIONS.map((x) => (x.id === topology.id ? cancelled : x)),
      travel: createTravelLookup(),
      zone: ZONE,
      boundaryMinutes: 0
    });
    expect(s.soon).toEqual([]);
    expect(snapshot(at(15, '15:10'), [plan(goto, { status: 'cancelled' })]).current).toEqual([]);
  });

  it('between sessions the walk starts from where I last was that day', () => {
    const s = snapshot(at(15, '15:40'), items);
    expect(s.current).toEqual([]);
    expect(s.next?.title).toBe('With Great Flexibility');
    expect(s.walk).toMatchObject({ from: 'Salt Palace | Level 2 | 255 EF', minutes: 8 });
  });

  it('the same room is no walk', () => {
    const s = snapshot(at(15, '14:10'), [plan(testing), plan(gamers)]);
    expect(s.walk).toEqual({ from: 'Salt Palace | Level 1 | 155 EF', to: 'Salt Palace | Level 1 | 155 EF', minutes: 0, leaveAt: at(15, '14:55') });
  });

  it('a walking time the person set overrides the default', () => {
    const travel = createTravelLookup([{ from: 'Salt Palace | Level 2 | 255 EF', to: 'Salt Palace | Level 1 | 155 EF', minutes: 3 }]);
    expect(snapshot(at(15, '15:10'), items, { travel }).walk?.minutes).toBe(3);
  });

  it('from a place the person typed (not a conference room) the walk is unknown, not guessed', () => {
    const known = new KnownPlaces(SESSIONS);
    const lunch = plan(testing, { id: 5000, kind: 'block', sessionId: null, sessionKey: null, title: 'Lunch', venue: null, room: 'Food court' });
    const s = snapshot(at(15, '14:40'), [lunch, plan(gamers)], { travel: createTravelLookup([], known) });
    expect(s.walk).toEqual({ from: 'Food court', to: 'Salt Palace | Level 1 | 155 EF', minutes: null, leaveAt: null });
  });

  it('the first item of a morning has a place but no walk (nothing earlier that day to walk from)', () => {
    const s = snapshot(at(15, '09:00'), items);
    expect(s.next?.title).toBe('How GoTo Financial');
    expect(s.walk).toEqual({ from: null, to: 'Salt Palace | Level 2 | 255 EF', minutes: null, leaveAt: null });
  });

  it('an item without a place has no walk to tell', () => {
    const lunch: PlanItem = { ...plan(goto), id: 1, kind: 'block', sessionId: null, sessionKey: null, title: 'Lunch', venue: null, room: null, start: at(15, '16:00'), end: at(15, '16:30') };
    const s = snapshot(at(15, '15:10'), [plan(goto), lunch]);
    expect(s.next?.title).toBe('Lunch');
    expect(s.walk).toBeNull();
  });
});

describe('which item is next', () => {
  it('a backup is not next while something I am going to is later; going beats maybe at the same time', () => {
    const s = snapshot(at(15, '14:40'), [plan(goto, { state: 'backup' }), plan(gamers, { state: 'maybe' }), plan(topology)]);
    expect(s.next?.title).toBe('Thousands of Gamers');
    const t = snapshot(at(15, '14:40'), [plan(goto, { state: 'maybe' }), plan(gamers)]);
    expect(t.next?.title).toBe('Thousands of Gamers');
  });

  it('a backup is next when it is all there is', () => {
    expect(snapshot(at(15, '14:40'), [plan(goto, { state: 'backup' })]).next?.title).toBe('How GoTo Financial');
  });

  it('arriving late: the item is next until I arrive, then current until I leave', () => {
    const late = plan(goto, { arriveAt: at(15, '15:10'), leaveAt: at(15, '15:20') });
    expect(snapshot(at(15, '15:00'), [late]).next?.id).toBe(late.id);
    expect(snapshot(at(15, '15:00'), [late]).current).toEqual([]);
    expect(snapshot(at(15, '15:15'), [late]).current.map((i) => i.id)).toEqual([late.id]);
    expect(snapshot(at(15, '15:25'), [late]).current).toEqual([]);
  });

  it('later lists the rest of that day after the next item', () => {
    const s = snapshot(at(15, '09:00'), [plan(multicast), plan(goto), plan(flexibility), plan(routes)]);
    expect(s.next?.title).toBe('Seeing Double? Multicast');
    expect(s.later.map((i) => i.title)).toEqual(['How GoTo Financial', 'With Great Flexibility']);
  });

  it('next can be another day (overnight between conference days)', () => {
    const s = snapshot(at(13, '22:00'), [plan(routes), plan(envoy)]);
    expect(s.phase).toBe('during');
    expect(s.current).toEqual([]);
    expect(s.next?.title).toBe('Harnessing the Power of Envoy');
    // Yesterday's room is not where the walk starts.
    expect(s.walk?.from).toBeNull();
  });
});

describe('outside the conference', () => {
  it('before: says so, when it starts, and the first day’s items (planned first, else the programme)', () => {
    const s = snapshot(at(1, '12:00'), [plan(envoy)]);
    expect(s.phase).toBe('before');
    expect(s.firstStart).toBe(routes.start);
    expect(s.firstDate).toBe('2024-11-13');
    expect(s.firstItems).toEqual([]);
    expect(s.firstSessions.map((x) => x.title)).toEqual(['All Your Routes Are Ready']);
    expect(snapshot(at(1, '12:00'), [plan(routes)]).firstItems.map((i) => i.title)).toEqual(['All Your Routes Are Ready']);
  });

  it('after: the last end has passed', () => {
    const s = snapshot(at(15, '17:30'), []);
    expect(s.phase).toBe('after');
    expect(s.lastEnd).toBe(flexibility.end);
    expect(snapshot(at(15, '17:29'), []).phase).toBe('during');
  });

  it('empty: nothing imported', () => {
    expect(nowSnapshot({ now: 0, plan: [], sessions: [], travel: createTravelLookup(), zone: ZONE, boundaryMinutes: 0 }).phase).toBe('empty');
  });

  it('the first day of a night programme is its conference day, not the calendar date after midnight', () => {
    const night = session(20, '23:30', '23:59', 'Late talk', L1, { end: at(21, '00:45') });
    const s = nowSnapshot({ now: at(1, '00:00'), plan: [], sessions: [night, { ...night, id: 999, start: at(21, '00:15'), end: at(21, '01:00') }], travel: createTravelLookup(), zone: ZONE, boundaryMinutes: 4 * 60 });
    expect(s.firstDate).toBe('2024-11-20');
    expect(s.firstSessions).toHaveLength(2);
  });
});

describe('untilText', () => {
  it('reads minutes and hours', () => {
    const now = at(15, '12:00');
    expect(untilText(now, now)).toBe('now');
    expect(untilText(now - 5 * MINUTE, now)).toBe('now');
    expect(untilText(now + 25 * MINUTE, now)).toBe('in 25 min');
    expect(untilText(now + HOUR, now)).toBe('in 1 h');
    expect(untilText(now + 65 * MINUTE, now)).toBe('in 1 h 5 min');
  });
});
