// Defect 4 (issue #17): "Split time" silently did nothing when the walk between rooms did not fit
// in the overlap. Now it finds a split whenever one exists (5 minutes of each plus the walk), and
// otherwise says why, before anyone clicks.
import { describe, expect, it } from 'vitest';
import { findClashes, type ClashItem } from '../../src/shared/clashes.ts';
import { KnownPlaces, placeOf } from '../../src/shared/places.ts';
import { inEngineOrder, planSplit, splitFor, splitRefusal } from '../../src/shared/split.ts';
import { createTravelLookup, DEFAULT_TRAVEL } from '../../src/shared/travel.ts';

const MIN = 60_000;
const T0 = Date.UTC(2024, 11, 28, 9, 0); // 10:00 in Hamburg
const at = (minutes: number): number => T0 + minutes * MIN;
const travel = createTravelLookup();
const saal1 = placeOf('CCH', 'Saal 1');
const hotel = placeOf('Hotel Atlantic', 'Bar'); // another venue: 20 minutes by default

function item(id: number, from: number, to: number, extra: Partial<ClashItem> = {}): ClashItem {
  return { id, start: at(from), end: at(to), arriveAt: null, leaveAt: null, state: 'going', priority: 3, status: 'scheduled', place: saal1, ...extra };
}

function applied(a: ClashItem, b: ClashItem, aLeaveAt: number, bArriveAt: number): ClashItem[] {
  return [
    { ...a, leaveAt: aLeaveAt },
    { ...b, arriveAt: bArriveAt }
  ];
}

