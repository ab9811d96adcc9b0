// Defect 5 (issue #17): a place the person typed for a block ("Food court") is not one of the
// conference's rooms, so nothing says how far it is. It must not be taken for a distant venue, and
// "resolve all by priority" must never demote a personal block.
import { describe, expect, it } from 'vitest';
import { clashItemFromPlan, findClashes } from '../../src/shared/clashes.ts';
import type { PlanItem } from '../../src/shared/domain.ts';
import { KnownPlaces, placeOf, type Place } from '../../src/shared/places.ts';
import { resolveByPriority } from '../../src/shared/resolve.ts';
import { createTravelLookup, DEFAULT_TRAVEL, estimateTravelMinutes } from '../../src/shared/travel.ts';

const MIN = 60_000;
const T0 = Date.UTC(2024, 11, 28, 11, 0); // 12:00 in Hamburg
const at = (minutes: number): number => T0 + minutes * MIN;
const VENUE = 'Congress Center Hamburg';
const conference = new KnownPlaces([
  { venue: VENUE, room: 'Saal 1' },
  { venue: VENUE, room: 'Saal GLUON' },
  { venue: VENUE, room: 'Saal ZIGZAG' }
]);

function place(venue: string | null, room: string | null): Place {
  const p = placeOf(venue, room);
  if (p === null) throw new Error('no place');
  return p;
}

let nextId = 1;
function planItem(kind: 'session' | 'block', title: string, from: number, to: number, where: { venue: string | null; room: string | null }, priority = 3): PlanItem {
  return {
    id: nextId++,
    conferenceId: 1,
    kind,
    sessionId: kind === 'session' ? nextId : null,
    sessionKey: null,
    title,
    start: at(from),
    end: at(to),
    venue: where.venue,
    room: where.room,
    state: 'going',
    priority,
    arriveAt: null,
    leaveAt: null,
    note: null,
    status: 'scheduled',
    reminder: null
  };
}

describe('a typed place walks an unknown distance', () => {
  it('two rooms of the conference keep their default walk', () => {
    expect(estimateTravelMinutes(place(VENUE, 'Saal 1'), place(VENUE, 'Saal GLUON'), conference)).toBe(DEFAULT_TRAVEL.sameLevel);
  });

  it('a typed "Food court" is unknown, not another venue 20 minutes away', () => {
    const foodCourt = place(null, 'Food court');
    expect(estimateTravelMinutes(place(VENUE, 'Saal 1'), foodCourt, conference)).toBeNull();
    expect(createTravelLookup([], conference)(place(VENUE, 'Saal 1'), foodCourt)).toBe(0);
  });

  it('a typed room or venue name of the conference walks like that room or venue', () => {
    // A block typed "Saal 1" is in Saal 1: no walk to a session there.
    expect(estimateTravelMinutes(place(null, 'saal 1'), place(VENUE, 'Saal 1'), conference)).toBe(0);
    expect(estimateTravelMinutes(place(null, 'Saal 1'), place(VENUE, 'Saal GLUON'), conference)).toBe(DEFAULT_TRAVEL.sameLevel);
    expect(estimateTravelMinutes(place(null, VENUE), place(VENUE, 'Saal ZIGZAG'), conference)).toBe(DEFAULT_TRAVEL.sameLevel);
  });

  it('a time the person set for the typed place counts', () => {
    const lookup = createTravelLookup([{ from: 'Food court', to: `${VENUE} | Saal 1`, minutes: 12 }], conference);
    expect(lookup(place(VENUE, 'Saal 1'), place(null, 'Food court'))).toBe(12);
    const lunch = planItem('block', 'Lunch', 60, 120, { venue: null, room: 'Food court' });
    const talk = planItem('session', 'Talk', 0, 60, { venue: VENUE, room: 'Saal 1' });
    expect(findClashes([talk, lunch].map(clashItemFromPlan), lookup)).toEqual([
      { a: talk.id, b: lunch.id, kind: 'transfer', minutes: 12 }
    ]);
  });

  it('the lunch case: a talk ending as lunch starts at the food court is no clash', () => {
    const talk = planItem('session', 'Talk in Saal 1', 0, 60, { venue: VENUE, room: 'Saal 1' }, 5);
    const lunch = planItem('block', 'Lunch', 60, 120, { venue: null, room: 'Food court' });
    const items = [talk, lunch].map(clashItemFromPlan);
    expect(findClashes(items, createTravelLookup([], conference))).toEqual([]);
    // Without knowing the conference's places (the old behaviour) it was a 20-minute transfer clash.
    expect(findClashes(items, createTravelLookup())).toHaveLength(1);
  });
});

describe('resolve all never demotes a personal block', () => {
  const lookup = createTravelLookup([], conference);

  it('a higher-priority session that overlaps lunch goes to backup, lunch stays', () => {
    const lunch = planItem('block', 'Lunch', 60, 120, { venue: null, room: 'Food court' }, 1);
    const talk = planItem('session', 'Must-see talk', 90, 150, { venue: VENUE, room: 'Saal 1' }, 5);
    const result = resolveByPriority([lunch, talk].map(clashItemFromPlan), lookup);
    expect(result.keep).toEqual([lunch.id]);
    expect(result.toBackup).toEqual([talk.id]);
    expect(result.totalPriority).toBe(1);
  });

  it('chooses among the sessions that do not touch a block', () => {
    const a = planItem('session', 'A', 0, 60, { venue: VENUE, room: 'Saal 1' }, 2);
    const b = planItem('session', 'B', 0, 60, { venue: VENUE, room: 'Saal GLUON' }, 4);
    const c = planItem('session', 'C', 100, 130, { venue: VENUE, room: 'Saal 1' }, 5);
    const block = planItem('block', 'Call home', 120, 140, { venue: null, room: null }, 3);
    const result = resolveByPriority([a, b, c, block].map(clashItemFromPlan), lookup);
    expect(result.keep).toEqual([b.id, block.id]);
    expect(result.toBackup).toEqual([a.id, c.id]);
    expect(result.totalPriority).toBe(7);
  });

  it('two blocks that clash with each other both stay for the person to settle', () => {
    const one = planItem('block', 'Dinner', 0, 90, { venue: null, room: 'Hotel' });
    const two = planItem('block', 'Meet Ana', 30, 60, { venue: null, room: null });
    const result = resolveByPriority([one, two].map(clashItemFromPlan), lookup);
    expect(result.keep).toEqual([one.id, two.id]);
    expect(result.toBackup).toEqual([]);
  });
});

describe('the Now view does not invent a walk to a typed place', () => {
  it('the lookup says which walks are known', () => {
    const lookup = createTravelLookup([{ from: 'Hotel', to: `${VENUE} | Saal 1`, minutes: 15 }], conference);
    expect(lookup.known?.(place(VENUE, 'Saal 1'), place(VENUE, 'Saal GLUON'))).toBe(true);
    expect(lookup.known?.(place(VENUE, 'Saal 1'), place(null, 'Food court'))).toBe(false);
    expect(lookup.known?.(place(null, 'Hotel'), place(VENUE, 'Saal 1'))).toBe(true);
  });
});
