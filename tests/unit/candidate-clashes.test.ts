import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clashItemFromPlan, findClashes, type ClashItem } from '../../src/shared/clashes.ts';
import type { PlanItem } from '../../src/shared/domain.ts';
import { placeOf } from '../../src/shared/places.ts';
import { createTravelLookup } from '../../src/shared/travel.ts';
import { createCandidateChecker, type Candidate } from '../../src/renderer/src/lib/state/candidate-clashes.ts';

const MINUTE = 60_000;
const T0 = Date.UTC(2024, 10, 13, 16, 0);
const ROOMS: [string | null, string | null][] = [
  ['Salt Palace', 'Level 1 | 155 EF'],
  ['Salt Palace', 'Level 1 | 151 G'],
  ['Salt Palace', 'Level 2 | 250 AD'],
  ['Hilton', 'Ballroom'],
  [null, null]
];

function planItem(id: number, start: number, minutes: number, room: number, state: PlanItem['state'] = 'going'): PlanItem {
  const [venue, place] = ROOMS[room] ?? [null, null];
  return {
    id,
    conferenceId: 1,
    kind: 'session',
    sessionId: id,
    sessionKey: `k${id}`,
    title: `Talk ${id}`,
    start,
    end: start + minutes * MINUTE,
    venue,
    room: place,
    state,
    priority: 3,
    arriveAt: null,
    leaveAt: null,
    note: null,
    reminder: null,
    status: 'scheduled'
  };
}

/** The reference: the engine run over the whole plan with the candidate added. */
function reference(plan: PlanItem[], candidate: Candidate, travel: ReturnType<typeof createTravelLookup>): number[] {
  const c: ClashItem = {
    id: -99,
    start: candidate.start,
    end: candidate.end,
    arriveAt: null,
    leaveAt: null,
    state: 'going',
    priority: 3,
    status: 'scheduled',
    place: placeOf(candidate.venue, candidate.room)
  };
  return findClashes([...plan.map(clashItemFromPlan), c], travel)
    .filter((x) => x.a === -99 || x.b === -99)
    .map((x) => (x.a === -99 ? x.b : x.a))
    .sort((a, b) => a - b);
}

describe('would-be clashes of a catalog entry', () => {
  const travel = createTravelLookup();

  it('a session at the same time as a going item clashes with it', () => {
    const check = createCandidateChecker([planItem(1, T0, 35, 0)], travel);
    const found = check({ start: T0, end: T0 + 35 * MINUTE, venue: 'Salt Palace', room: 'Level 1 | 151 G' });
    expect(found.map((c) => [c.item.id, c.kind, c.minutes])).toEqual([[1, 'overlap', 35]]);
  });

  it('backups and maybes are not clashes', () => {
    const check = createCandidateChecker([planItem(1, T0, 35, 0, 'backup'), planItem(2, T0, 35, 0, 'maybe')], travel);
    expect(check({ start: T0, end: T0 + 35 * MINUTE, venue: null, room: null })).toEqual([]);
    expect(check.any({ start: T0, end: T0 + 35 * MINUTE, venue: null, room: null })).toBe(false);
  });

  it('a session right after one in another building is a transfer clash', () => {
    const check = createCandidateChecker([planItem(1, T0, 30, 0)], travel);
    const found = check({ start: T0 + 35 * MINUTE, end: T0 + 60 * MINUTE, venue: 'Hilton', room: 'Ballroom' });
    expect(found.map((c) => [c.item.id, c.kind, c.minutes])).toEqual([[1, 'transfer', 15]]);
  });

  it('a planned session is not its own clash', () => {
    const check = createCandidateChecker([planItem(1, T0, 35, 0)], travel);
    expect(check({ start: T0, end: T0 + 35 * MINUTE, venue: 'Salt Palace', room: 'Level 1 | 155 EF' }, 1)).toEqual([]);
  });

  it('matches the engine run over the whole plan, for any plan and candidate', () => {
    const itemArb = fc.record({
      offset: fc.integer({ min: 0, max: 12 * 60 }),
      minutes: fc.integer({ min: 0, max: 180 }),
      room: fc.integer({ min: 0, max: ROOMS.length - 1 }),
      state: fc.constantFrom<PlanItem['state']>('going', 'going', 'backup', 'maybe')
    });
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 40 }), itemArb, fc.boolean(), (items, cand, custom) => {
        const plan = items.map((x, i) => planItem(i + 1, T0 + x.offset * MINUTE, x.minutes, x.room, x.state));
        const lookup = custom ? createTravelLookup([{ from: 'Salt Palace | Level 1 | 155 EF', to: 'Hilton | Ballroom', minutes: 45 }]) : travel;
        const [venue, room] = ROOMS[cand.room] ?? [null, null];
        const candidate = { start: T0 + cand.offset * MINUTE, end: T0 + (cand.offset + cand.minutes) * MINUTE, venue, room };
        const check = createCandidateChecker(plan, lookup);
        const found = check(candidate).map((c) => c.item.id).sort((a, b) => a - b);
        const expected = reference(plan, candidate, lookup);
        expect(found).toEqual(expected);
        expect(check.any(candidate)).toBe(expected.length > 0);
      }),
      { numRuns: 400 }
    );
  });
});