describe('split time when the walk does not fit in the overlap', () => {
  it('a 20-minute talk at another venue inside a one-hour talk: leave early enough to walk there', () => {
    const a = item(1, 0, 60);
    const b = item(2, 40, 60, { place: hotel });
    const plan = splitFor(a, b, travel);
    // The middle of the overlap (10:50) minus half the walk would leave b nothing; the cut moves
    // back until b keeps 5 minutes: leave at 10:35, walk 20, arrive 10:55.
    expect(plan).toEqual({ possible: true, aLeaveAt: at(35), bArriveAt: at(55), walkMinutes: DEFAULT_TRAVEL.otherVenue });
    expect(findClashes(applied(a, b, at(35), at(55)), travel)).toEqual([]);
  });

  it('two 20-minute talks in the same slot at different venues cannot both be reached', () => {
    const plan = splitFor(item(1, 0, 20), item(2, 0, 20, { place: hotel }), travel);
    expect(plan).toEqual({ possible: false, reason: 'no-room', walkMinutes: 20 });
  });

  it('the walk is rounded up to 5 minutes, and exactly enough room is enough', () => {
    // 8 minutes walk as 10; from 0 to 20 there is room for 5 + 10 + 5.
    expect(planSplit(item(1, 0, 20), item(2, 0, 20), 8)).toEqual({ possible: true, aLeaveAt: at(5), bArriveAt: at(15), walkMinutes: 10 });
    expect(planSplit(item(1, 0, 19), item(2, 0, 19), 8)).toMatchObject({ possible: false, reason: 'no-room' });
  });

  it('an attendance window already set counts: the person is only there for part of a', () => {
    const a = item(1, 0, 60, { arriveAt: at(30) });
    // From 10:30 to b's end at 10:55 there is no room for 5 + 20 + 5 minutes; to 11:00 there is.
    expect(splitFor(a, item(2, 30, 55, { place: hotel }), travel)).toMatchObject({ possible: false, reason: 'no-room' });
    expect(splitFor(a, item(2, 30, 60, { place: hotel }), travel)).toMatchObject({ possible: true, aLeaveAt: at(35), bArriveAt: at(55) });
  });

  it('refuses the wrong order instead of guessing', () => {
    expect(planSplit(item(1, 30, 60), item(2, 0, 60), 0)).toMatchObject({ possible: false, reason: 'order' });
  });

  it('engine order puts the earlier item first whichever way they are given', () => {
    const early = item(7, 0, 60);
    const late = item(3, 10, 60);
    expect(inEngineOrder(late, early)).toEqual([early, late]);
    expect(inEngineOrder(early, late)).toEqual([early, late]);
  });

  it('every possible split of every pair of a dense day leaves that pair without a clash', () => {
    let checked = 0;
    let refused = 0;
    for (let sa = 0; sa <= 60; sa += 10) {
      for (let la = 5; la <= 90; la += 15) {
        for (let sb = sa; sb <= sa + 60; sb += 10) {
          for (let lb = 5; lb <= 60; lb += 15) {
            const [a, b] = inEngineOrder(item(1, sa, sa + la), item(2, sb, sb + lb, { place: hotel }));
            if (findClashes([a, b], travel).length === 0) continue;
            const plan = splitFor(a, b, travel);
            if (!plan.possible) {
              refused++;
              // Refused only when a's start + 5 + walk + 5 really passes b's end (or b is under 5 minutes).
              expect(a.start + (5 + 20 + 5) * MIN > Math.min(a.end + 25 * MIN, b.end) || b.end - b.start < 5 * MIN).toBe(true);
              continue;
            }
            checked++;
            expect(plan.aLeaveAt - a.start).toBeGreaterThanOrEqual(5 * MIN);
            expect(b.end - plan.bArriveAt).toBeGreaterThanOrEqual(5 * MIN);
            expect(findClashes(applied(a, b, plan.aLeaveAt, plan.bArriveAt), travel)).toEqual([]);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(10);
  });

  it('offers no split when the walk to a typed place is unknown, and says how to make one possible', () => {
    // Only CCH's rooms are the conference's: "Hotel" is a place the person typed for a block.
    const known = createTravelLookup([], new KnownPlaces([{ venue: 'CCH', room: 'Saal 1' }]));
    const block = item(1, 0, 60, { place: placeOf('Hotel', null), fixed: true });
    const talk = item(2, 30, 90);
    const plan = splitFor(block, talk, known);
    expect(plan).toEqual({ possible: false, reason: 'unknown-walk', walkMinutes: 0, between: ['Hotel', 'CCH | Saal 1'] });
    expect(splitRefusal(plan as Extract<typeof plan, { possible: false }>)).toBe(
      'Set the walk between Hotel and CCH | Saal 1 in Travel times to split the time.'
    );
    // Once the person sets the walk, the split is offered with it.
    const set = createTravelLookup([{ from: 'Hotel', to: 'CCH | Saal 1', minutes: 15 }], new KnownPlaces([{ venue: 'CCH', room: 'Saal 1' }]));
    expect(splitFor(block, talk, set)).toMatchObject({ possible: true, walkMinutes: 15 });
  });
});

describe('why a split cannot be done', () => {
  it('the wrong order reads as a plain refusal, without the engine’s terms', () => {
    expect(splitRefusal({ possible: false, reason: 'order', walkMinutes: 0 })).toBe('These two can’t be split; keep one of them instead.');
  });

  it('names the walk only when there is one', () => {
    expect(splitRefusal({ possible: false, reason: 'no-room', walkMinutes: 0 })).toBe(
      'These two can’t be split: there is no room for 5 minutes of each; keep one of them instead.'
    );
    expect(splitRefusal({ possible: false, reason: 'no-room', walkMinutes: 20 }, ['Keynote', 'Lunch'])).toBe(
      '“Keynote” and “Lunch” can’t be split: there is no room for 5 minutes of each and the 20-min walk; keep one of them instead.'
    );
  });

  it('between two conferences it does not point at a travel table that cannot hold the walk', () => {
    expect(splitRefusal({ possible: false, reason: 'other-conference', walkMinutes: 0 })).toBe(
      'These two belong to different conferences, so the walk between them is unknown; keep one of them instead.'
    );
  });
});
